// The guarantees `fix` makes, through the real binary on a small synthetic project (a .sql file, two Drizzle
// files, one SQLModel file) and on the example: every byte outside an edit is kept (exact expected files,
// also when the files are CRLF with a BOM), a second `fix --write` changes nothing, and afterwards `check`
// has no fixable finding left.

import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyExample, runCli } from '../helpers/cli.ts';

const SQL = `CREATE TABLE users (
  id text PRIMARY KEY,
  email text NOT NULL
);

CREATE TABLE user_credits (
  user_id text PRIMARY KEY REFERENCES users (id),
  credits integer NOT NULL DEFAULT 0
);

CREATE TABLE teams (
  id text PRIMARY KEY,
  name text NOT NULL,
  owner_id text REFERENCES user_credits (user_id) ON UPDATE CASCADE,
  note text
);
`;

const AUTH_TS = `import { integer, pgTable, text } from "drizzle-orm/pg-core";

export const users = pgTable("users", {
  id: text("id").primaryKey(),
  email: text("email").notNull(),
});

export const userCredits = pgTable("user_credits", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id),
  credits: integer("credits").notNull().default(0),
});
`;

const SCHEMA_TS = `import { pgTable, text } from "drizzle-orm/pg-core";
import { users } from "./auth";

export const teams = pgTable("teams", {
  id: text("id").primaryKey(),
  name: text("name"),
  ownerId: text("owner_id").references(() => users.id),
  note: text("note")
    .notNull(), // shown on the team page
});
`;

// fk-target (the old target's import renamed in place), fk-on-update, and column-nullable both ways.
const SCHEMA_TS_FIXED = `import { pgTable, text } from "drizzle-orm/pg-core";
import { userCredits } from "./auth";

export const teams = pgTable("teams", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  ownerId: text("owner_id").references(() => userCredits.userId, { onUpdate: "cascade" }),
  note: text("note"), // shown on the team page
});
`;

const MODELS_PY = `from datetime import datetime

from sqlmodel import Field, SQLModel


class Team(SQLModel, table=True):
    __tablename__ = "teams"

    id: str = Field(primary_key=True)
    name: str | None = None
    owner_id: str | None = Field(default=None, foreign_key="user_credits.user_id")
    note: str = Field(default="")
`;

// NOT NULL with a None default says so with nullable=False; nullable in the file's own \`X | None\` spelling.
const MODELS_PY_FIXED = `from datetime import datetime

from sqlmodel import Field, SQLModel


class Team(SQLModel, table=True):
    __tablename__ = "teams"

    id: str = Field(primary_key=True)
    name: str | None = Field(default=None, nullable=False)
    owner_id: str | None = Field(default=None, foreign_key="user_credits.user_id")
    note: str | None = Field(default="")
`;

const CONFIG = {
  truth: 'database',
  sources: {
    database: { kind: 'database', url: 'db/schema.sql' },
    drizzle: { kind: 'drizzle', files: ['auth.ts', 'schema.ts'] },
    sqlmodel: { kind: 'sqlmodel', files: ['models.py'] },
  },
};

/** The same text as a Windows editor with a BOM would save it. */
const crlfBom = (text: string) => `\uFEFF${text.replace(/\n/g, '\r\n')}`;

function project(encode: (text: string) => string = (t) => t): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'schemadrift-guarantees-'));
  mkdirSync(path.join(dir, 'db'));
  writeFileSync(path.join(dir, 'db/schema.sql'), SQL);
  writeFileSync(path.join(dir, 'schemadrift.config.json'), JSON.stringify(CONFIG, null, 2));
  writeFileSync(path.join(dir, 'auth.ts'), encode(AUTH_TS));
  writeFileSync(path.join(dir, 'schema.ts'), encode(SCHEMA_TS));
  writeFileSync(path.join(dir, 'models.py'), encode(MODELS_PY));
  return dir;
}

const read = (dir: string, file: string) => readFileSync(path.join(dir, file), 'utf8');

interface JsonFinding {
  rule: string;
  table: string;
  column: string | null;
  severity: string;
  fixable: boolean;
  values: Record<string, string | null>;
}

function findings(dir: string): JsonFinding[] {
  const r = runCli(['check', '--format', 'json'], dir);
  expect(r.stderr).toBe('');
  return (JSON.parse(r.stdout) as { findings: JsonFinding[] }).findings;
}

