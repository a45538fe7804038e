// The round trip of issue 8, proved with the real tools rather than schemadrift's own readers: a synthetic
// project whose truth is a database (a .sql file) and whose Drizzle and Python files carry seeded drift of
// every rule `fix` can fix is fixed with `fix --write --unsafe`; then
//   - drizzle-kit itself exports the fixed Drizzle files as DDL, and
//   - real SQLModel/SQLAlchemy `create_all()` of the fixed Python file builds tables on a real PostgreSQL,
// and `schemadrift check` comparing each of those databases with the original schema.sql (two database
// sources, the original the truth) must find nothing above info. What is left (info only) is listed exactly,
// with the reason no source edit can settle it.

import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliResult, ROOT, runCli } from '../helpers/cli.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { drizzleKitSql } from '../oracle/drizzle-kit/drizzle-kit.ts';
import { findOraclePython } from '../oracle/python/interpreter.ts';

// As in test/oracle/python/oracle.test.ts: skipped when no interpreter can import the packages, but a failure
// in CI or when $SCHEMADRIFT_ORACLE_PYTHON names one (findOraclePython throws there).
const oracle = findOraclePython();
const execFileAsync = promisify(execFile);

// The truth. Every integer key is serial (SQLAlchemy makes an integer primary key SERIAL, drizzle-kit writes
// what the builder says), so neither oracle differs from it for a reason that is no drift.
const SQL = `CREATE TABLE users (
  id text PRIMARY KEY,
  email text NOT NULL UNIQUE,
  handle text
);

CREATE TABLE tags (
  name text PRIMARY KEY,
  label text
);

CREATE TABLE accounts (
  id serial PRIMARY KEY,
  owner_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE ON UPDATE CASCADE,
  tag text REFERENCES tags (name) ON DELETE SET NULL,
  name varchar(100) NOT NULL,
  credits integer NOT NULL DEFAULT 0,
  region text,
  note text,
  CONSTRAINT accounts_owner_id_name_key UNIQUE (owner_id, name)
);
CREATE INDEX accounts_region_idx ON accounts (region);
CREATE INDEX accounts_owner_id_credits_idx ON accounts (owner_id, credits);

CREATE TABLE audit_log (
  id serial PRIMARY KEY,
  account_id integer NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  message text NOT NULL,
  created_at timestamp with time zone NOT NULL DEFAULT now()
);
`;

// Seeded: users.email lacks its UNIQUE and handle has one the database lacks (single-column unique-missing
// and unique-extra); tags has no key (primary-key) and its name is nullable (column-nullable).
const AUTH_TS = `import { pgTable, text } from "drizzle-orm/pg-core";

export const users = pgTable("users", {
  id: text("id").primaryKey(),
  email: text("email").notNull(),
  handle: text("handle").unique(),
});

export const tags = pgTable("tags", {
  name: text("name"),
  label: text("label"),
});
`;

// Seeded on accounts: ON DELETE RESTRICT and no ON UPDATE on owner_id (fk-on-delete, fk-on-update), tag
// pointing at users.id (fk-target), a varchar length and a nullability on name (column-type,
// column-nullable), a server default on credits (column-default), region NOT NULL (column-nullable), note
// missing (column-missing), legacy extra (column-extra, --unsafe), a multi-column UNIQUE extra and the
// truth's missing (unique-extra, unique-missing), an index extra and the truth's multi-column one missing
// (index-extra, index-missing). audit_log is not modelled at all (table-missing through mustModel).
const SCHEMA_TS = `import { index, integer, pgTable, serial, text, unique, varchar } from "drizzle-orm/pg-core";
import { users } from "./auth";

export const accounts = pgTable("accounts", {
  id: serial("id").primaryKey(),
  ownerId: text("owner_id").notNull().references(() => users.id, { onDelete: "restrict" }),
  tag: text("tag").references(() => users.id, { onDelete: "set null" }),
  name: varchar("name", { length: 50 }),
  credits: integer("credits").notNull().default(5),
  region: text("region").notNull(),
  legacy: text("legacy"),
}, (t) => [
  unique().on(t.tag, t.region),
  index("accounts_region_idx").on(t.region),
  index("accounts_name_idx").on(t.name),
]);
`;

// drizzle-kit runs the schema files, so they must resolve drizzle-orm (through the node_modules link below).
const DRIZZLE_CONFIG = `export default {
  dialect: "postgresql",
  schema: ["./auth.ts", "./schema.ts"],
};
`;

