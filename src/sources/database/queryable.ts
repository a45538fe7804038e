// The one thing introspection needs from a connection, so the same catalog queries run against a live
// server (pg) and against an in-process PGlite that replayed SQL files.

import type { ClientBase } from 'pg';
import type { PGlite } from '@electric-sql/pglite';

export interface Queryable {
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
}

export function pgQueryable(client: ClientBase): Queryable {
  return {
    async query<T>(sql: string, params?: unknown[]) {
      const result = await client.query(sql, params);
      return { rows: result.rows as T[] };
    },
  };
}

export function pgliteQueryable(db: PGlite): Queryable {
  return {
    async query<T>(sql: string, params?: unknown[]) {
      const result = await db.query<T>(sql, params);
      return { rows: result.rows };
    },
  };
}
