// `fix --write` on a full disk and on a read-only file system: real ones, not mocked calls. The project sits
// on a small tmpfs mounted for the test (which needs root with CAP_SYS_ADMIN, as in CI); without that, a
// read-only folder made with chmod stands in where it can (not for root, whom permissions do not stop), and
// the disk-full case cannot be staged and is skipped, saying why.

import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeSync, closeSync, chmodSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EXAMPLE, runCliAsync } from '../helpers/cli.ts';

const SOURCES = ['nextjs/src/database/schema.ts', 'fastapi/models/credits.py'];

function mountTmpfs(dir: string, size: string): boolean {
  return spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir]).status === 0;
}

function canMount(): boolean {
  if (process.getuid?.() !== 0) return false;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'schemadrift-mount-probe-'));
  const ok = mountTmpfs(dir, '64k');
  if (ok) spawnSync('umount', [dir]);
  rmSync(dir, { recursive: true, force: true });
  return ok;
}

const MOUNT = canMount();
const mounted: string[] = [];

afterEach(() => {
  for (const dir of mounted.splice(0)) spawnSync('umount', [dir]);
});

/** The example on a fresh tmpfs of the given size. */
function exampleOnTmpfs(size: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'schemadrift-fs-'));
  if (!mountTmpfs(dir, size)) throw new Error(`cannot mount a tmpfs on ${dir}`);
  mounted.push(dir);
  cpSync(EXAMPLE, dir, { recursive: true });
  return dir;
}

function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(SOURCES.map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]));
}

/** Fills the file system holding `dir` to the last byte. */
function fill(dir: string): void {
  const fd = openSync(path.join(dir, 'filler'), 'w');
  const block = Buffer.alloc(4096, 1);
  try {
    for (;;) writeSync(fd, block);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    closeSync(fd);
  }
  // Smaller writes can still fill a partly used last page.
  const tail = openSync(path.join(dir, 'filler-tail'), 'w');
  try {
    for (;;) writeSync(tail, Buffer.alloc(1, 1));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    closeSync(tail);
  }
}

function expectUntouched(dir: string, before: Record<string, string>, r: { code: number | null; stdout: string; stderr: string }, reason: RegExp) {
  expect(r.code).toBe(2);
  const lines = r.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(reason);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(snapshot(dir)).toEqual(before);
  for (const folder of ['nextjs/src/database', 'fastapi/models']) {
    expect(readdirSync(path.join(dir, folder)).filter((f) => f.includes('.schemadrift-'))).toEqual([]);
  }
}

describe('fix --write when the disk cannot take the fixes', () => {
  it.skipIf(!MOUNT)('a full disk: exit 2, one line, every file as it was, no temporary file left', async () => {
    const dir = exampleOnTmpfs('1m');
    const before = snapshot(dir);
    fill(dir);
    const r = await runCliAsync(['fix', '--write'], dir);
    expectUntouched(dir, before, r, /^schemadrift: .+: cannot write \(ENOSPC\); nothing was written$/);
  });

  it.skipIf(!MOUNT)('a read-only file system: exit 2, one line, every file as it was', async () => {
    const dir = exampleOnTmpfs('1m');
    const before = snapshot(dir);
    expect(spawnSync('mount', ['-o', 'remount,ro', dir]).status).toBe(0);
    const r = await runCliAsync(['fix', '--write'], dir);
    expectUntouched(dir, before, r, /^schemadrift: .+: cannot write \(EROFS\); nothing was written$/);
  });

  it.skipIf(MOUNT || process.getuid?.() === 0)('a read-only folder (chmod): exit 2, one line, every file as it was', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'schemadrift-ro-'));
    cpSync(EXAMPLE, dir, { recursive: true });
    const before = snapshot(dir);
    const models = path.join(dir, 'fastapi/models');
    chmodSync(models, 0o555);
    try {
      const r = await runCliAsync(['fix', '--write'], dir);
      expectUntouched(dir, before, r, /^schemadrift: .+: cannot write \(EACCES\); nothing was written$/);
    } finally {
      chmodSync(models, 0o755);
    }
  });
});
