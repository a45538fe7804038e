// The database source: a live PostgreSQL (postgres:// URL), or SQL files replayed into PGlite (one .sql
// file, a folder of migrations, a drizzle-kit migrations folder). Both are read by the same introspection,
// so a schema gives the same model whichever way it is reached.

import type { SchemaModel } from '../../model/schema.ts';
import { introspectLive, isDatabaseUrl } from './live.ts';
import { introspectSqlFiles } from './replay.ts';

export { pgliteQueryable, pgQueryable, type Queryable } from './queryable.ts';
export { introspect, type Introspection, type IntrospectOptions } from './introspect.ts';

export interface ReadDatabaseOptions {
  /** The source's name in this run. */
  name: string;
  /** A postgres:// or postgresql:// URL, or a path to a .sql file or a folder of them (relative to cwd). */
  url: string;
  cwd: string;
  /** Only these schemas; every non-system schema when absent. */
  schemas?: string[];
}

/** @throws DatabaseError when the server cannot be reached or read, or the SQL cannot be applied. */
export async function readDatabase(opts: ReadDatabaseOptions): Promise<SchemaModel> {
  const options = { schemas: opts.schemas };
  const { tables, diagnostics } = isDatabaseUrl(opts.url)
    ? await introspectLive(opts.url, options)
    : await introspectSqlFiles(opts.url, opts.cwd, options);
  return { source: opts.name, kind: 'database', tables, diagnostics };
}