/** `fix --write` twice: the files are exactly as expected after the first, and the second changes nothing. */
function fixTwice(dir: string, encode: (text: string) => string) {
  for (let run = 0; run < 2; run++) {
    const write = runCli(['fix', '--write'], dir);
    expect(write.stderr).toBe('');
    expect(write.code).toBe(0);
    if (run === 1) expect(write.stdout).toBe('Nothing to fix.\n');
    expect(read(dir, 'schema.ts')).toBe(encode(SCHEMA_TS_FIXED));
    expect(read(dir, 'models.py')).toBe(encode(MODELS_PY_FIXED));
    expect(read(dir, 'auth.ts')).toBe(encode(AUTH_TS));
  }
}

describe('fix guarantees on a synthetic project', () => {
  it('writes exactly the planned edits, is idempotent, and leaves nothing fixable', () => {
    const dir = project();
    expect(findings(dir).filter((f) => f.rule !== 'column-type').map((f) => [f.rule, f.column, f.fixable])).toEqual([
      ['fk-target', 'owner_id', true],
      ['column-nullable', 'name', true],
      ['column-nullable', 'note', true],
      ['fk-on-update', 'owner_id', true],
    ]);
    fixTwice(dir, (t) => t);
    const left = findings(dir);
    expect(left.filter((f) => f.fixable)).toEqual([]);
    // What remains is what no source edit can say: SQLModel's Field has no ON UPDATE.
    expect(left.filter((f) => f.rule !== 'column-type').map((f) => [f.rule, f.table, f.column, f.values])).toEqual([
      ['fk-on-update', 'teams', 'owner_id', { database: 'CASCADE', drizzle: 'CASCADE', sqlmodel: 'NO ACTION' }],
    ]);
  }, 240_000);

  it('keeps CRLF line breaks and a byte-order mark', () => {
    fixTwice(project(crlfBom), crlfBom);
  }, 180_000);

  it('--rule fixes only the rules asked for', () => {
    const dir = project();
    const r = runCli(['fix', '--write', '--rule', 'column-nullable'], dir);
    expect(r.code).toBe(0);
    expect(read(dir, 'schema.ts')).toBe(
      SCHEMA_TS.replace('text("name"),', 'text("name").notNull(),').replace('text("note")\n    .notNull(),', 'text("note"),'),
    );
    expect(read(dir, 'models.py')).toBe(MODELS_PY_FIXED);
  }, 120_000);
});

describe('fix guarantees on the example', () => {
  it('leaves no fixable finding after --write, and a second --write changes nothing', () => {
    const dir = copyExample();
    expect(runCli(['fix', '--write'], dir).code).toBe(0);
    const fixed = {
      schema: read(dir, 'nextjs/src/database/schema.ts'),
      models: read(dir, 'fastapi/models/credits.py'),
    };
    expect(findings(dir).filter((f) => f.fixable)).toEqual([]);
    const again = runCli(['fix', '--write'], dir);
    expect(again.code).toBe(0);
    expect(read(dir, 'nextjs/src/database/schema.ts')).toBe(fixed.schema);
    expect(read(dir, 'fastapi/models/credits.py')).toBe(fixed.models);
  }, 240_000);
});


