// CHECK conditions and partial-index predicates as a real PostgreSQL stores and prints them, against the way
// code writes them: equal meaning is one key, different meaning is not.

import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compare } from '../../src/compare/index.ts';
import { canonicalExpression, loadSqlParser } from '../../src/compare/normalize/sql-ast.ts';
import type { SchemaModel, Table } from '../../src/model/schema.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';

/** Conditions as code writes them, each stored by the server as a CHECK (whose printed form we read back). */
const WRITTEN = {
  range: 'amount >= 0 AND amount < 1000',
  list: "status IN ('draft', 'live')",
  notList: "status NOT IN ('gone')",
  pattern: "email LIKE '%@%'",
  nested: '(a > 0 OR b > 0) AND email IS NOT NULL',
  three: 'a > 0 AND b > 0 AND amount > 0',
} as const;

let db: TestDatabase;
const printed = new Map<string, string>();
let predicate = '';

beforeAll(async () => {
  db = await createTestDatabase();
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    const checks = Object.entries(WRITTEN).map(([name, sql]) => `CONSTRAINT "${name}" CHECK (${sql})`);
    await client.query(
      `CREATE TABLE t (a int, b int, amount numeric(10,2), status varchar(16), email text, deleted_at timestamptz, ${checks.join(', ')})`,
    );
    await client.query('CREATE INDEX live ON t (email) WHERE deleted_at IS NULL AND status <> \'gone\'');
    const rows = await client.query<{ conname: string; def: string }>(
      "SELECT conname, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = 't'::regclass AND contype = 'c'",
    );
    for (const r of rows.rows) printed.set(r.conname, r.def.replace(/^CHECK \((.*)\)$/s, '$1'));
    const index = await client.query<{ pred: string }>("SELECT pg_get_expr(indpred, indrelid) AS pred FROM pg_index WHERE indexrelid = 'live'::regclass");
    predicate = index.rows[0]!.pred;
  } finally {
    await client.end();
  }
  await loadSqlParser();
});

afterAll(() => db?.drop());

describe('canonicalExpression', () => {
  it.each(Object.keys(WRITTEN) as (keyof typeof WRITTEN)[])('%s: the server\'s printed form and the written one are one key', (name) => {
    const stored = printed.get(name)!;
    // The server's text really is different: the textual comparison alone would call this drift.
    expect(stored).not.toBe(WRITTEN[name]);
    expect(canonicalExpression(stored)).toBeDefined();
    expect(canonicalExpression(stored)).toBe(canonicalExpression(WRITTEN[name]));
  });

  it('a partial-index predicate as printed and as written', () => {
    expect(predicate).not.toBe("deleted_at IS NULL AND status <> 'gone'");
    expect(canonicalExpression(predicate)).toBe(canonicalExpression("deleted_at IS NULL AND status <> 'gone'"));
  });

  it('keeps different meanings apart', () => {
    expect(canonicalExpression('a > 0')).not.toBe(canonicalExpression('a >= 0'));
    expect(canonicalExpression('(a > 0 OR b > 0) AND c > 0')).not.toBe(canonicalExpression('a > 0 OR (b > 0 AND c > 0)'));
    expect(canonicalExpression("status IN ('a')")).not.toBe(canonicalExpression("status NOT IN ('a')"));
  });

  it('is undefined for text that is not an expression', () => {
    expect(canonicalExpression('a > ')).toBeUndefined();
    expect(canonicalExpression('1; DROP TABLE t')).toBeUndefined();
  });
});

describe('check-missing with the parser loaded', () => {
  const table = (checks: string[]): Table => ({
    schema: 'public', name: 't', columns: [{ name: 'a', type: { sql: 'integer' }, nullable: true }],
    foreignKeys: [], uniques: [], indexes: [], checks: checks.map((expression) => ({ expression })),
  });
  const model = (source: string, kind: SchemaModel['kind'], checks: string[]): SchemaModel => ({ source, kind, tables: [table(checks)], diagnostics: [] });

  it('finds nothing where the server\'s compound condition and the code\'s mean the same', () => {
    const stored = [...printed.values()];
    expect(compare([model('database', 'database', stored), model('drizzle', 'drizzle', Object.values(WRITTEN))], { truth: 'database' })).toEqual([]);
  });

  it('still reports a condition that differs', () => {
    const findings = compare([model('database', 'database', [printed.get('range')!]), model('drizzle', 'drizzle', ['amount >= 0 AND amount <= 1000'])], { truth: 'database' });
    expect(findings.map((f) => f.rule)).toEqual(['check-missing', 'check-missing']);
  });
});
