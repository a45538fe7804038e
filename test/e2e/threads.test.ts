// Big code sources are read on a thread of their own (src/sources/threads.ts), which only the CLI's bundle
// does. The result must be exactly what reading on one thread gives, and an error on the other thread must
// reach the user as the same one line.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateProject } from '../../bench/scale/generate.ts';
import { runCliAsync } from '../helpers/cli.ts';

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
