import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createPglite, snapshotPath } from '../../src/sources/database/pglite-snapshot.ts';

describe('the PGlite data-directory snapshot', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('lives in the cache folder, keyed by PGlite version, and can be turned off', () => {
    expect(snapshotPath({ SCHEMADRIFT_CACHE_DIR: '/c' })).toMatch(/^\/c\/pglite-\d+\.\d+\.\d+-datadir\.tar\.gz$/);
    expect(snapshotPath({ XDG_CACHE_HOME: '/x' })).toMatch(/^\/x\/schemadrift\/pglite-/);
    expect(snapshotPath({ SCHEMADRIFT_NO_CACHE: '1', SCHEMADRIFT_CACHE_DIR: '/c' })).toBeUndefined();
  });

  it('is written by the first start and gives a working, empty database on the next', async () => {
    process.env.SCHEMADRIFT_CACHE_DIR = mkdtempSync(path.join(os.tmpdir(), 'schemadrift-cache-'));
    delete process.env.SCHEMADRIFT_NO_CACHE;
    const first = await createPglite({});
    await first.exec('CREATE TABLE only_in_first (id int)');
    await first.close();
    expect(existsSync(snapshotPath()!)).toBe(true);

    const second = await createPglite({});
    try {
      const { rows } = await second.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_class WHERE relname = 'only_in_first'",
      );
      // The snapshot was taken before any SQL ran, so nothing of the first run leaks into the second.
      expect(rows).toEqual([{ n: 0 }]);
    } finally {
      await second.close();
    }
  });
});
