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

