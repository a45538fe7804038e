// A table `fix` writes whole (table-missing) comes with its uniques and plain indexes, so one `fix --write` is
// complete: through the real binary on a small project (a .sql file replayed by PGlite, a Drizzle file and a
// SQLModel file that must model the table), the second `fix --write` changes nothing and `check` has no
// unique-missing or index-missing left for the table but the expression index no transform writes.

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { runCli } from '../helpers/cli.ts';

const SQL = `CREATE TABLE users (
  id text PRIMARY KEY,
  email text NOT NULL
);

CREATE TABLE memberships (
  id serial PRIMARY KEY,
  user_id text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  team text NOT NULL,
  email text NOT NULL UNIQUE,
  slug text CONSTRAINT memberships_slug_uq UNIQUE,
  role text NOT NULL,
  joined_on date NOT NULL,
  UNIQUE (user_id, team)
);
CREATE UNIQUE INDEX memberships_team_role_idx ON memberships (team, role);
CREATE INDEX memberships_joined_on_idx ON memberships (joined_on);
CREATE INDEX ix_memberships_role ON memberships (role);
CREATE INDEX memberships_team_joined_idx ON memberships (team, joined_on);
CREATE INDEX memberships_lower_email_idx ON memberships (lower(email));
`;

const SCHEMA_TS = `import { pgTable, text } from "drizzle-orm/pg-core";

export const users = pgTable("users", {
  id: text("id").primaryKey(),
  email: text("email").notNull(),
});
`;

// Drizzle's own name for \`.unique()\` is memberships_email_unique, for \`unique().on(…)\` memberships_user_id_team_unique:
// PostgreSQL's names are written.
const SCHEMA_TS_FIXED = `import { pgTable, text, serial, date, unique, uniqueIndex, index } from "drizzle-orm/pg-core";

export const users = pgTable("users", {
  id: text("id").primaryKey(),
  email: text("email").notNull(),
});

export const memberships = pgTable("memberships", {
  id: serial("id").primaryKey(),
  userId: text("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
  team: text("team").notNull(),
  email: text("email").notNull().unique("memberships_email_key"),
  slug: text("slug").unique("memberships_slug_uq"),
  role: text("role").notNull(),
  joinedOn: date("joined_on").notNull(),
}, (t) => [
  unique("memberships_user_id_team_key").on(t.userId, t.team),
  uniqueIndex("memberships_team_role_idx").on(t.team, t.role),
  index("ix_memberships_role").on(t.role),
  index("memberships_joined_on_idx").on(t.joinedOn),
  index("memberships_team_joined_idx").on(t.team, t.joinedOn),
]);
`;

const MODELS_PY = `from sqlmodel import Field, SQLModel


class User(SQLModel, table=True):
    __tablename__ = "users"

    id: str = Field(primary_key=True)
    email: str
`;

// PostgreSQL names an unnamed UNIQUE \`<table>_<columns>_key\` and SQLAlchemy \`index=True\` \`ix_<table>_<column>\`:
// those are said on the column or left unnamed; the others are written with their names.
const MODELS_PY_FIXED = `from datetime import date
from typing import Optional

from sqlalchemy import Text
from sqlmodel import Field, Index, SQLModel, UniqueConstraint


class User(SQLModel, table=True):
    __tablename__ = "users"

    id: str = Field(primary_key=True)
    email: str


class Memberships(SQLModel, table=True):
    __tablename__ = "memberships"
    __table_args__ = (
        UniqueConstraint("slug", name="memberships_slug_uq"),
        UniqueConstraint("user_id", "team"),
        Index("memberships_team_role_idx", "team", "role", unique=True),
        Index("memberships_joined_on_idx", "joined_on"),
        Index("memberships_team_joined_idx", "team", "joined_on"),
    )

    id: int = Field(primary_key=True)
    user_id: str = Field(foreign_key="users.id", ondelete="CASCADE", sa_type=Text)
    team: str = Field(sa_type=Text)
    email: str = Field(unique=True, sa_type=Text)
    slug: Optional[str] = Field(default=None, sa_type=Text)
    role: str = Field(index=True, sa_type=Text)
    joined_on: date
`;

