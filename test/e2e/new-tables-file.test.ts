// A code source's `"newTables"` names the file `fix` writes a table it lacks to (table-missing), instead of
// the file holding most of its related tables. Through the real binary: the table lands in that file in
// both languages, and a file that is not one of the source's own is a configuration error, with nothing written.

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { loadConfig } from '../../src/config/load-sync.ts';
import { runCli } from '../helpers/cli.ts';

const SQL = `CREATE TABLE users (id text PRIMARY KEY);
CREATE TABLE settings (key text PRIMARY KEY, value text);
CREATE TABLE audit_log (id text PRIMARY KEY, note text NOT NULL);
`;

const FILES: Record<string, string> = {
  'db/schema.ts': `import { pgTable, text } from "drizzle-orm/pg-core";

export const users = pgTable("users", {
  id: text("id").primaryKey(),
});
`,
  'db/new.ts': `import { pgTable, text } from "drizzle-orm/pg-core";

export const settings = pgTable("settings", {
  key: text("key").primaryKey(),
  value: text("value"),
});
`,
  'models/users.py': `from sqlmodel import Field, SQLModel


class User(SQLModel, table=True):
    __tablename__ = "users"

    id: str = Field(primary_key=True)
`,
  'models/new_tables.py': `from typing import Optional

from sqlmodel import Field, SQLModel


class Setting(SQLModel, table=True):
    __tablename__ = "settings"

    key: str = Field(primary_key=True)
    value: Optional[str] = None
`,
};

function project(newTables: { drizzle: string; sqlmodel: string }): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'schemadrift-new-tables-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  for (const sub of ['db', 'models']) mkdirSync(path.join(dir, sub));
  writeFileSync(path.join(dir, 'db/schema.sql'), SQL);
  for (const [file, text] of Object.entries(FILES)) writeFileSync(path.join(dir, file), text);
  const config = {
    truth: 'database',
    sources: {
      database: { kind: 'database', url: 'db/schema.sql' },
      drizzle: { kind: 'drizzle', files: ['db/schema.ts', 'db/new.ts'], tables: { required: true }, newTables: newTables.drizzle },
      sqlmodel: { kind: 'sqlmodel', files: ['models'], tables: { required: true }, newTables: newTables.sqlmodel },
    },
  };
  writeFileSync(path.join(dir, 'schemadrift.config.json'), JSON.stringify(config, null, 2));
  return dir;
}

const read = (dir: string, file: string) => readFileSync(path.join(dir, file), 'utf8');

describe('"newTables": where fix writes a table a source lacks', () => {
  it('appends the table to the configured file of each source, and nowhere else', () => {
    const dir = project({ drizzle: 'db/new.ts', sqlmodel: 'models/new_tables.py' });
    const r = runCli(['fix', '--write', '--rule', 'table-missing'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(read(dir, 'db/schema.ts')).toBe(FILES['db/schema.ts']);
    expect(read(dir, 'models/users.py')).toBe(FILES['models/users.py']);
    expect(read(dir, 'db/new.ts').startsWith(FILES['db/new.ts']!)).toBe(true);
    expect(read(dir, 'db/new.ts')).toMatch(/\n\nexport const auditLog = pgTable\("audit_log", \{\n/);
    expect(read(dir, 'models/new_tables.py')).toBe(
      FILES['models/new_tables.py']!.replace('\nfrom sqlmodel', '\nfrom sqlalchemy import Text\nfrom sqlmodel') +
        '\n\nclass AuditLog(SQLModel, table=True):\n    __tablename__ = "audit_log"\n\n    id: str = Field(primary_key=True, sa_type=Text)\n    note: str = Field(sa_type=Text)\n',
    );
    const after = runCli(['check', '--format', 'json'], dir);
    expect((JSON.parse(after.stdout) as { findings: { rule: string }[] }).findings.filter((f) => f.rule === 'table-missing')).toEqual([]);
  }, 60_000);

  it('refuses a file that is not one of the source’s own: exit 2, one line, nothing written', () => {
    const dir = project({ drizzle: 'db/elsewhere.ts', sqlmodel: 'models/new_tables.py' });
    const r = runCli(['fix', '--write'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('schemadrift: schemadrift.config.json: source "drizzle": "newTables" (db/elsewhere.ts) is not one of its files\n');
    for (const [file, text] of Object.entries(FILES)) expect(read(dir, file)).toBe(text);
  }, 60_000);

  it('is read from the config resolved against its folder, and must name a file', () => {
    const dir = project({ drizzle: 'db/new.ts', sqlmodel: 'models/new_tables.py' });
    expect(loadConfig({ cwd: dir, env: {} }).sources.map((s) => (s.kind === 'database' ? undefined : s.newTables))).toEqual([
      undefined,
      path.join(dir, 'db/new.ts'),
      path.join(dir, 'models/new_tables.py'),
    ]);
    writeFileSync(
      path.join(dir, 'schemadrift.config.json'),
      JSON.stringify({ sources: { database: { url: 'db/schema.sql' }, drizzle: { kind: 'drizzle', files: ['db'], newTables: 3 } } }),
    );
    expect(() => loadConfig({ cwd: dir, env: {} })).toThrow('source "drizzle": "newTables" must be the file fix adds new tables to');
  });
});
