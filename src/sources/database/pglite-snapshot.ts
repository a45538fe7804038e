// Starting PGlite means running initdb inside WebAssembly, which costs seconds on every run. A freshly
// initialised data directory is the same every time for one PGlite version, so it is dumped once into the
// user's cache and loaded from there afterwards (several times faster). The cache is only a speed-up: any
// failure to read or write it falls back to a fresh start.

import { randomBytes } from 'node:crypto';
import { promises as fs, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { PGlite, PGliteOptions } from '@electric-sql/pglite';

function pgliteVersion(): string | undefined {
  try {
    // The package's exports hide package.json, so walk up from its entry point.
    let dir = path.dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
    for (let i = 0; i < 5; i++, dir = path.dirname(dir)) {
      const manifest = path.join(dir, 'package.json');
      try {
        const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; version?: string };
        if (pkg.name === '@electric-sql/pglite') return pkg.version;
      } catch {
        // not this folder
      }
    }
  } catch {
    // not resolvable: no cache
  }
  return undefined;
}

export function snapshotPath(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.SCHEMADRIFT_NO_CACHE) return undefined;
  const version = pgliteVersion();
  if (!version) return undefined;
  const root = env.SCHEMADRIFT_CACHE_DIR ?? path.join(env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'schemadrift');
  return path.join(root, `pglite-${version}-datadir.tar.gz`);
}

/** A PGlite with a pristine database, from the cached snapshot when there is one. */
export async function createPglite(options: PGliteOptions): Promise<PGlite> {
  const { PGlite } = await import('@electric-sql/pglite');
  const cached = snapshotPath();
  if (cached) {
    const snapshot = await fs.readFile(cached).catch(() => undefined);
    if (snapshot) {
      try {
        return await PGlite.create({ ...options, loadDataDir: new Blob([snapshot]) });
      } catch {
        await fs.rm(cached, { force: true }).catch(() => undefined);
      }
    }
  }
  const db = await PGlite.create(options);
  if (cached) await saveSnapshot(db, cached).catch(() => undefined);
  return db;
}

async function saveSnapshot(db: PGlite, file: string): Promise<void> {
  const blob = await db.dumpDataDir('gzip');
  await fs.mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  await fs.writeFile(temp, Buffer.from(await blob.arrayBuffer()));
  // A rename is atomic, so concurrent runs never read half a snapshot.
  await fs.rename(temp, file);
}
