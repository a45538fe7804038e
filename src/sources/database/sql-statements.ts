// Finds where each statement of a SQL script starts and ends, knowing enough of PostgreSQL's lexical rules
// (quotes, E'' strings, dollar quoting, nested comments) not to split inside them. It cuts very big scripts
// into runs of whole statements (replay.ts), points at the statement that failed and finds psql's
// meta-commands between statements.

export interface StatementRange {
  /** Offset of the statement's first character that is not whitespace or a comment. */
  start: number;
  /** Offset just past its terminating semicolon (or the end of the text). */
  end: number;
}

export function splitStatements(text: string): StatementRange[] {
  return scanSql(text).statements;
}

/**
 * psql meta-commands (`\connect`, and `\restrict` that pg_dump writes since 17.6) are not SQL, so the
 * server rejects them. Blanked with spaces, not removed, so offsets and line numbers stay true.
 */
export function blankPsqlMetaCommands(text: string): string {
  let out = text;
  for (const { start, end } of scanSql(text).metaCommands) {
    out = out.slice(0, start) + ' '.repeat(end - start) + out.slice(end);
  }
  return out;
}

function scanSql(text: string): { statements: StatementRange[]; metaCommands: StatementRange[] } {
  const ranges: StatementRange[] = [];
  const metaCommands: StatementRange[] = [];
  let start = -1;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const ch = text[i]!;
    const next = text[i + 1];
    if (ch === '-' && next === '-') {
      const eol = text.indexOf('\n', i);
      i = eol === -1 ? n : eol + 1;
      continue;
    }
    if (ch === '/' && next === '*') {
      i = skipBlockComment(text, i);
      continue;
    }
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (start === -1 && ch === '\\') {
      // Between statements, psql reads a backslash as a meta-command running to the end of the line.
      const eol = text.indexOf('\n', i);
      const end = eol === -1 ? n : eol;
      metaCommands.push({ start: i, end });
      i = end;
      continue;
    }
    if (start === -1) start = i;
    if (ch === ';') {
      ranges.push({ start, end: i + 1 });
      start = -1;
      i++;
    } else if (ch === "'") {
      i = skipQuoted(text, i, "'", isEscapeString(text, i));
    } else if (ch === '"') {
      i = skipQuoted(text, i, '"', false);
    } else if (ch === '$') {
      i = skipDollarQuoted(text, i);
    } else {
      i++;
    }
  }
  if (start !== -1) ranges.push({ start, end: n });
  return { statements: ranges, metaCommands };
}

function skipBlockComment(text: string, from: number): number {
  let depth = 0;
  let i = from;
  while (i < text.length) {
    if (text.startsWith('/*', i)) {
      depth++;
      i += 2;
    } else if (text.startsWith('*/', i)) {
      depth--;
      i += 2;
      if (depth === 0) return i;
    } else {
      i++;
    }
  }
  return text.length;
}

/** `E'…'` takes backslash escapes, but only when the E is a token of its own, not the end of a word. */
function isEscapeString(text: string, quote: number): boolean {
  const prefix = text[quote - 1];
  return (prefix === 'E' || prefix === 'e') && !isIdentifierChar(text[quote - 2]);
}

function skipQuoted(text: string, from: number, quote: string, backslashEscapes: boolean): number {
  let i = from + 1;
  while (i < text.length) {
    const ch = text[i];
    if (backslashEscapes && ch === '\\') {
      i += 2;
    } else if (ch === quote) {
      if (text[i + 1] === quote) i += 2;
      else return i + 1;
    } else {
      i++;
    }
  }
  return text.length;
}

function skipDollarQuoted(text: string, from: number): number {
  // `$1` is a parameter and `a$b` an identifier; only `$tag$` with a tag not starting with a digit opens
  // a dollar-quoted string.
  if (isIdentifierChar(text[from - 1])) return from + 1;
  const tag = /^\$(?:[A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/.exec(text.slice(from, from + 64))?.[0];
  if (!tag) return from + 1;
  const close = text.indexOf(tag, from + tag.length);
  return close === -1 ? text.length : close + tag.length;
}

function isIdentifierChar(ch: string | undefined): boolean {
  return ch !== undefined && /[A-Za-z0-9_$\u0080-\uffff]/.test(ch);
}
