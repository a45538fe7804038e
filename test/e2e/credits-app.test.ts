// The seed's story, end to end through the real binary: check finds the report's three wrong foreign keys
// (and what the report overlooked), fix shows them as a diff, writes them, and a second run finds nothing.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../helpers/database.ts';
import { copyExample, EXAMPLE, ROOT, runCli } from '../helpers/cli.ts';

const GOLDEN = path.join(ROOT, 'test/e2e/golden');
const golden = (name: string) => readFileSync(path.join(GOLDEN, name), 'utf8');
const SCHEMA_TS = 'nextjs/src/database/schema.ts';
const CREDITS_PY = 'fastapi/models/credits.py';

const credit = { database: 'user_credits.user_id', drizzle: 'users.id', sqlmodel: 'user_credits.user_id' };
const owner = { database: 'users.id', drizzle: 'users.id', sqlmodel: 'user_credits.user_id' };
const varcharInCode = (table: string, column: string) => ({
  rule: 'column-type', severity: 'info', table, column,
  values: { database: 'character varying', drizzle: 'text', sqlmodel: 'character varying' },
});
const textInDb = (table: string, column: string) => ({
  rule: 'column-type', severity: 'info', table, column,
  values: { database: 'text', drizzle: 'text', sqlmodel: 'character varying' },
});

// The database has server defaults (DEFAULT 0, DEFAULT now()) that Drizzle declares too and SQLModel does
// not: its models fill those values in the application (`default=0`, `default_factory=utcnow`), which is not
// a database fact, so the difference is only info (issue 7's "client-side defaults vs none").
const serverDefaultNotInPython = (table: string, column: string, value: string) => ({
  rule: 'column-default', severity: 'info', table, column, values: { database: value, drizzle: value, sqlmodel: null },
});
// The database and SQLModel (`Field(index=True)`) index credit_transactions.user_id and .type; the Drizzle
// schema declares no index. A non-unique index is a performance fact, not a correctness one: info.
const indexNotInDrizzle = (column: string) => ({
  rule: 'index-missing', severity: 'info', table: 'credit_transactions', column,
  values: { database: `INDEX (${column})`, drizzle: null, sqlmodel: `INDEX (${column})` },
});

/** Every finding the example must produce, in report order. */
const EXPECTED = [
  { rule: 'fk-target', severity: 'critical', table: 'api_key_credits', column: 'user_id', values: credit },
  { rule: 'fk-target', severity: 'critical', table: 'credit_transactions', column: 'user_id', values: credit },
  { rule: 'fk-target', severity: 'critical', table: 'teams', column: 'owner_id', values: owner },
  { rule: 'fk-on-delete', severity: 'warning', table: 'api_key_credits', column: 'user_id', values: { database: 'NO ACTION', drizzle: 'CASCADE', sqlmodel: 'NO ACTION' } },
  { rule: 'fk-on-delete', severity: 'warning', table: 'credit_transactions', column: 'user_id', values: { database: 'NO ACTION', drizzle: 'CASCADE', sqlmodel: 'NO ACTION' } },
  { rule: 'fk-on-delete', severity: 'warning', table: 'teams', column: 'owner_id', values: { database: 'CASCADE', drizzle: 'CASCADE', sqlmodel: 'NO ACTION' } },
  varcharInCode('api_key_credits', 'api_key'),
  varcharInCode('api_key_credits', 'user_id'),
  varcharInCode('api_key_credits', 'team_id'),
  serverDefaultNotInPython('api_key_credits', 'credits', '0'),
  serverDefaultNotInPython('api_key_credits', 'created_at', 'now()'),
  serverDefaultNotInPython('api_key_credits', 'updated_at', 'now()'),
  varcharInCode('credit_transactions', 'id'),
  varcharInCode('credit_transactions', 'user_id'),
  varcharInCode('credit_transactions', 'team_id'),
  varcharInCode('credit_transactions', 'type'),
  varcharInCode('credit_transactions', 'operation'),
  varcharInCode('credit_transactions', 'resource_id'),
  varcharInCode('credit_transactions', 'api_key_id'),
  serverDefaultNotInPython('credit_transactions', 'created_at', 'now()'),
  indexNotInDrizzle('type'),
  indexNotInDrizzle('user_id'),
  textInDb('teams', 'id'),
  textInDb('teams', 'name'),
  textInDb('teams', 'owner_id'),
  serverDefaultNotInPython('teams', 'credits', '0'),
  serverDefaultNotInPython('teams', 'created_at', 'now()'),
  serverDefaultNotInPython('teams', 'updated_at', 'now()'),
  varcharInCode('user_credits', 'user_id'),
  varcharInCode('user_credits', 'team_id'),
  serverDefaultNotInPython('user_credits', 'credits', '0'),
  serverDefaultNotInPython('user_credits', 'total_credits_purchased', '0'),
  serverDefaultNotInPython('user_credits', 'created_at', 'now()'),
  serverDefaultNotInPython('user_credits', 'updated_at', 'now()'),
];

interface JsonFinding {
  rule: string;
  severity: string;
  table: string;
  column: string | null;
  values: Record<string, string | null>;
  truth: string;
  fixable: boolean;
  locations: { source: string; file: string; line: number; column: number }[];
}

