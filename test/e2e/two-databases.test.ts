// Two databases, `local` and `prod`, that differ from each other and from the code: N named sources of
// one kind, one column per source, and the source-selection flags. `local` is the example's db/schema.sql,
// `prod` a copy with three changes (a column added, a type widened, a default set).

import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { check, type CheckResult } from '../../src/api.ts';
import { EXAMPLE, runCli } from '../helpers/cli.ts';

const essentials = (f: CheckResult['findings'][number]) => ({ rule: f.rule, severity: f.severity, table: f.table, column: f.column, values: f.values, truth: f.truth });

function replaceOnce(text: string, from: string, to: string): string {
  if (text.split(from).length !== 2) throw new Error(`expected exactly one "${from}" in schema.sql`);
  return text.replace(from, to);
}

function twoDatabaseApp(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'schemadrift-two-db-'));
  cpSync(EXAMPLE, dir, { recursive: true });
  let prod = readFileSync(path.join(dir, 'db/schema.sql'), 'utf8');
  prod = replaceOnce(prod, '    stripe_customer_id text,\n', '    stripe_customer_id text,\n    deleted_at timestamp,\n');
  prod = replaceOnce(prod, '    name text NOT NULL,\n    credits integer DEFAULT 0 NOT NULL,', '    name character varying(100) NOT NULL,\n    credits integer DEFAULT 0 NOT NULL,');
  prod = replaceOnce(prod, '    daily_limit integer,', '    daily_limit integer DEFAULT 100,');
  writeFileSync(path.join(dir, 'db/prod.sql'), prod);
  writeFileSync(
    path.join(dir, 'schemadrift.config.json'),
    JSON.stringify({
      truth: 'local',
      sources: {
        local: { kind: 'database', url: 'db/schema.sql' },
        prod: { kind: 'database', url: 'db/prod.sql' },
        drizzle: { kind: 'drizzle', files: ['nextjs/src/database/schema.ts'] },
        sqlmodel: { kind: 'sqlmodel', files: ['fastapi/models/**/*.py'] },
      },
    }),
  );
  return dir;
}

describe('two databases (local, prod) and two code sources', () => {
  let dir: string;
  let all: CheckResult;
  beforeAll(async () => {
    dir = twoDatabaseApp();
    all = await check({ cwd: dir, env: {} });
  }, 120_000);

  it('local vs prod alone: exactly the three changes, prod being wrong where local is the truth', async () => {
    const r = await check({ cwd: dir, env: {}, onlySources: ['local', 'prod'] });
    expect(r.config.sources.map((s) => s.name)).toEqual(['local', 'prod']);
    expect(r.findings.map(essentials)).toEqual([
      { rule: 'column-extra', severity: 'critical', table: 'users', column: 'deleted_at', values: { local: null, prod: 'timestamp without time zone' }, truth: 'local' },
      { rule: 'column-default', severity: 'warning', table: 'api_key_credits', column: 'daily_limit', values: { local: null, prod: '100' }, truth: 'local' },
      { rule: 'column-type', severity: 'warning', table: 'teams', column: 'name', values: { local: 'text', prod: 'character varying(100)' }, truth: 'local' },
    ]);
  });

  it('all four sources: one value per source on every finding, prod agreeing with local except where it changed', () => {
    const changed = (f: { table: string; column: string | null }) =>
      ['users.deleted_at', 'api_key_credits.daily_limit', 'teams.name'].includes(`${f.table}.${f.column}`);
    for (const f of all.findings) {
      expect(Object.keys(f.values)).toEqual(['local', 'prod', 'drizzle', 'sqlmodel']);
      if (!changed(f)) expect([f.rule, f.table, f.column, f.values.prod]).toEqual([f.rule, f.table, f.column, f.values.local]);
    }
    expect(all.findings.filter(changed).map(essentials)).toEqual([
      // Better Auth's users: SQLModel does not model the table (null, not-modelled), Drizzle lacks the column.
      { rule: 'column-extra', severity: 'critical', table: 'users', column: 'deleted_at', values: { local: null, prod: 'timestamp without time zone', drizzle: null, sqlmodel: null }, truth: 'local' },
      { rule: 'column-default', severity: 'warning', table: 'api_key_credits', column: 'daily_limit', values: { local: null, prod: '100', drizzle: null, sqlmodel: null }, truth: 'local' },
      { rule: 'column-type', severity: 'warning', table: 'teams', column: 'name', values: { local: 'text', prod: 'character varying(100)', drizzle: 'text', sqlmodel: 'character varying' }, truth: 'local' },
    ]);
    expect(all.findings.find((f) => f.table === 'users')!.presence).toEqual({ local: 'absent', prod: 'present', drizzle: 'absent', sqlmodel: 'not-modelled' });
    // The seed's three wrong foreign keys are still the only other critical findings.
    expect(all.findings.filter((f) => f.severity === 'critical' && !changed(f)).map((f) => `${f.rule} ${f.table}.${f.column}`)).toEqual([
      'fk-target api_key_credits.user_id', 'fk-target credit_transactions.user_id', 'fk-target teams.owner_id',
    ]);
  });

  it('--ignore-source prod gives the example\'s own findings', async () => {
    const without = await check({ cwd: dir, env: {}, ignoreSources: ['prod'] });
    const example = await check({ cwd: EXAMPLE, env: {} });
    const rename = (f: CheckResult['findings'][number]) => ({
      ...essentials(f),
      values: Object.fromEntries(Object.entries(f.values).map(([s, v]) => [s === 'database' ? 'local' : s, v])),
      truth: 'local',
    });
    expect(without.findings.map(essentials)).toEqual(example.findings.map(rename));
  }, 120_000);

  it('an owner is the truth for its tables', async () => {
    const config = JSON.parse(readFileSync(path.join(dir, 'schemadrift.config.json'), 'utf8'));
    writeFileSync(path.join(dir, 'owned.config.json'), JSON.stringify({ ...config, owners: { users: 'prod', '*': 'local' } }));
    const r = await check({ cwd: dir, env: {}, config: 'owned.config.json', onlySources: ['local', 'prod'] });
    expect(r.findings.map((f) => [f.rule, f.severity, f.table, f.truth])).toEqual([
      ['column-default', 'warning', 'api_key_credits', 'local'],
      ['column-type', 'warning', 'teams', 'local'],
      // prod owns users, so local is the one lacking the column: missing, not extra.
      ['column-missing', 'warning', 'users', 'prod'],
    ]);
  });

  it('the table report has one column per source', () => {
    const r = runCli(['check', '--only-source', 'local', 'prod', 'drizzle', '--no-color'], dir);
    expect(r.code).toBe(1);
    const header = r.stdout.split('\n').find((l) => l.startsWith('Issue'))!;
    expect(header.split(/\s{2,}/)).toEqual(['Issue', 'Rule', 'local (truth)', 'prod', 'drizzle', 'Status']);
  });
});