// Seeded: users.email nullable and without its UNIQUE, handle UNIQUE (column-nullable, unique-missing,
// unique-extra); tags without a key and without label (primary-key, column-missing); on accounts, the
// SQLAlchemy ForeignKey on owner_id without ON UPDATE (fk-on-update), tag pointing at users.id with ON DELETE
// CASCADE (fk-target, fk-on-delete), a max_length (column-type), a different server default (column-default),
// note NOT NULL (column-nullable), legacy extra (column-extra), a multi-column UniqueConstraint extra and the
// truth's missing, a multi-column Index extra and the truth's single-column one missing; no audit_log class.
const MODELS_PY = `from typing import Optional

from sqlalchemy import Column, ForeignKey, Text
from sqlmodel import Field, Index, SQLModel, UniqueConstraint


class User(SQLModel, table=True):
    __tablename__ = "users"

    id: str = Field(primary_key=True, sa_type=Text)
    email: Optional[str] = Field(default=None, sa_type=Text)
    handle: Optional[str] = Field(default=None, unique=True, sa_type=Text)


class Tag(SQLModel, table=True):
    __tablename__ = "tags"

    name: str = Field(sa_type=Text)


class Account(SQLModel, table=True):
    __tablename__ = "accounts"
    __table_args__ = (
        UniqueConstraint("region", "note"),
        Index("accounts_owner_id_credits_idx", "owner_id", "credits"),
        Index("accounts_tag_region_idx", "tag", "region"),
    )

    id: int = Field(primary_key=True)
    owner_id: str = Field(sa_column=Column(Text, ForeignKey("users.id", ondelete="CASCADE"), nullable=False))
    tag: Optional[str] = Field(default=None, foreign_key="users.id", ondelete="CASCADE", sa_type=Text)
    name: str = Field(max_length=50)
    credits: int = Field(default=0, sa_column_kwargs={"server_default": "7"})
    region: Optional[str] = Field(default=None, sa_type=Text)
    note: str = Field(sa_type=Text)
    legacy: Optional[str] = None
`;

/** The Python package create_all.py imports: its folder's parent goes on sys.path. */
const PY_PACKAGE = 'roundtrip_models';

const CONFIG = {
  truth: 'database',
  sources: {
    database: { kind: 'database', url: 'db/schema.sql' },
    drizzle: { kind: 'drizzle', files: ['auth.ts', 'schema.ts'], tables: { mustModel: ['audit_log'] } },
    sqlmodel: { kind: 'sqlmodel', files: [`${PY_PACKAGE}/models.py`], tables: { mustModel: ['audit_log'] } },
  },
};

interface JsonFinding {
  rule: string;
  severity: string;
  table: string;
  column: string | null;
  fixable: boolean;
  values: Record<string, string | null>;
}

const brief = (f: JsonFinding) => [f.severity, f.rule, f.table, f.column, f.values];

function checkJson(dir: string, args: string[] = []): { findings: JsonFinding[]; stderr: string } {
  const r = runCli(['check', '--format', 'json', ...args], dir);
  expect(r.stdout, r.stderr).not.toBe('');
  return { findings: (JSON.parse(r.stdout) as { findings: JsonFinding[] }).findings, stderr: r.stderr };
}

/** `check` of the original schema.sql (the truth) against a second database source, the oracle's. */
function compareWithTruth(dir: string, name: string, url: string): JsonFinding[] {
  const config = { truth: 'database', sources: { database: CONFIG.sources.database, [name]: { kind: 'database', url } } };
  const file = `${name}.config.json`;
  writeFileSync(path.join(dir, file), JSON.stringify(config, null, 2));
  const { findings, stderr } = checkJson(dir, ['--config', file]);
  expect(stderr).toBe('');
  return findings;
}

