// A fresh, uniquely named database per test file or test, on the server test/setup/postgres.ts provides,
// so tests never see each other's tables and can run in parallel.

import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';

export interface TestDatabase {
  /** postgres:// URL of the new database. */
  url: string;
  drop(): Promise<void>;
}

/** Creates an empty database and, when given, runs a SQL file in it (path relative to the process cwd). */
export async function createTestDatabase(sqlFile?: string): Promise<TestDatabase> {
  const serverUrl = inject('databaseUrl');
  const name = `schemadrift_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await withClient(serverUrl, (client) => client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`));

  const url = withDatabase(serverUrl, name);
  const drop = () =>
    withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`));
  if (sqlFile) {
    try {
      const sql = await readFile(path.resolve(sqlFile), 'utf8');
      await withClient(url, (client) => client.query(sql));
    } catch (error) {
      await drop();
      throw error;
    }
  }
  return { url, drop: async () => void (await drop()) };
}

function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

async function withClient<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}
