// Which tables of a database are read: the source's `tables` include/exclude globs, matched against both
// `table` and `schema.table`, so `users`, `auth.*` and `*_archive` all mean what they say. The same test
// is applied to a live server's table list (before the per-table queries, so excluded tables cost nothing)
// and to a snapshot's.

import { matchesAny } from '../../util/glob.ts';

export interface TableFilter {
  /** When non-empty, only tables matching one of these. */
  include?: string[];
  /** Tables matching one of these are left out, even if included. */
  exclude?: string[];
}

export function keepsTable(filter: TableFilter | undefined, schema: string, name: string): boolean {
  if (!filter) return true;
  const matches = (patterns: string[] | undefined) =>
    matchesAny(patterns, name) || matchesAny(patterns, `${schema}.${name}`);
  if (filter.include?.length && !matches(filter.include)) return false;
  return !matches(filter.exclude);
}

export function keepsSchema(schemas: string[] | undefined, schema: string): boolean {
  return !schemas || schemas.includes(schema);
}

/** Code-unit order, not the server's collation, so a live server and PGlite sort alike. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
