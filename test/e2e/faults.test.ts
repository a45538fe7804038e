// Faults outside the user's control end the run with one clear line and exit 2, never a stack trace or a
// hang.

import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { EXAMPLE, runCliAsync } from '../helpers/cli.ts';

/** A TCP proxy to the real server that cuts both sides once the server has sent `cutAfter` bytes. */
function cuttingProxy(target: URL, cutAfter: number): Promise<{ port: number; close(): void }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port), target.hostname);
    sockets.add(client).add(upstream);
    let sent = 0;
    client.on('data', (d) => upstream.write(d));
    upstream.on('data', (d) => {
      sent += d.length;
      if (sent > cutAfter) {
        client.destroy();
        upstream.destroy();
      } else client.write(d);
    });
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        port: (server.address() as net.AddressInfo).port,
        close: () => {
          for (const s of sockets) s.destroy();
          server.close();
        },
      }),
    ),
  );
}

describe('a connection dropped during introspection', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(path.join(EXAMPLE, 'db/schema.sql'));
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('is one line naming the server, exit 2, no password', async () => {
    const url = new URL(db.url);
    // Enough for the handshake and the first catalog answers, not for all of them.
    const proxy = await cuttingProxy(url, 4_000);
    try {
      const viaProxy = new URL(db.url);
      viaProxy.port = String(proxy.port);
      // Asynchronously: the proxy lives in this process's event loop.
      const r = await runCliAsync(['check', '--db', viaProxy.toString()], EXAMPLE);
      expect(r.code).toBe(2);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain(`cannot read the schema of 127.0.0.1:${proxy.port}/`);
      expect(r.stdout + r.stderr).not.toContain(url.password);
    } finally {
      proxy.close();
    }
  }, 120_000);
});
