// The differential proof of the Drizzle reader: for each fixture, drizzle-kit turns the schema into SQL,
// the SQL is loaded into real PostgreSQL, and schemadrift comparing that database with the same schema
// files must find nothing above `info`. Seeded edits to a copy must then each be exactly one finding.

import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check, type Finding } from '../../../src/api.ts';
import { ruleById } from '../../../src/compare/rules/index.ts';
import { tableKey } from '../../../src/model/names.ts';
import type { SchemaModel } from '../../../src/model/schema.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { drizzleKitSql } from './drizzle-kit.ts';
import { FIXTURES, type Mutation, type OracleFixture } from './fixtures.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const fixtureDir = (f: OracleFixture) => path.join(HERE, 'fixtures', f.name);

// drizzle-kit takes about two seconds a fixture: all of them run at once, before any test.
const sql = new Map<string, Promise<string>>(FIXTURES.map((f) => [f.name, drizzleKitSql(fixtureDir(f), f.kit)]));
const databases: TestDatabase[] = [];
const tmpDirs: string[] = [];

afterAll(async () => {
  await Promise.all(databases.map((d) => d.drop()));
  await Promise.all(tmpDirs.map((d) => rm(d, { recursive: true, force: true })));
});

async function loadDatabase(fixture: OracleFixture): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'schemadrift-oracle-'));
  tmpDirs.push(dir);
  const file = path.join(dir, `${fixture.name}.sql`);
  await writeFile(file, await sql.get(fixture.name)!);
  const db = await createTestDatabase(file);
  databases.push(db);
  return db.url;
}

/** `check` as a user with only a drizzle config would run it: the drizzle source comes from discovery. */
function runCheck(cwd: string, db: string) {
  return check({ cwd, db, env: {} });
}

const aboveInfo = (findings: Finding[]) => findings.filter((f) => f.severity !== 'info');
const model = (models: SchemaModel[], kind: string) => models.find((m) => m.kind === kind)!;
const brief = (f: Finding) => ({ rule: f.rule, table: f.table, column: f.column, values: f.values });

describe.each(FIXTURES)('drizzle-kit oracle: $name', (fixture) => {
  let url: string;
  let baseline: Finding[];
  let models: SchemaModel[];

  beforeAll(async () => {
    url = await loadDatabase(fixture);
    const result = await runCheck(fixtureDir(fixture), url);
    baseline = result.findings;
    models = result.models;
  });

  it('reads every table drizzle-kit created, with only the expected diagnostics', () => {
    const drizzle = model(models, 'drizzle');
    const database = model(models, 'database');
    expect(drizzle.tables.map(tableKey).sort()).toEqual(database.tables.map(tableKey).sort());
    expect(drizzle.tables.length).toBeGreaterThan(0);
    expect(drizzle.diagnostics.map((d) => d.message)).toEqual(fixture.diagnostics ?? []);
  });

  it('finds nothing above info', () => {
    expect(aboveInfo(baseline).map(brief)).toEqual([]);
  });

  for (const mutation of fixture.mutations ?? []) {
    const ruleExists = ruleById(mutation.rule) !== undefined;
    // column-default is being added to the compare engine separately; until it exists there is no rule to
    // report a changed default, and the case runs as soon as it does.
    it.skipIf(!ruleExists)(`${mutation.title}: exactly one ${mutation.rule} finding`, async () => {
      const copy = await mutatedCopy(fixture, mutation);
      const { findings } = await runCheck(copy, url);
      const added = findings.filter((f) => !baseline.some((b) => JSON.stringify(brief(b)) === JSON.stringify(brief(f))));
      expect(added.map(brief)).toEqual([
        { rule: mutation.rule, table: mutation.table, column: mutation.column, values: mutation.values },
      ]);
      expect(aboveInfo(findings).map(brief)).toEqual(added.filter((f) => f.severity !== 'info').map(brief));
    });
  }
});

async function mutatedCopy(fixture: OracleFixture, mutation: Mutation): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), `schemadrift-oracle-${fixture.name}-`));
  tmpDirs.push(dir);
  await cp(fixtureDir(fixture), dir, { recursive: true });
  const file = path.join(dir, mutation.file);
  const text = await readFile(file, 'utf8');
  const at = text.indexOf(mutation.from);
  if (at < 0 || text.indexOf(mutation.from, at + 1) >= 0) throw new Error(`${mutation.file}: "${mutation.from}" must occur exactly once`);
  await writeFile(file, text.slice(0, at) + mutation.to + text.slice(at + mutation.from.length));
  return dir;
}