describe('column-default round trip on the example', () => {
  /** Replaces exactly one occurrence, so a changed example fails loudly here rather than testing nothing. */
  const once = (text: string, from: string, to: string) => {
    expect(text.split(from).length).toBe(2);
    return text.replace(from, to);
  };

  it('rewrites defaults code declares differently to the database’s, and leaves only the info findings', () => {
    const dir = copyExample();
    const schemaFile = path.join(dir, 'nextjs/src/database/schema.ts');
    const modelsFile = path.join(dir, 'fastapi/models/credits.py');
    const schema = readFileSync(schemaFile, 'utf8');
    const models = readFileSync(modelsFile, 'utf8');
    // Drifted copies: a different literal, an SQL expression in Drizzle, a different server default in Python.
    let drifted = once(schema, 'credits: integer("credits").notNull().default(0),\n  ownerId', 'credits: integer("credits").notNull().default(5),\n  ownerId');
    drifted = once(drifted, 'createdAt: timestamp("created_at").notNull().defaultNow(),', 'createdAt: timestamp("created_at").notNull().default(sql`CURRENT_DATE`),');
    writeFileSync(schemaFile, `import { sql } from "drizzle-orm";\n${drifted}`);
    const driftedModels = once(models, '    name: str\n    credits: int = Field(default=0)\n', '    name: str\n    credits: int = Field(default=0, sa_column_kwargs={"server_default": "7"})\n');
    writeFileSync(modelsFile, driftedModels);

    const r = runCli(['fix', '--write', '--rule', 'column-default'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    // The Drizzle file is the example again, down to the `sql` import the fix left unused.
    expect(read(dir, 'nextjs/src/database/schema.ts')).toBe(schema);
    expect(read(dir, 'fastapi/models/credits.py')).toBe(
      once(
        once(driftedModels, '{"server_default": "7"}', '{"server_default": text("0")}'),
        'from sqlalchemy import Text\n',
        'from sqlalchemy import Text, text\n',
      ),
    );
    const after = findings(dir).filter((f) => f.rule === 'column-default');
    expect(after.filter((f) => f.fixable)).toEqual([]);
    // teams.credits now has its server default in every source; what is left is SQLModel lacking defaults the
    // application fills itself (default_factory=utcnow), which fix leaves alone.
    expect(after.every((f) => f.severity === 'info' && f.values.sqlmodel === null)).toBe(true);
    expect(after.find((f) => f.table === 'teams' && f.column === 'credits')).toBeUndefined();
    expect(after.find((f) => f.table === 'user_credits' && f.column === 'created_at')?.values).toEqual({
      database: 'now()',
      drizzle: 'now()',
      sqlmodel: null,
    });
  }, 240_000);
});

describe('foreign keys declared with SQLAlchemy, fixed in Python', () => {
  const sql = `CREATE TABLE users (id serial PRIMARY KEY);
CREATE TABLE accounts (id serial PRIMARY KEY);
CREATE TABLE posts (
  id serial PRIMARY KEY,
  author_id integer NOT NULL REFERENCES accounts (id) ON DELETE CASCADE ON UPDATE CASCADE,
  editor_id integer REFERENCES users (id) ON UPDATE RESTRICT,
  reviewer_id integer,
  CONSTRAINT fk_posts_reviewer FOREIGN KEY (reviewer_id) REFERENCES users (id) ON DELETE SET NULL
);
CREATE TABLE teams (
  id serial PRIMARY KEY,
  lead_id integer REFERENCES users (id) ON UPDATE CASCADE
);
`;
  const models = `from typing import Optional

from sqlalchemy import Column, ForeignKey, ForeignKeyConstraint, Integer
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlmodel import Field, SQLModel


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)


class Account(Base):
    __tablename__ = "accounts"

    id: Mapped[int] = mapped_column(primary_key=True)


class Post(Base):
    __tablename__ = "posts"
    __table_args__ = (ForeignKeyConstraint(["reviewer_id"], ["users.id"], name="fk_posts_reviewer"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    author_id: Mapped[int] = mapped_column(ForeignKey(User.id))
    editor_id = Column(Integer, ForeignKey('users.id', ondelete='CASCADE'))
    reviewer_id: Mapped[Optional[int]]


class Team(SQLModel, table=True):
    __tablename__ = "teams"

    id: int = Field(primary_key=True)
    lead_id: Optional[int] = Field(default=None, sa_column=Column(Integer, ForeignKey("users.id")))
`;
  // Target, ON DELETE and ON UPDATE in mapped_column(ForeignKey(Model.id)), a legacy Column, sa_column= and a
  // ForeignKeyConstraint: each edited where it is written, in the quotes already there.
  const fixed = models
    .replace('["users.id"], name="fk_posts_reviewer"', '["users.id"], ondelete="SET NULL", name="fk_posts_reviewer"')
    .replace('ForeignKey(User.id)', 'ForeignKey(Account.id, ondelete="CASCADE", onupdate="CASCADE")')
    .replace(`ForeignKey('users.id', ondelete='CASCADE')`, `ForeignKey('users.id', onupdate='RESTRICT')`)
    .replace('ForeignKey("users.id")))', 'ForeignKey("users.id", onupdate="CASCADE")))');

  it('writes exactly the planned edits, is idempotent, and leaves no finding', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'schemadrift-sa-fk-'));
    mkdirSync(path.join(dir, 'db'));
    writeFileSync(path.join(dir, 'db/schema.sql'), sql);
    writeFileSync(path.join(dir, 'models.py'), models);
    const config = { truth: 'database', sources: { database: CONFIG.sources.database, sqlmodel: CONFIG.sources.sqlmodel } };
    writeFileSync(path.join(dir, 'schemadrift.config.json'), JSON.stringify(config));
    expect(fixed).not.toBe(models);
    for (let run = 0; run < 2; run++) {
      const write = runCli(['fix', '--write'], dir);
      expect(write.stderr).toBe('');
      expect(write.code).toBe(0);
      if (run === 1) expect(write.stdout).toBe('Nothing to fix.\n');
      expect(read(dir, 'models.py')).toBe(fixed);
    }
    expect(findings(dir)).toEqual([]);
  }, 180_000);
});

