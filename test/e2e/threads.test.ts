// Big code sources are read on a thread of their own (src/sources/threads.ts), which only the CLI's bundle
// does. The result must be exactly what reading on one thread gives, and an error on the other thread must
// reach the user as the same one line.

import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateProject } from '../../bench/scale/generate.ts';
import { EXAMPLE, runCliAsync } from '../helpers/cli.ts';

let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'schemadrift-threads-'));
  // 400 tables: each code source is well over the 128 KB that earns a thread.
  generateProject(dir, { tables: 400 });
  // A snapshot keeps PGlite out of the comparison below.
  const pulled = await runCliAsync(['pull', '--out', 'snapshot.json'], dir);
  expect(pulled.code).toBe(0);
});

describe('reading a code source on its own thread', () => {
  it('gives byte-identical reports, and says which source had a thread', async () => {
    const args = ['check', '--db', 'snapshot.json', '--format', 'json', '--timings'];
    const [threaded, single] = await Promise.all([
      runCliAsync(args, dir),
      runCliAsync(args, dir, { SCHEMADRIFT_NO_WORKERS: '1' }),
    ]);
    expect(threaded.stderr).toMatch(/read sqlmodel \(sqlmodel, own thread\)/);
    expect(single.stderr).not.toMatch(/own thread/);
    expect(threaded.code).toBe(1);
    expect(single.code).toBe(1);
    expect(threaded.stdout).toBe(single.stdout);
    expect(JSON.parse(threaded.stdout).findings.length).toBeGreaterThan(0);
  });

  it('reports a syntax error found on the other thread as one line with file:line, exit 2', async () => {
    const models = path.join(dir, 'models');
    const file = path.join(models, 'tables_000.py');
    const text = readFileSync(file, 'utf8');
    try {
      writeFileSync(file, `${text}\nclass Broken(:\n    pass\n`);
      const r = await runCliAsync(['check', '--db', 'snapshot.json', '--timings'], dir);
      expect(r.code).toBe(2);
      const lines = r.stderr.trimEnd().split('\n').filter((l) => l.startsWith('schemadrift:'));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^schemadrift: models\/tables_000\.py:\d+:\d+: /);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    } finally {
      writeFileSync(file, text);
    }
  });
});

// A fix limited to files runs the TypeScript transforms on a thread started before the sources are read
// (src/fix/transform-thread.ts). Its diff must be the one the calling thread makes.
describe('the TypeScript transforms on their own thread', () => {
  let clean: string;
  beforeAll(async () => {
    clean = mkdtempSync(path.join(os.tmpdir(), 'schemadrift-transform-thread-'));
    cpSync(EXAMPLE, clean, { recursive: true });
    expect((await runCliAsync(['pull', '--out', 'snapshot.json'], clean)).code).toBe(0);
    expect((await runCliAsync(['fix', '--write', '--db', 'snapshot.json'], clean)).code).toBe(0);
  });
  const copy = () => {
    const app = mkdtempSync(path.join(os.tmpdir(), 'schemadrift-transform-thread-'));
    cpSync(clean, app, { recursive: true });
    return app;
  };
  const args = ['fix', 'nextjs/src/database/schema.ts', '--db', 'snapshot.json', '--timings'];

  it('fix FILE gives the same diff and exit code as without the thread', async () => {
    const app = copy();
    const schema = path.join(app, 'nextjs/src/database/schema.ts');
    writeFileSync(schema, readFileSync(schema, 'utf8').replaceAll('.references(() => userCredits.userId)', '.references(() => users.id)'));
    const [threaded, single] = await Promise.all([runCliAsync(args, app), runCliAsync(args, app, { SCHEMADRIFT_NO_WORKERS: '1' })]);
    expect(threaded.stderr).toMatch(/fix transforms \(own thread\)/);
    expect(single.stderr).not.toMatch(/own thread/);
    expect([threaded.code, single.code]).toEqual([1, 1]);
    expect(threaded.stdout).toBe(single.stdout);
    expect(threaded.stdout).toContain('+    .references(() => userCredits.userId)');
  });

  it('a fix that leaves the thread nothing to do ends with nothing to fix', async () => {
    const r = await runCliAsync(args, copy());
    expect(r).toMatchObject({ code: 0, stdout: '' });
    expect(r.stderr).toMatch(/^Nothing to fix\.\n/);
  });
});
