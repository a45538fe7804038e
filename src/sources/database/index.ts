// The database source: a live PostgreSQL (postgres:// URL), SQL files replayed into PGlite (one .sql file,
// a folder of migrations, a drizzle-kit migrations folder), or a snapshot that `schemadrift pull` wrote
// (FILE.json). The first two are read by the same introspection, so a schema gives the same model
// whichever way it is reached; a snapshot holds that model.

import type { SchemaModel } from '../../model/schema.ts';
import type { Introspection, IntrospectOptions } from './introspect.ts';
import { isSnapshotPath, readSnapshotFile } from './snapshot.ts';

export { pgliteQueryable, pgQueryable, type Queryable } from './queryable.ts';
export { introspect, type Introspection, type IntrospectOptions } from './introspect.ts';
export { formatSnapshot } from './snapshot.ts';
export type { TableFilter } from './filter.ts';

export interface ReadDatabaseOptions extends IntrospectOptions {
  /** The source's name in this run. */
  name: string;
  /** A postgres:// or postgresql:// URL, or a path (relative to cwd) to a .sql file, a folder of them or
   * a snapshot .json file. */
  url: string;
  cwd: string;
}

/** @throws DatabaseError when the server cannot be reached or read, or the files cannot be read or applied. */
export async function readDatabase(opts: ReadDatabaseOptions): Promise<SchemaModel> {
  const { tables, enums, sequences, notes } = await readIntrospection(opts);
  return {
    source: opts.name,
    kind: 'database',
    tables,
    enums,
    sequences,
    diagnostics: notes.map(({ message }) => ({ message })),
  };
}

/**
 * What readDatabase builds its model from, for `pull` to write as a snapshot. The client library of each way
 * in loads only when that way is taken: a commit hook reading a snapshot never loads pg or PGlite.
 */
export async function readIntrospection(opts: Omit<ReadDatabaseOptions, 'name'>): Promise<Introspection> {
  const options: IntrospectOptions = { schemas: opts.schemas, tables: opts.tables, statementTimeoutMs: opts.statementTimeoutMs };
  if (isDatabaseUrl(opts.url)) return (await import('./live.ts')).introspectLive(opts.url, options);
  if (isSnapshotPath(opts.url)) return readSnapshotFile(opts.url, opts.cwd, options);
  return (await import('./replay.ts')).introspectSqlFiles(opts.url, opts.cwd, options);
}

export function isDatabaseUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//i.test(url);
}