describe('column-missing round trip on the example', () => {
  it('adds a column removed from the Drizzle schema and one removed from the SQLModel class back, byte for byte', () => {
    const dir = copyExample();
    const schemaFile = path.join(dir, 'nextjs/src/database/schema.ts');
    const modelsFile = path.join(dir, 'fastapi/models/credits.py');
    const schema = readFileSync(schemaFile, 'utf8');
    const models = readFileSync(modelsFile, 'utf8');
    const without = (text: string, line: string) => {
      expect(text.split(line).length).toBe(2);
      return text.replace(line, '');
    };
    // A column whose neighbour is written across lines, and an aliased optional field after a commented one.
    writeFileSync(schemaFile, without(schema, '  image: text("image"),\n'));
    writeFileSync(modelsFile, without(models, '    daily_limit: Optional[int] = Field(default=None, alias="dailyLimit")\n'));

    const r = runCli(['fix', '--write', '--rule', 'column-missing'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(read(dir, 'nextjs/src/database/schema.ts')).toBe(schema);
    expect(read(dir, 'fastapi/models/credits.py')).toBe(models);
  }, 240_000);
});

describe('column-type round trip on the example', () => {
  /** The lines that differ, as [before, after] pairs; every other line is required to be unchanged. */
  const changedLines = (before: string, after: string) => {
    const [a, b] = [before.split('\n'), after.split('\n')];
    expect(b.length).toBe(a.length);
    return a.flatMap((line, i) => (line === b[i] ? [] : [[line, b[i]]]));
  };

  it('puts back a varchar length changed in the Drizzle copy, and with --rule column-type also settles text ↔ varchar', () => {
    const dir = copyExample();
    const schemaFile = path.join(dir, 'nextjs/src/database/schema.ts');
    const modelsFile = path.join(dir, 'fastapi/models/credits.py');
    const schema = readFileSync(schemaFile, 'utf8');
    const models = readFileSync(modelsFile, 'utf8');
    expect(schema.split('  type: text("type").notNull(),\n').length).toBe(2);
    const drifted = schema
      .replace('  type: text("type").notNull(),\n', '  type: varchar("type", { length: 64 }).notNull(),\n')
      .replace('import { pgTable, text, timestamp, boolean, integer }', 'import { pgTable, text, timestamp, boolean, integer, varchar }');
    writeFileSync(schemaFile, drifted);
    // Without the rule named, only the real difference (a length the database does not have) is fixed.
    expect(findings(dir).filter((f) => f.rule === 'column-type' && f.fixable).map((f) => [f.table, f.column, f.severity])).toEqual([
      ['credit_transactions', 'type', 'warning'],
    ]);

    for (let run = 0; run < 2; run++) {
      const r = runCli(['fix', '--write', '--rule', 'column-type'], dir);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      if (run === 1) expect(r.stdout).toBe('Nothing to fix.\n');
      // The database says `character varying` where Drizzle said `text`, and `text` where SQLModel said `str`.
      expect(changedLines(drifted, read(dir, 'nextjs/src/database/schema.ts'))).toEqual([
        ['  userId: text("user_id")', '  userId: varchar("user_id")'],
        ['  teamId: text("team_id").references(() => teams.id),', '  teamId: varchar("team_id").references(() => teams.id),'],
        ['  id: text("id").primaryKey(),', '  id: varchar("id").primaryKey(),'],
        ['  userId: text("user_id")', '  userId: varchar("user_id")'],
        ['  teamId: text("team_id").references(() => teams.id),', '  teamId: varchar("team_id").references(() => teams.id),'],
        ['  type: varchar("type", { length: 64 }).notNull(),', '  type: varchar("type").notNull(),'],
        ['  operation: text("operation"),', '  operation: varchar("operation"),'],
        ['  resourceId: text("resource_id"),', '  resourceId: varchar("resource_id"),'],
        ['  apiKeyId: text("api_key_id"),', '  apiKeyId: varchar("api_key_id"),'],
        ['  apiKey: text("api_key").primaryKey(),', '  apiKey: varchar("api_key").primaryKey(),'],
        ['  userId: text("user_id")', '  userId: varchar("user_id")'],
        ['  teamId: text("team_id").references(() => teams.id),', '  teamId: varchar("team_id").references(() => teams.id),'],
      ]);
      expect(changedLines(models, read(dir, 'fastapi/models/credits.py'))).toEqual([
        ['    id: str = Field(primary_key=True)', '    id: str = Field(primary_key=True, sa_type=Text)'],
        ['    name: str', '    name: str = Field(sa_type=Text)'],
        ['        default=None, foreign_key="user_credits.user_id", alias="ownerId")', '        default=None, foreign_key="user_credits.user_id", alias="ownerId", sa_type=Text)'],
      ]);
    }
    expect(findings(dir).filter((f) => f.rule === 'column-type')).toEqual([]);
  }, 240_000);
});

describe('uniqueness, indexes and a single-column primary key, fixed in Drizzle and Python', () => {
  const sql = `CREATE TABLE members (
  code text PRIMARY KEY,
  id integer NOT NULL,
  email text NOT NULL UNIQUE,
  handle text,
  team_id integer
);
CREATE INDEX ix_members_team_id ON members (team_id);
`;
  const drizzle = `import { index, integer, pgTable, text } from "drizzle-orm/pg-core";

export const members = pgTable("members", {
  code: text("code").notNull(),
  id: integer("id").primaryKey(),
  email: text("email").notNull(),
  handle: text("handle").unique(),
  teamId: integer("team_id"),
}, (t) => [index("members_handle_idx").on(t.handle)]);
`;
  const models = `from sqlmodel import Field, SQLModel


class Member(SQLModel, table=True):
    __tablename__ = "members"

    code: str
    id: int | None = Field(default=None, primary_key=True)
    email: str
    handle: str | None = Field(default=None, unique=True, index=True)
    team_id: int | None = None
`;
  // The key moves (the old key column stays NOT NULL), the truth's unique constraint is named as the database
  // names it, the index SQLAlchemy names ix_members_team_id itself, and the unique index on handle goes whole.
  const drizzleFixed = drizzle
    .replace('text("code").notNull()', 'text("code").primaryKey().notNull()')
    .replace('integer("id").primaryKey()', 'integer("id").notNull()')
    .replace('text("email").notNull()', 'text("email").notNull().unique("members_email_key")')
    .replace('text("handle").unique()', 'text("handle")')
    .replace('index("members_handle_idx").on(t.handle)', 'index("ix_members_team_id").on(t.teamId)');
  const modelsFixed = models
    .replace('    code: str\n', '    code: str = Field(primary_key=True)\n')
    .replace('Field(default=None, primary_key=True)', 'Field(default=None, nullable=False)')
    .replace('    email: str\n', '    email: str = Field(unique=True)\n')
    .replace('Field(default=None, unique=True, index=True)', 'Field(default=None)')
    .replace('team_id: int | None = None', 'team_id: int | None = Field(default=None, index=True)');

  it('moves the key only with --unsafe, writes exactly the planned edits, is idempotent, and leaves none of these findings', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'schemadrift-keys-'));
    mkdirSync(path.join(dir, 'db'));
    writeFileSync(path.join(dir, 'db/schema.sql'), sql);
    writeFileSync(path.join(dir, 'members.ts'), drizzle);
    writeFileSync(path.join(dir, 'models.py'), models);
    const config = { truth: 'database', sources: { ...CONFIG.sources, drizzle: { kind: 'drizzle', files: ['members.ts'] } } };
    writeFileSync(path.join(dir, 'schemadrift.config.json'), JSON.stringify(config));
    const rules = ['primary-key', 'unique-missing', 'unique-extra', 'index-missing', 'index-extra'];
    expect(findings(dir).filter((f) => rules.includes(f.rule)).map((f) => [f.rule, f.column, f.fixable])).toEqual([
      ['primary-key', null, true],
      ['unique-missing', 'email', true],
      ['unique-extra', 'handle', true],
      ['index-missing', 'team_id', true],
      ['index-extra', 'handle', true],
    ]);
    expect(runCli(['fix', '--write'], dir).code).toBe(0);
    expect(findings(dir).filter((f) => rules.includes(f.rule)).map((f) => f.rule)).toEqual(['primary-key']);
    for (let run = 0; run < 2; run++) {
      const write = runCli(['fix', '--write', '--unsafe'], dir);
      expect(write.stderr).toBe('');
      expect(write.code).toBe(0);
      if (run === 1) expect(write.stdout).toBe('Nothing to fix.\n');
      expect(read(dir, 'members.ts')).toBe(drizzleFixed);
      expect(read(dir, 'models.py')).toBe(modelsFixed);
    }
    // What remains is SQLModel's str, which is varchar: the same as text to PostgreSQL (info).
    expect(findings(dir).filter((f) => f.rule !== 'column-type')).toEqual([]);
  }, 240_000);
});
