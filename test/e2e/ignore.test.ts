// Ignore comments in the example's real files and ignore entries in its config, through the library.

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { check, type CheckResult } from '../../src/api.ts';
import { copyExample } from '../helpers/cli.ts';

const SCHEMA_TS = 'nextjs/src/database/schema.ts';
const CREDITS_PY = 'fastapi/models/credits.py';
const key = (f: CheckResult['findings'][number]) => `${f.severity} ${f.rule} ${f.table}.${f.column}`;

function edit(dir: string, file: string, change: (lines: string[]) => void) {
  const lines = readFileSync(path.join(dir, file), 'utf8').split('\n');
  change(lines);
  writeFileSync(path.join(dir, file), lines.join('\n'));
}

describe('ignore comments and ignore entries on the example', () => {
  let before: CheckResult;
  let after: CheckResult;
  beforeAll(async () => {
    const dir = copyExample();
    before = await check({ cwd: dir, env: {} });
    edit(dir, SCHEMA_TS, (lines) => {
      // On the line: credit_transactions.user_id's `.references(...)` (line 115).
      expect(lines[114]).toBe('    .references(() => users.id, { onDelete: "cascade" }),');
      lines[114] += ' // schemadrift-ignore fk-target';
      // The line above: api_key_credits.user_id's `.references(...)` (line 132, 133 once this is in).
      expect(lines[131]).toBe('    .references(() => users.id, { onDelete: "cascade" }),');
      lines.splice(131, 0, '    // schemadrift-ignore fk-on-delete');
    });
    edit(dir, CREDITS_PY, (lines) => {
      // teams.owner_id's Field( call, where its ON DELETE is reported (line 72).
      expect(lines[71]).toBe('    owner_id: Optional[str] = Field(');
      lines[71] += '  # schemadrift: ignore[fk-on-delete]';
    });
    const configFile = path.join(dir, 'schemadrift.config.json');
    const config = JSON.parse(readFileSync(configFile, 'utf8'));
    writeFileSync(configFile, JSON.stringify({ ...config, ignore: [{ rule: 'column-*', table: 'teams', column: '*' }] }));
    after = await check({ cwd: dir, env: {} });
  }, 120_000);

  it('drops exactly the findings the comments and the entry name', () => {
    const dropped = before.findings.map(key).filter((k) => !after.findings.map(key).includes(k));
    expect(dropped).toEqual([
      'critical fk-target credit_transactions.user_id',
      'warning fk-on-delete api_key_credits.user_id',
      'warning fk-on-delete teams.owner_id',
      'info column-type teams.id',
      'info column-type teams.name',
      'info column-type teams.owner_id',
      'info column-default teams.credits',
      'info column-default teams.created_at',
      'info column-default teams.updated_at',
    ]);
    expect(after.findings.map(key).filter((k) => !before.findings.map(key).includes(k))).toEqual([]);
  });

  it('a comment silences only the rules it names', () => {
    expect(after.findings.filter((f) => f.severity !== 'info').map(key)).toEqual([
      'critical fk-target api_key_credits.user_id',
      'critical fk-target teams.owner_id',
      'warning fk-on-delete credit_transactions.user_id',
    ]);
  });
});
