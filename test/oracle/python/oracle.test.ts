// The proof of the Python reader: for each fixture package, real SQLAlchemy (through real SQLModel where the
// package uses it) creates the tables on a fresh PostgreSQL database, and `check` comparing that database
// with the same files must find nothing above `info`. Seeded one-line mutations must each come back as
// exactly the one finding they cause.

import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check } from '../../../src/api.ts';
import type { Finding } from '../../../src/api.ts';
import { createTestDatabase } from '../../helpers/database.ts';
import type { TestDatabase } from '../../helpers/database.ts';
import { findOraclePython } from './interpreter.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const PACKAGES = path.join(here, 'packages');
const oracle = findOraclePython();
const execFileAsync = promisify(execFile);

const PACKAGE_NAMES = [
  'shop_sqlmodel',
  'blog_sqlalchemy2',
  'legacy_columns',
  'mixed_styles',
  'mixins',
  'table_args',
  'enums_uuids',
  'multi_module',
  'type_annotation_map',
];

/** Asynchronous, so that packages checked concurrently keep their database connections alive meanwhile. */
async function createAll(url: string, packageDir: string): Promise<{ sqlmodel: string; sqlalchemy: string }> {
  try {
    const { stdout } = await execFileAsync(oracle.python!, [path.join(here, 'create_all.py'), url, packageDir], { encoding: 'utf8' });
    return JSON.parse(stdout) as { sqlmodel: string; sqlalchemy: string };
  } catch (error) {
    throw new Error(`create_all.py failed for ${packageDir}:\n${(error as { stderr?: string }).stderr ?? String(error)}`);
  }
}

async function drift(url: string, packageDir: string) {
  const result = await check({ cwd: root, db: url, sqlmodel: [packageDir] });
  const python = result.models.find((m) => m.kind === 'sqlmodel')!;
  return { result, python, aboveInfo: result.findings.filter((f) => f.severity !== 'info') };
}

const brief = (f: Finding) => `${f.severity} ${f.rule} ${f.table}.${f.column ?? ''}: ${f.message}`;

describe.skipIf(!oracle.python)(`the Python reader agrees with SQLAlchemy's create_all()${oracle.skipReason ? ` (skipped: ${oracle.skipReason})` : ''}`, () => {
  it.concurrent.each(PACKAGE_NAMES)('%s: no finding above info, no diagnostic', async (name) => {
    const db = await createTestDatabase();
    try {
      const versions = await createAll(db.url, path.join(PACKAGES, name));
      expect(versions.sqlmodel).toBe('0.0.47');
      const { result, python, aboveInfo } = await drift(db.url, path.join(PACKAGES, name));
      expect(aboveInfo.map(brief)).toEqual([]);
      expect(python.diagnostics).toEqual([]);
      // Every table the database has, the reader found (and the reverse, or column-extra would fire).
      const database = result.models.find((m) => m.kind === 'database')!;
      expect(python.tables.map((t) => `${t.schema}.${t.name}`).sort()).toEqual(database.tables.map((t) => `${t.schema}.${t.name}`).sort());
    } finally {
      await db.drop();
    }
  });

  describe('seeded mutations of shop_sqlmodel are each exactly one finding', () => {
    let db: TestDatabase;
    let work: string;
    beforeAll(async () => {
      db = await createTestDatabase();
      await createAll(db.url, path.join(PACKAGES, 'shop_sqlmodel'));
      work = mkdtempSync(path.join(tmpdir(), 'schemadrift-oracle-'));
    });
    afterAll(async () => {
      rmSync(work, { recursive: true, force: true });
      await db?.drop();
    });

    const cases: [string, string, string, Pick<Finding, 'rule' | 'table' | 'column'> & { values: Record<string, string | null> }][] = [
      [
        'a foreign key target',
        'customer_id: int = Field(foreign_key="customers.id"',
        'customer_id: int = Field(foreign_key="order_lines.gift_for"',
        { rule: 'fk-target', table: 'orders', column: 'customer_id', values: { database: 'customers.id', sqlmodel: 'order_lines.gift_for' } },
      ],
      [
        'an Optional',
        '    nickname: Optional[str] = None\n',
        '    nickname: str\n',
        { rule: 'column-nullable', table: 'customers', column: 'nickname', values: { database: 'NULL', sqlmodel: 'NOT NULL' } },
      ],
      [
        'an ondelete',
        'foreign_key="orders.id", primary_key=True, ondelete="CASCADE"',
        'foreign_key="orders.id", primary_key=True, ondelete="RESTRICT"',
        { rule: 'fk-on-delete', table: 'order_lines', column: 'order_id', values: { database: 'CASCADE', sqlmodel: 'RESTRICT' } },
      ],
      [
        'a max_length',
        'email: str = Field(max_length=255, unique=True)',
        'email: str = Field(max_length=100, unique=True)',
        { rule: 'column-type', table: 'customers', column: 'email', values: { database: 'character varying(255)', sqlmodel: 'character varying(100)' } },
      ],
    ];

    it.each(cases)('%s', async (_, before, after, expected) => {
      const dir = path.join(work, `shop_${expected.rule}`, 'shop_sqlmodel');
      cpSync(path.join(PACKAGES, 'shop_sqlmodel'), dir, { recursive: true });
      const file = path.join(dir, '__init__.py');
      const text = readFileSync(file, 'utf8');
      expect(text.split(before)).toHaveLength(2);
      writeFileSync(file, text.replace(before, after));
      const { result } = await drift(db.url, dir);
      const relevant = result.findings.filter((f) => f.severity !== 'info');
      expect(relevant.map((f) => ({ rule: f.rule, table: f.table, column: f.column, values: f.values }))).toEqual([expected]);
      // The unmutated package still agrees, so the finding is the mutation's and nothing else's.
      expect(result.findings.filter((f) => f.severity === 'info' && f.table === expected.table && f.column === expected.column)).toEqual([]);
    });
  });
});
