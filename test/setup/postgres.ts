// Vitest global setup: one real PostgreSQL server for the whole run. Tests that need a database make their
// own uniquely named one on it (test/helpers/database.ts), so test files stay isolated when run in parallel.
// Set TEST_DATABASE_URL to use an existing server instead (any database on it that may CREATE DATABASE).

import type { TestProject } from 'vitest/node';
import { startPostgres } from './server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = process.env.TEST_DATABASE_URL;
  if (external) {
    project.provide('databaseUrl', external);
    return async () => {};
  }
  const server = await startPostgres();
  project.provide('databaseUrl', server.url);
  return () => server.stop();
}
