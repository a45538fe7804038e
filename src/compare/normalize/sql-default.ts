// Default expressions as different tools write the same value: PostgreSQL prints `'x'::text`, `0`,
// `nextval('t_id_seq'::regclass)` and `now()`; code writes `'x'`, `'0'::integer`, `CURRENT_TIMESTAMP`.
// Normalized defaults compare equal, so those spellings are never findings.

const NUMERIC_TYPES = /^(smallint|integer|bigint|int[248]?|numeric|decimal|real|double precision|float[48]?)(\(.*\))?$/;
const NOW = new Set(['now()', 'current_timestamp', 'current_timestamp()', 'transaction_timestamp()']);
const TRUE = new Set(['true', 't', 'yes', 'on', '1']);
const FALSE = new Set(['false', 'f', 'no', 'off', '0']);

/** `(x)` → `x`, only when the parentheses enclose the whole expression. */
function stripParens(text: string): string {
  while (text.startsWith('(') && text.endsWith(')')) {
    let depth = 0;
    let closesAtEnd = true;
    for (let i = 0; i < text.length; i++) {
      if (text[i] === '(') depth++;
      else if (text[i] === ')') depth--;
      if (depth === 0 && i < text.length - 1) {
        closesAtEnd = false;
        break;
      }
    }
    if (!closesAtEnd) break;
    text = text.slice(1, -1).trim();
  }
  return text;
}

/** Splits off a trailing `::type` cast that applies to the whole expression. */
function splitCast(text: string): { expr: string; type?: string } {
  const m = /^(.*?)::\s*("?[a-z_][a-z0-9_ ."]*(\([0-9, ]*\))?(\[\])*)$/i.exec(text);
  if (!m) return { expr: text };
  const expr = m[1]!.trim();
  // `a::int + b::int` ends in a cast that belongs to `b` only: keep the expression whole.
  if (!/^'([^']|'')*'$/.test(expr) && !/^[\w.]+(\(.*\))?$/.test(expr) && !/^\(.*\)$/.test(expr)) return { expr: text };
  return { expr, type: m[2]!.toLowerCase().replace(/\s+/g, ' ') };
}

/** The canonical text of a default, or undefined for "no default" (`NULL` is the same as none). */
export function normalizeDefault(sql: string | undefined): string | undefined {
  if (sql === undefined) return undefined;
  let text = stripParens(sql.trim());
  let cast: string | undefined;
  for (;;) {
    const split = splitCast(text);
    if (!split.type) break;
    cast ??= split.type;
    text = stripParens(split.expr);
  }
  const lower = text.toLowerCase();
  if (lower === 'null') return undefined;
  if (NOW.has(lower)) return 'now()';
  if (lower === 'current_date' || lower === 'current_time' || lower === 'localtimestamp') return lower;
  if (lower === 'true' || lower === 'false') return lower;
  const seq = /^nextval\(\s*'(?:"?public"?\.)?"?([^'"]+)"?'(?:::regclass)?\s*\)$/i.exec(text);
  if (seq) return `nextval('${seq[1]}')`;
  const quoted = /^'((?:[^']|'')*)'$/.exec(text);
  if (quoted && cast) {
    const inner = quoted[1]!;
    if (NUMERIC_TYPES.test(cast) && /^-?\d+(\.\d+)?$/.test(inner)) return inner;
    if (cast === 'boolean' || cast === 'bool') {
      if (TRUE.has(inner.toLowerCase())) return 'true';
      if (FALSE.has(inner.toLowerCase())) return 'false';
    }
  }
  // Function names and keywords are case-insensitive; string literals are not touched.
  if (!text.includes("'")) return text.replace(/\s+/g, ' ').toLowerCase();
  return text;
}
