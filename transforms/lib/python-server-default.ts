// A PostgreSQL default as SQLAlchemy's `server_default` says it, and back: a plain string for a string
// constant (SQLAlchemy quotes it), `text("…")` for any other SQL; read as src/sources/sqlmodel/defaults.ts reads
// it, so that "already so" means what `check` means by it.

import type { Node } from '../../src/lang/python.ts';
import { normalizeDefault } from '../../src/compare/normalize/sql-default.ts';
import { serverDefaultSql } from '../../src/sources/sqlmodel/defaults.ts';
import { CannotApply } from './cannot-apply.ts';

const QUOTED = /^'((?:[^']|'')*)'$/;

/** The value to write: a string constant, or SQL for `text(…)`. */
export type ServerDefaultValue = { kind: 'string'; value: string } | { kind: 'sql'; sql: string };

export function serverDefaultValue(sql: string): ServerDefaultValue {
  const normalized = normalizeDefault(sql);
  if (normalized === undefined) throw new Error(`${JSON.stringify(sql)} is no default; remove the default instead`);
  const quoted = QUOTED.exec(normalized);
  return quoted ? { kind: 'string', value: quoted[1]!.replaceAll("''", "'") } : { kind: 'sql', sql: sql.trim() };
}

/**
 * A Python literal the reader can read back: no escapes (it reads only plain literals), so the quote is
 * `preferred`, else the other one, else a triple quote.
 */
export function plainLiteral(value: string, preferred: '"' | "'"): string {
  if (/[\\\r\n]/.test(value)) throw new CannotApply(`${JSON.stringify(value)} needs escapes in Python; write it by hand`);
  const other = preferred === '"' ? "'" : '"';
  for (const q of [preferred, other]) if (!value.includes(q)) return `${q}${value}${q}`;
  const triple = preferred.repeat(3);
  if (!value.includes(triple) && !value.endsWith(preferred)) return `${triple}${value}${triple}`;
  throw new CannotApply(`${JSON.stringify(value)} has both kinds of quotes; write it by hand`);
}

/** The quote of the first string literal under `node`, double quotes when it has none. */
export function quoteOf(node: Node | undefined): '"' | "'" {
  const start = node?.descendantsOfType('string_start')[0]?.text.replace(/^[a-zA-Z]+/, '');
  return start?.startsWith("'") ? "'" : '"';
}

/**
 * Whether the `server_default` value written at `node` already declares `sql`. A string constant is cast to
 * the column's type by the reader (`"0"` → `'0'::integer` → `0`), so one that reads as the same number or
 * boolean counts as the same default.
 */
export function declaresDefault(node: Node, sql: string): boolean {
  const current = serverDefaultSql(node);
  if (current === undefined) return false;
  const wanted = normalizeDefault(sql);
  if (normalizeDefault(current) === wanted) return true;
  return QUOTED.test(current) && ['numeric', 'boolean'].some((type) => normalizeDefault(`${current}::${type}`) === wanted);
}