describe('round trip: after fix --write, the real tools build the database back from the fixed code', () => {
  let dir: string;
  let before: { findings: JsonFinding[]; stderr: string };
  let write: CliResult;
  let again: CliResult;
  let after: { findings: JsonFinding[]; stderr: string };
  const databases: TestDatabase[] = [];

  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'schemadrift-round-trip-'));
    mkdirSync(path.join(dir, 'db'));
    mkdirSync(path.join(dir, PY_PACKAGE));
    writeFileSync(path.join(dir, 'db/schema.sql'), SQL);
    writeFileSync(path.join(dir, 'auth.ts'), AUTH_TS);
    writeFileSync(path.join(dir, 'schema.ts'), SCHEMA_TS);
    writeFileSync(path.join(dir, 'drizzle.config.ts'), DRIZZLE_CONFIG);
    writeFileSync(path.join(dir, PY_PACKAGE, '__init__.py'), '');
    writeFileSync(path.join(dir, PY_PACKAGE, 'models.py'), MODELS_PY);
    writeFileSync(path.join(dir, 'schemadrift.config.json'), JSON.stringify(CONFIG, null, 2));
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    before = checkJson(dir);
    // Done here rather than in a test, so that every oracle test below sees the fixed files even when run alone.
    write = runCli(['fix', '--write', '--unsafe'], dir);
    again = runCli(['fix', '--write', '--unsafe'], dir);
    after = checkJson(dir);
  }, 120_000);

  afterAll(async () => {
    await Promise.all(databases.map((d) => d.drop()));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('check reports every seeded drift, each fixable (the extra column\'s type is no drift of its own)', () => {
    // The Python reader says so of the class with no key; it is the primary-key finding below.
    expect(before.stderr).toBe(`schemadrift: warning: ${PY_PACKAGE}/models.py:15:1: table tags has no primary key\n`);
    expect(before.findings.map(brief)).toEqual([
      ['critical', 'column-extra', 'accounts', 'legacy', { database: null, drizzle: 'text', sqlmodel: 'character varying' }],
      ['critical', 'fk-target', 'accounts', 'tag', { database: 'tags.name', drizzle: 'users.id', sqlmodel: 'users.id' }],
      ['critical', 'primary-key', 'tags', null, { database: '(name)', drizzle: 'none', sqlmodel: 'none' }],
      ['warning', 'column-missing', 'accounts', 'note', { database: 'text', drizzle: null, sqlmodel: 'text' }],
      ['warning', 'column-type', 'accounts', 'name', { database: 'character varying(100)', drizzle: 'character varying(50)', sqlmodel: 'character varying(50)' }],
      ['warning', 'column-nullable', 'accounts', 'name', { database: 'NOT NULL', drizzle: 'NULL', sqlmodel: 'NOT NULL' }],
      ['warning', 'column-nullable', 'accounts', 'region', { database: 'NULL', drizzle: 'NOT NULL', sqlmodel: 'NULL' }],
      ['warning', 'column-nullable', 'accounts', 'note', { database: 'NULL', drizzle: null, sqlmodel: 'NOT NULL' }],
      ['warning', 'column-default', 'accounts', 'credits', { database: '0', drizzle: '5', sqlmodel: '7' }],
      ['warning', 'fk-on-delete', 'accounts', 'owner_id', { database: 'CASCADE', drizzle: 'RESTRICT', sqlmodel: 'CASCADE' }],
      ['warning', 'fk-on-delete', 'accounts', 'tag', { database: 'SET NULL', drizzle: 'SET NULL', sqlmodel: 'CASCADE' }],
      ['warning', 'fk-on-update', 'accounts', 'owner_id', { database: 'CASCADE', drizzle: 'NO ACTION', sqlmodel: 'NO ACTION' }],
      ['warning', 'unique-missing', 'accounts', '(owner_id, name)', { database: 'UNIQUE (owner_id, name)', drizzle: null, sqlmodel: null }],
      ['warning', 'unique-extra', 'accounts', '(tag, region)', { database: null, drizzle: 'UNIQUE (tag, region)', sqlmodel: null }],
      ['warning', 'unique-extra', 'accounts', '(region, note)', { database: null, drizzle: null, sqlmodel: 'UNIQUE (region, note)' }],
      ['warning', 'table-missing', 'audit_log', null, { database: 'declared', drizzle: null, sqlmodel: null }],
      ['warning', 'column-missing', 'tags', 'label', { database: 'text', drizzle: 'text', sqlmodel: null }],
      ['warning', 'column-nullable', 'tags', 'name', { database: 'NOT NULL', drizzle: 'NULL', sqlmodel: 'NOT NULL' }],
      ['warning', 'column-nullable', 'users', 'email', { database: 'NOT NULL', drizzle: 'NOT NULL', sqlmodel: 'NULL' }],
      ['warning', 'unique-missing', 'users', 'email', { database: 'UNIQUE (email)', drizzle: null, sqlmodel: null }],
      ['warning', 'unique-extra', 'users', 'handle', { database: null, drizzle: 'UNIQUE (handle)', sqlmodel: 'UNIQUE (handle)' }],
      // The extra column's type is no drift of its own (the database has no column to compare with).
      ['info', 'column-type', 'accounts', 'legacy', { database: null, drizzle: 'text', sqlmodel: 'character varying' }],
      ['info', 'index-missing', 'accounts', '(owner_id, credits)', { database: 'INDEX (owner_id, credits)', drizzle: null, sqlmodel: 'INDEX (owner_id, credits)' }],
      ['info', 'index-missing', 'accounts', 'region', { database: 'INDEX (region)', drizzle: 'INDEX (region)', sqlmodel: null }],
      ['info', 'index-extra', 'accounts', 'name', { database: null, drizzle: 'INDEX (name)', sqlmodel: null }],
      ['info', 'index-extra', 'accounts', '(tag, region)', { database: null, drizzle: null, sqlmodel: 'INDEX (tag, region)' }],
    ]);
    expect(before.findings.filter((f) => !f.fixable).map(brief)).toEqual([
      ['info', 'column-type', 'accounts', 'legacy', { database: null, drizzle: 'text', sqlmodel: 'character varying' }],
    ]);
  });

  it('fix --write --unsafe fixes them all in one run, and a second run changes nothing', () => {
    expect(write.stderr).toBe('');
    expect(write.code).toBe(0);
    expect(write.stdout.split('\n').filter(Boolean).map((line) => line.split(':')[0]).sort()).toEqual([
      'fixed auth.ts',
      `fixed ${PY_PACKAGE}/models.py`,
      'fixed schema.ts',
    ]);
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
    expect(again.stdout).toBe('Nothing to fix.\n');
    expect(after.stderr).toBe('');
    // Nothing at all is left: the Python fix writes the missing index as Index("accounts_region_idx", "region"),
    // since index=True would be named ix_accounts_region by SQLAlchemy.
    expect(after.findings.map(brief)).toEqual([]);
  });

  it('drizzle-kit: the DDL it exports of the fixed Drizzle files is the database', async () => {
    const ddl = await drizzleKitSql(dir);
    expect(ddl).toContain('CREATE TABLE "audit_log"');
    writeFileSync(path.join(dir, 'drizzle-kit.sql'), ddl);
    const findings = compareWithTruth(dir, 'drizzleKit', 'drizzle-kit.sql');
    expect(findings.filter((f) => f.severity !== 'info').map(brief)).toEqual([]);
    // Left: only the names of the foreign keys. `.references()` cannot name a key, so drizzle-kit names it
    // <table>_<column>_<target table>_<target column>_fk where PostgreSQL said <table>_<column>_fkey; no fix
    // rule is about names (constraint-name is info).
    expect(findings.map(brief)).toEqual([
      ['info', 'constraint-name', 'accounts', 'owner_id', { database: 'accounts_owner_id_fkey', drizzleKit: 'accounts_owner_id_users_id_fk' }],
      ['info', 'constraint-name', 'accounts', 'tag', { database: 'accounts_tag_fkey', drizzleKit: 'accounts_tag_tags_name_fk' }],
      ['info', 'constraint-name', 'audit_log', 'account_id', { database: 'audit_log_account_id_fkey', drizzleKit: 'audit_log_account_id_accounts_id_fk' }],
    ]);
  }, 120_000);

  describe.skipIf(!oracle.python)(`SQLModel/SQLAlchemy${oracle.skipReason ? ` (skipped: ${oracle.skipReason})` : ''}`, () => {
    it('create_all() of the fixed Python file on PostgreSQL is the database', async () => {
      const db = await createTestDatabase();
      databases.push(db);
      const created = await execFileAsync(
        oracle.python!,
        [path.join(ROOT, 'test/oracle/python/create_all.py'), db.url, path.join(dir, PY_PACKAGE)],
        { encoding: 'utf8' },
      ).catch((error: { stderr?: string }) => {
        throw new Error(`create_all.py failed on the fixed models:\n${error.stderr ?? String(error)}`);
      });
      expect(JSON.parse(created.stdout)).toEqual({ sqlmodel: '0.0.47', sqlalchemy: expect.any(String) });
      const findings = compareWithTruth(dir, 'createAll', db.url);
      expect(findings.filter((f) => f.severity !== 'info').map(brief)).toEqual([]);
      // Nothing left at all, names included.
      expect(findings.map(brief)).toEqual([]);
    }, 120_000);
  });
});
