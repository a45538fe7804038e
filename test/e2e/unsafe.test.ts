// A column the database does not have is removed from the code only with `fix --unsafe`: code may still
// read it. The dry run shows the removal either way; `--write` alone leaves it and says so.

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyExample, runCliAsync } from '../helpers/cli.ts';

const SCHEMA = 'nextjs/src/database/schema.ts';
const MODELS = 'fastapi/models/credits.py';

let dir: string;
let original: { schema: string; models: string };

beforeAll(async () => {
  dir = copyExample();
  // The example's other drift is fixed first, so what follows is only about the extra columns.
  const fixed = await runCliAsync(['fix', '--write'], dir);
  expect(fixed.code).toBe(0);
  original = { schema: readFileSync(path.join(dir, SCHEMA), 'utf8'), models: readFileSync(path.join(dir, MODELS), 'utf8') };
  writeFileSync(
    path.join(dir, SCHEMA),
    original.schema.replace('  image: text("image"),\n', '  image: text("image"),\n  nickname: text("nickname"),\n'),
  );
  writeFileSync(
    path.join(dir, MODELS),
    original.models.replace('    name: str\n', '    name: str\n    motto: Optional[str] = None\n'),
  );
});

describe('fix and columns the database does not have', () => {
  it('--dry-run shows their removal and says --write needs --unsafe for it', async () => {
    const r = await runCliAsync(['fix', '--dry-run'], dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('-  nickname: text("nickname"),\n');
    expect(r.stdout).toContain('-    motto: Optional[str] = None\n');
    expect(r.stderr).toBe(
      '2 changes in 2 files (dry run: nothing written; use --write to apply). 2 of them unsafe (removing code): --write applies those only with --unsafe.\n',
    );
  });

  it('--write alone leaves them, names them, and exits 0', async () => {
    const before = { schema: readFileSync(path.join(dir, SCHEMA), 'utf8'), models: readFileSync(path.join(dir, MODELS), 'utf8') };
    const r = await runCliAsync(['fix', '--write'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      'schemadrift: left 2 unsafe changes (teams.motto: remove the column; users.nickname: remove the column); review them with --dry-run and apply with --unsafe\n',
    );
    expect(readFileSync(path.join(dir, SCHEMA), 'utf8')).toBe(before.schema);
    expect(readFileSync(path.join(dir, MODELS), 'utf8')).toBe(before.models);
  });

  it('--write --unsafe removes them, byte for byte back to the files without them', async () => {
    const r = await runCliAsync(['fix', '--write', '--unsafe'], dir);
    expect(r.code).toBe(0);
    expect(readFileSync(path.join(dir, SCHEMA), 'utf8')).toBe(original.schema);
    expect(readFileSync(path.join(dir, MODELS), 'utf8')).toBe(original.models);
    const check = await runCliAsync(['check', '--format', 'json'], dir);
    expect((JSON.parse(check.stdout) as { findings: { rule: string }[] }).findings.filter((f) => f.rule === 'column-extra')).toEqual([]);
  });
});

// A table the database does not have (table-missing, the database required to hold every table): removed
// from the code only with `fix --unsafe`, as the whole pgTable or class with the imports only it used.
describe('fix and tables the database does not have', () => {
  const CONFIG = 'schemadrift.config.json';
  let tablesDir: string;
  let clean: { schema: string; models: string };

  beforeAll(async () => {
    tablesDir = copyExample();
    const fixed = await runCliAsync(['fix', '--write'], tablesDir);
    expect(fixed.code).toBe(0);
    const config = JSON.parse(readFileSync(path.join(tablesDir, CONFIG), 'utf8')) as { sources: { database: Record<string, unknown> } };
    config.sources.database.tables = { required: true };
    writeFileSync(path.join(tablesDir, CONFIG), `${JSON.stringify(config, null, 2)}\n`);
    clean = { schema: readFileSync(path.join(tablesDir, SCHEMA), 'utf8'), models: readFileSync(path.join(tablesDir, MODELS), 'utf8') };
    // The pg-core import as the fixes before left it, with jsonb added: the table is the only one using it.
    const schemaImport = /^import \{ pgTable,[\w, ]+ \} from "drizzle-orm\/pg-core";\n/.exec(clean.schema)![0];
    expect(schemaImport).not.toContain('jsonb');
    writeFileSync(
      path.join(tablesDir, SCHEMA),
      clean.schema.replace(schemaImport, schemaImport.replace(' } from', ', jsonb } from')) +
        '\n/** Events of the retired analytics pipeline. */\nexport const legacyEvents = pgTable("legacy_events", {\n  id: text("id").primaryKey(),\n  payload: jsonb("payload"),\n});\n',
    );
    expect(clean.models).toContain('\nfrom sqlalchemy import Text\n');
    writeFileSync(
      path.join(tablesDir, MODELS),
      clean.models.replace('\nfrom sqlalchemy import Text\n', '\nfrom sqlalchemy import JSON, Text\n') +
        '\n\n# Retired analytics events.\nclass LegacyEvent(SQLModel, table=True):\n    __tablename__ = "legacy_events"\n\n    id: str = Field(primary_key=True)\n    payload: Optional[dict] = Field(default=None, sa_type=JSON)\n',
    );
  });

  const tableMissing = async () => {
    const check = await runCliAsync(['check', '--format', 'json'], tablesDir);
    return (JSON.parse(check.stdout) as { findings: { rule: string; table: string; severity: string; fixable: boolean }[] }).findings.filter(
      (f) => f.rule === 'table-missing',
    );
  };

  it('check reports the table as critical and fixable', async () => {
    expect(await tableMissing()).toEqual([expect.objectContaining({ table: 'legacy_events', severity: 'critical', fixable: true })]);
  });

  it('--dry-run shows the removal of the table, its comment and the import only it used', async () => {
    const r = await runCliAsync(['fix', '--dry-run'], tablesDir);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('-/** Events of the retired analytics pipeline. */\n-export const legacyEvents = pgTable("legacy_events", {\n');
    expect(r.stdout).toMatch(/\n-import \{ pgTable,[\w, ]+, jsonb \} from "drizzle-orm\/pg-core";\n\+import \{ pgTable,[\w, ]+ \} from "drizzle-orm\/pg-core";\n/);
    expect(r.stdout).toContain('-# Retired analytics events.\n-class LegacyEvent(SQLModel, table=True):\n');
    expect(r.stdout).toContain('-from sqlalchemy import JSON, Text\n+from sqlalchemy import Text\n');
    expect(r.stderr).toBe(
      '2 changes in 2 files (dry run: nothing written; use --write to apply). 2 of them unsafe (removing code): --write applies those only with --unsafe.\n',
    );
  });

  it('--write alone leaves the table in both files and names it', async () => {
    const before = { schema: readFileSync(path.join(tablesDir, SCHEMA), 'utf8'), models: readFileSync(path.join(tablesDir, MODELS), 'utf8') };
    const r = await runCliAsync(['fix', '--write'], tablesDir);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      'schemadrift: left 2 unsafe changes (legacy_events: remove the table; legacy_events: remove the table); review them with --dry-run and apply with --unsafe\n',
    );
    expect(readFileSync(path.join(tablesDir, SCHEMA), 'utf8')).toBe(before.schema);
    expect(readFileSync(path.join(tablesDir, MODELS), 'utf8')).toBe(before.models);
  });

  it('--write --unsafe removes it, byte for byte back to the files without it, and check no longer finds it', async () => {
    const r = await runCliAsync(['fix', '--write', '--unsafe'], tablesDir);
    expect(r.code).toBe(0);
    expect(readFileSync(path.join(tablesDir, SCHEMA), 'utf8')).toBe(clean.schema);
    expect(readFileSync(path.join(tablesDir, MODELS), 'utf8')).toBe(clean.models);
    expect(await tableMissing()).toEqual([]);
  });
});
