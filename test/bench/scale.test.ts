// The scale benchmark's project generator (bench/scale/generate.ts) is only a fair benchmark if its three
// forms really agree apart from the seeded drifts: `check` must find exactly those, and each form must be
// what its own tool makes of it — drizzle-kit's DDL for the Drizzle files, SQLAlchemy's DDL for the Python
// package — or the benchmark would time a tool reporting drift that is not there.

import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check, type Finding } from '../../src/api.ts';
import { generateProject, type ExpectedFinding, type GeneratedProject } from '../../bench/scale/generate.ts';
import { disagreeing } from '../../bench/scale/verify.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { drizzleKitSql } from '../oracle/drizzle-kit/drizzle-kit.ts';
import { findOraclePython } from '../oracle/python/interpreter.ts';

const run = promisify(execFile);
const TABLES = 30;

const brief = (f: Finding) => ({ rule: f.rule, severity: f.severity, table: f.table, column: f.column, sources: disagreeing(f) });
const seeded = (e: ExpectedFinding, source: string = e.source) => ({ rule: e.rule, severity: e.severity, table: e.table, column: e.column, sources: [source] });
const order = (a: { rule: string; table: string }, b: { rule: string; table: string }) => `${a.rule} ${a.table}`.localeCompare(`${b.rule} ${b.table}`);

// SQLAlchemy's own DDL for the package, as create_all would send it, compiled without a database driver.
const SQLALCHEMY_DDL = `
import sys
sys.dont_write_bytecode = True
sys.path.insert(0, sys.argv[1])
import models  # noqa: F401
from sqlalchemy import Enum
from sqlalchemy.dialects import postgresql
from sqlalchemy.schema import CreateIndex, CreateTable
from sqlmodel import SQLModel

dialect = postgresql.dialect()
enums = {}
for table in SQLModel.metadata.sorted_tables:
    for column in table.columns:
        if isinstance(column.type, Enum):
            enums[column.type.name] = column.type.enums
out = ["CREATE TYPE %s AS ENUM (%s);" % (name, ", ".join("'%s'" % v for v in values)) for name, values in enums.items()]
for table in SQLModel.metadata.sorted_tables:
    out.append(str(CreateTable(table).compile(dialect=dialect)).strip() + ";")
    out.extend(str(CreateIndex(index).compile(dialect=dialect)) + ";" for index in table.indexes)
print("\\n".join(out))
`;

describe(`scale benchmark project (${TABLES} tables)`, () => {
  let dir: string;
  let project: GeneratedProject;
  const databases: TestDatabase[] = [];

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'schemadrift-scale-test-'));
    project = generateProject(dir, { tables: TABLES, perFile: 10 });
  });
  afterAll(async () => {
    await Promise.all(databases.map((d) => d.drop()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('is written the same way every time', () => {
    const again = mkdtempSync(path.join(tmpdir(), 'schemadrift-scale-test-'));
    try {
      expect(generateProject(again, { tables: TABLES, perFile: 10 }).expected).toEqual(project.expected);
      for (const file of ['db/schema.sql', 'drizzle/schema-001.ts', 'models/tables_002.py']) {
        expect(readFileSync(path.join(again, file), 'utf8')).toBe(readFileSync(path.join(dir, file), 'utf8'));
      }
    } finally {
      rmSync(again, { recursive: true, force: true });
    }
  });

  it('seeds one drift of each kind, in both code sources', () => {
    expect(project.expected.map((e) => `${e.rule} ${e.source}`).sort()).toEqual([
      'column-nullable sqlmodel',
      'fk-on-delete drizzle',
      'fk-target drizzle',
      'fk-target sqlmodel',
      'index-missing drizzle',
    ]);
  });

  it('check (database from the SQL through PGlite) finds exactly the seeded drifts', async () => {
    const result = await check({ cwd: dir, env: {} });
    expect(result.models.map((m) => [m.source, m.tables.length])).toEqual([['database', TABLES], ['drizzle', TABLES], ['sqlmodel', TABLES]]);
    expect(result.models.flatMap((m) => m.diagnostics)).toEqual([]);
    // Exactly: not one finding more at any severity, info included.
    expect(result.findings.map(brief).sort(order)).toEqual(project.expected.map((e) => seeded(e)).sort(order));
  });

  it('the Drizzle schema type-checks', () => {
    const program = ts.createProgram([path.join(dir, project.drizzleBarrel)], {
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
    });
    const messages = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(messages).toEqual([]);
  });

  /**
   * Holds a database made from one form against the generated SQL: apart from constraint names (tools name
   * constraints by their own conventions), it must differ exactly by that form's seeded drifts.
   */
  async function compareWithSql(sql: string, form: 'drizzle' | 'sqlmodel') {
    const file = path.join(dir, `${form}-made.sql`);
    writeFileSync(file, sql);
    const made = await createTestDatabase(file);
    databases.push(made);
    const reference = await createTestDatabase(path.join(dir, project.sqlFile));
    databases.push(reference);
    const config = path.join(dir, `${form}-oracle.config.json`);
    writeFileSync(config, JSON.stringify({
      truth: 'generated',
      sources: { generated: { kind: 'database', url: reference.url }, [form]: { kind: 'database', url: made.url } },
    }));
    const { findings } = await check({ cwd: dir, config, env: {} });
    const names = findings.filter((f) => f.rule === 'constraint-name');
    expect(names.every((f) => /^The (foreign key|unique) /.test(f.message)), names.map((f) => f.message).join('\n')).toBe(true);
    const others = findings.filter((f) => f.rule !== 'constraint-name').map(brief).sort(order);
    expect(others).toEqual(project.expected.filter((e) => e.source === form).map((e) => seeded(e, form)).sort(order));
  }

  it("drizzle-kit's DDL for the Drizzle files is the SQL but for the Drizzle-side drifts", async () => {
    writeFileSync(
      path.join(dir, 'drizzle.config.ts'),
      `export default { dialect: "postgresql", schema: "./${project.drizzleBarrel}" };\n`,
    );
    await compareWithSql(await drizzleKitSql(dir), 'drizzle');
  });

  const python = findOraclePython('sqlmodel, sqlalchemy');
  it.skipIf(!python.python)("SQLAlchemy's DDL for the Python package is the SQL but for the Python-side drifts", async () => {
    const { stdout } = await run(python.python!, ['-c', SQLALCHEMY_DDL, dir], { encoding: 'utf8' });
    await compareWithSql(stdout, 'sqlmodel');
  });
});
