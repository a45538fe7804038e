// A column the database does not have is removed from the code only with `fix --unsafe`: code may still
// read it. The dry run shows the removal either way; `--write` alone leaves it and says so.

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyExample, runCliAsync } from '../helpers/cli.ts';

const SCHEMA = 'nextjs/src/database/schema.ts';
const MODELS = 'fastapi/models/credits.py';

let dir: string;
let original: { schema: string; models: string };

beforeAll(async () => {
  dir = copyExample();
  // The example's other drift is fixed first, so what follows is only about the extra columns.
  const fixed = await runCliAsync(['fix', '--write'], dir);
  expect(fixed.code).toBe(0);
  original = { schema: readFileSync(path.join(dir, SCHEMA), 'utf8'), models: readFileSync(path.join(dir, MODELS), 'utf8') };
  writeFileSync(
    path.join(dir, SCHEMA),
    original.schema.replace('  image: text("image"),\n', '  image: text("image"),\n  nickname: text("nickname"),\n'),
  );
  writeFileSync(
    path.join(dir, MODELS),
    original.models.replace('    name: str\n', '    name: str\n    motto: Optional[str] = None\n'),
  );
});

describe('fix and columns the database does not have', () => {
  it('--dry-run shows their removal and says --write needs --unsafe for it', async () => {
    const r = await runCliAsync(['fix', '--dry-run'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('-  nickname: text("nickname"),\n');
    expect(r.stdout).toContain('-    motto: Optional[str] = None\n');
    expect(r.stderr).toBe(
      '2 changes in 2 files (dry run: nothing written; use --write to apply). 2 of them unsafe (removing code): --write applies those only with --unsafe.\n',
    );
  });

  it('--write alone leaves them, names them, and exits 0', async () => {
    const before = { schema: readFileSync(path.join(dir, SCHEMA), 'utf8'), models: readFileSync(path.join(dir, MODELS), 'utf8') };
    const r = await runCliAsync(['fix', '--write'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      'schemadrift: left 2 unsafe changes (teams.motto: remove the column; users.nickname: remove the column); review them with --dry-run and apply with --unsafe\n',
    );
    expect(readFileSync(path.join(dir, SCHEMA), 'utf8')).toBe(before.schema);
    expect(readFileSync(path.join(dir, MODELS), 'utf8')).toBe(before.models);
  });

  it('--write --unsafe removes them, byte for byte back to the files without them', async () => {
    const r = await runCliAsync(['fix', '--write', '--unsafe'], dir);
    expect(r.code).toBe(0);
    expect(readFileSync(path.join(dir, SCHEMA), 'utf8')).toBe(original.schema);
    expect(readFileSync(path.join(dir, MODELS), 'utf8')).toBe(original.models);
    const check = await runCliAsync(['check', '--format', 'json'], dir);
    expect((JSON.parse(check.stdout) as { findings: { rule: string }[] }).findings.filter((f) => f.rule === 'column-extra')).toEqual([]);
  });
});
