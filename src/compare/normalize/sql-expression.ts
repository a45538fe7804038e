// CHECK conditions and similar expressions as different tools print them: PostgreSQL wraps them in
// parentheses, adds `::text` to literals and quotes identifiers only when it must; code writes them bare.
// This is a textual normalization, not a parser: equal meaning spelled very differently still differs.

const CAST_TYPE = '(?:character varying|double precision|time(?:stamp)?(?:\\(\\d+\\))? with(?:out)? time zone|[a-z_][a-z0-9_]*)(?:\\([0-9,]*\\))?(?:\\[\\])*';

export function normalizeExpression(sql: string): string {
  // Split into string literals and quoted identifiers (kept verbatim, except that a quoted lower-case
  // identifier is the same as the bare one) and the rest (case- and space-insensitive).
  const pieces = sql.trim().split(/('(?:[^']|'')*'|"(?:[^"]|"")*")/);
  let text = pieces
    .map((piece, i) => {
      if (i % 2 === 1) return /^"[a-z_][a-z0-9_]*"$/.test(piece) ? piece.slice(1, -1) : piece;
      return piece
        .toLowerCase()
        .replace(/\s+/g, ' ')
        .replace(/\s*([()<>=!,+\-*/]+)\s*/g, '$1');
    })
    .join('');
  // `(status)::text`, `(0)::numeric`: the implicit casts PostgreSQL spells out; `'x'::text`, `1::numeric`:
  // the casts it adds to literals.
  text = text.replace(new RegExp(`\\(([a-z_][a-z0-9_]*|-?\\d+(?:\\.\\d+)?)\\)::${CAST_TYPE}`, 'g'), '$1');
  text = text.replace(new RegExp(`('(?:[^']|'')*'|\\b\\d+(?:\\.\\d+)?)::${CAST_TYPE}`, 'g'), '$1');
  while (text.startsWith('(') && text.endsWith(')') && balanced(text.slice(1, -1))) text = text.slice(1, -1);
  return text;
}

function balanced(text: string): boolean {
  let depth = 0;
  for (const ch of text) {
    if (ch === '(') depth++;
    else if (ch === ')' && --depth < 0) return false;
  }
  return depth === 0;
}