const CONFIG = {
  truth: 'database',
  sources: {
    database: { kind: 'database', url: 'db/schema.sql' },
    drizzle: { kind: 'drizzle', files: ['schema.ts'], tables: { mustModel: ['memberships'] } },
    sqlmodel: { kind: 'sqlmodel', files: ['models.py'], tables: { mustModel: ['memberships'] } },
  },
};

interface JsonFinding {
  rule: string;
  table: string;
  column: string | null;
  fixable: boolean;
  values: Record<string, string | null>;
}

function project(sql: string, config: object, files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'schemadrift-table-add-keys-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(path.join(dir, 'db'));
  writeFileSync(path.join(dir, 'db/schema.sql'), sql);
  writeFileSync(path.join(dir, 'schemadrift.config.json'), JSON.stringify(config, null, 2));
  for (const [file, text] of Object.entries(files)) writeFileSync(path.join(dir, file), text);
  return dir;
}

function findings(dir: string): JsonFinding[] {
  const r = runCli(['check', '--format', 'json'], dir);
  expect(r.stderr).toBe('');
  return (JSON.parse(r.stdout) as { findings: JsonFinding[] }).findings;
}

describe('a table written by fix comes with its uniques and indexes', () => {
  it('in one fix --write: the second changes nothing, and check has no unique or index of the table left to fix', () => {
    const dir = project(SQL, CONFIG, { 'schema.ts': SCHEMA_TS, 'models.py': MODELS_PY });
    const read = (file: string) => readFileSync(path.join(dir, file), 'utf8');

    expect(findings(dir).filter((f) => f.fixable).map((f) => [f.rule, f.table])).toEqual([['table-missing', 'memberships']]);
    for (let run = 0; run < 2; run++) {
      const write = runCli(['fix', '--write'], dir);
      expect(write.stderr).toBe('');
      expect(write.code).toBe(0);
      expect(write.stdout).toBe(
        run === 0
          ? 'fixed schema.ts: memberships: add pgTable memberships (7 columns)\nfixed models.py: memberships: add class Memberships (7 columns)\n'
          : 'Nothing to fix.\n',
      );
      expect(read('schema.ts')).toBe(SCHEMA_TS_FIXED);
      expect(read('models.py')).toBe(MODELS_PY_FIXED);
    }

    const left = findings(dir);
    expect(left.filter((f) => f.fixable)).toEqual([]);
    // The expression index is left to the user, as before; every other unique and index of the table is there.
    expect(left.filter((f) => f.table === 'memberships').map((f) => [f.rule, f.column, f.values])).toEqual([
      ['index-missing', 'lower(email)', { database: 'INDEX (lower(email))', drizzle: null, sqlmodel: null }],
    ]);
  }, 180_000);

  it('a UNIQUE on the key’s column that the database has (added by ALTER TABLE) too, in Drizzle', () => {
    // CREATE TABLE would drop it; the truth has it all the same, so unique-missing would ask for it next time.
    const sql = `CREATE TABLE users (id text PRIMARY KEY);
CREATE TABLE tags (id text PRIMARY KEY, label text NOT NULL);
ALTER TABLE tags ADD CONSTRAINT tags_id_key UNIQUE (id);
`;
    const schema = 'import { pgTable, text } from "drizzle-orm/pg-core";\n\nexport const users = pgTable("users", {\n  id: text("id").primaryKey(),\n});\n';
    const config = { truth: 'database', sources: { database: CONFIG.sources.database, drizzle: { ...CONFIG.sources.drizzle, tables: { mustModel: ['tags'] } } } };
    const dir = project(sql, config, { 'schema.ts': schema });
    for (let run = 0; run < 2; run++) {
      const write = runCli(['fix', '--write'], dir);
      expect(write.stderr).toBe('');
      expect(write.stdout).toBe(run === 0 ? 'fixed schema.ts: tags: add pgTable tags (2 columns)\n' : 'Nothing to fix.\n');
      expect(readFileSync(path.join(dir, 'schema.ts'), 'utf8')).toBe(
        `${schema}\nexport const tags = pgTable("tags", {\n  id: text("id").primaryKey().unique("tags_id_key"),\n  label: text("label").notNull(),\n});\n`,
      );
    }
    expect(findings(dir)).toEqual([]);
  }, 120_000);
});
