import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Starts one throwaway PostgreSQL for the run (or uses TEST_DATABASE_URL).
    globalSetup: ['test/setup/postgres.ts'],
    // initdb and server start-up, and PGlite start-up inside tests, take seconds, not milliseconds.
    hookTimeout: 120_000,
    // End-to-end tests run the real binary several times; on a busy 2-core machine each run can take 10 s.
    testTimeout: 180_000,
  },
});