const parse = (stdout: string) => JSON.parse(stdout) as { findings: JsonFinding[] };
const essentials = (f: JsonFinding) => ({ rule: f.rule, severity: f.severity, table: f.table, column: f.column, values: f.values });

describe('the credits-app example (embedded PGlite from db/schema.sql)', () => {
  it('check finds the seed report\'s three wrong foreign keys, the ON DELETE drift it missed, and only info otherwise', () => {
    const r = runCli(['check', '--format', 'json'], EXAMPLE);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const { findings } = parse(r.stdout);
    expect(findings.map(essentials)).toEqual(EXPECTED);
    for (const f of findings) {
      expect(f.truth).toBe('database');
      // The foreign keys, and the two indexes Drizzle lacks.
      expect(f.fixable).toBe(f.rule.startsWith('fk-') || f.rule === 'index-missing');
    }
    // The seed report's line numbers: schema.ts:113-115, credits.py:85, credits.py:72-73.
    const where = (table: string, rule = 'fk-target') =>
      findings.find((f) => f.table === table && f.rule === rule)!.locations.map((l) => `${l.source} ${l.file}:${l.line}`);
    expect(where('credit_transactions')).toEqual([`drizzle ${SCHEMA_TS}:115`, `sqlmodel ${CREDITS_PY}:85`]);
    expect(where('api_key_credits')).toEqual([`drizzle ${SCHEMA_TS}:132`, `sqlmodel ${CREDITS_PY}:105`]);
    expect(where('teams')).toEqual([`drizzle ${SCHEMA_TS}:86`, `sqlmodel ${CREDITS_PY}:73`]);
  });

  it('check prints the summary table', () => {
    const r = runCli(['check'], EXAMPLE);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(golden('check.txt'));
  });

  it('fix --dry-run --rule fk-target prints exactly the seed report\'s three changes', () => {
    const r = runCli(['fix', '--dry-run', '--rule', 'fk-target'], EXAMPLE);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(golden('fk-target.diff'));
    expect(r.stderr).toBe('3 changes in 2 files (dry run: nothing written; use --write to apply).\n');
  });

  it('fix --write makes every foreign key and index agree with the database, and a second run changes nothing', () => {
    const dir = copyExample();
    const dry = runCli(['fix'], dir);
    expect(dry.code).toBe(1);
    expect(dry.stdout).toBe(golden('fix-all.diff'));

    const write = runCli(['fix', '--write'], dir);
    expect(write.stderr).toBe('');
    expect(write.code).toBe(0);
    expect(write.stdout).toBe(
      `fixed ${SCHEMA_TS}: api_key_credits.user_id: references → userCredits.userId; ` +
        'credit_transactions.user_id: references → userCredits.userId; api_key_credits.user_id: onDelete → NO ACTION; ' +
        'credit_transactions.user_id: onDelete → NO ACTION; credit_transactions.type: index ix_credit_transactions_type; ' +
        'credit_transactions.user_id: index ix_credit_transactions_user_id\n' +
        `fixed ${CREDITS_PY}: teams.owner_id: foreign_key → users.id; teams.owner_id: ondelete → CASCADE\n`,
    );
    expect(readFileSync(path.join(dir, SCHEMA_TS), 'utf8')).toBe(golden('schema.fixed.ts'));
    expect(readFileSync(path.join(dir, CREDITS_PY), 'utf8')).toBe(golden('credits.fixed.py'));

    const again = runCli(['fix', '--dry-run'], dir);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe('');
    const rewrite = runCli(['fix', '--write'], dir);
    expect(rewrite.code).toBe(0);
    expect(readFileSync(path.join(dir, SCHEMA_TS), 'utf8')).toBe(golden('schema.fixed.ts'));

    const after = runCli(['check', '--format', 'json'], dir);
    expect(after.code).toBe(0);
    const left = parse(after.stdout).findings;
    expect(left.filter((f) => f.rule.startsWith('fk-'))).toEqual([]);
    // The two indexes the database has and Drizzle lacked are added too; the other info findings stay.
    expect(left.map(essentials)).toEqual(EXPECTED.filter((f) => f.severity === 'info' && f.rule !== 'index-missing'));
    // Six runs of the binary, one after the other: more than the default minute on a busy machine.
  }, 300_000);
});

describe('the credits-app example against a live PostgreSQL server', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    db = await createTestDatabase(path.join(EXAMPLE, 'db/schema.sql'));
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('gives the same JSON report as the embedded database', () => {
    const live = runCli(['check', '--format', 'json', '--db', db.url], EXAMPLE);
    const embedded = runCli(['check', '--format', 'json'], EXAMPLE);
    expect(live.stderr).toBe('');
    expect(live.code).toBe(1);
    expect(live.stdout).toBe(embedded.stdout);
  });

  it('takes the database from DATABASE_URL when the config and flags name none', () => {
    // Run from a folder without a config, so nothing else names a database.
    const noConfig = runCli(
      ['check', '--format', 'json', '--drizzle', path.join(EXAMPLE, SCHEMA_TS), '--sqlmodel', path.join(EXAMPLE, 'fastapi/models')],
      ROOT,
      { DATABASE_URL: db.url },
    );
    expect(noConfig.stderr).toBe('');
    expect(noConfig.code).toBe(1);
    expect(parse(noConfig.stdout).findings.map(essentials)).toEqual(EXPECTED);
  });
});
