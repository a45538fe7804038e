// The uniqueness, index and primary-key transforms, judged by what the real readers (and, when installed, real
// SQLModel/SQLAlchemy) make of every fixture output: exactly the asked key facts, and nothing they could not read.
// The byte-for-byte, idempotency and line-ending checks of the same fixtures are in drizzle.test.ts and sqlmodel.test.ts.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import jscodeshift, { type API } from 'jscodeshift';
import { describe, expect, it, onTestFinished } from 'vitest';
import { indexObjects } from '../../src/compare/rules/indexes.ts';
import { uniqueObjects } from '../../src/compare/rules/uniques.ts';
import { loadPython } from '../../src/lang/python.ts';
import type { SchemaModel, Table } from '../../src/model/schema.ts';
import { readDrizzle } from '../../src/sources/drizzle/index.ts';
import { readSqlModel } from '../../src/sources/sqlmodel/index.ts';
import drizzleIndex from '../../transforms/drizzle-index.ts';
import drizzlePrimaryKey from '../../transforms/drizzle-primary-key.ts';
import drizzleUnique from '../../transforms/drizzle-unique.ts';
import sqlmodelIndex from '../../transforms/sqlmodel-index.ts';
import sqlmodelPrimaryKey from '../../transforms/sqlmodel-primary-key.ts';
import sqlmodelUnique from '../../transforms/sqlmodel-unique.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const python = await loadPython();

interface Case {
  name: string;
  file: string;
  options: Record<string, string>;
}

function cases(transform: string, ext: 'ts' | 'py'): Case[] {
  const dir = path.join(root, '__testfixtures__', transform);
  return readdirSync(dir)
    .filter((f) => f.endsWith(`.output.${ext}`))
    .sort()
    .map((f) => {
      const name = f.slice(0, -`.output.${ext}`.length);
      return { name, file: path.join(dir, f), options: JSON.parse(readFileSync(path.join(dir, `${name}.options.json`), 'utf8')) };
    });
}

/** Each output in a directory of its own, read back by `read` (one file per model, so same-named classes do not clash). */
async function readBack(transform: string, ext: 'ts' | 'py', read: (dir: string, file: string) => Promise<SchemaModel>) {
  const dir = mkdtempSync(path.join(tmpdir(), `schemadrift-${transform}-`));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  const out: { c: Case; table: Table; model: SchemaModel }[] = [];
  for (const c of cases(transform, ext)) {
    const file = `${c.name}.${ext}`;
    writeFileSync(path.join(dir, file), readFileSync(c.file, 'utf8'));
    const model = await read(dir, file);
    out.push({ c, table: model.tables.find((t) => t.name === c.options.table)!, model });
  }
  return out;
}

const drizzle = (dir: string, file: string) => readDrizzle({ name: 'drizzle', files: [file], cwd: dir });
const sqlmodel = (dir: string, file: string) => readSqlModel({ name: 'sqlmodel', files: [file], cwd: dir });

const uniqueOn = (table: Table, column: string) => uniqueObjects(table).filter((o) => o.columns.join() === column);
const plainIndexOn = (table: Table, column: string) => (indexObjects(table) ?? []).filter((o) => o.value === `INDEX (${column})`);

/** What the table says about the asked fact, next to what the options asked for. */
function keyFacts(transform: string, table: Table, options: Record<string, string>): [unknown, unknown] {
  const { column } = options;
  if (transform.endsWith('-unique')) return [uniqueOn(table, column!).length, options.unique === 'true' ? 1 : 0];
  if (transform.endsWith('-index')) {
    const found = plainIndexOn(table, column!);
    const name = transform.startsWith('drizzle') ? options.name : `ix_${options.table}_${column}`;
    return [found.map((o) => o.name), options.index === 'true' ? [name] : []];
  }
  const old = options.from && table.columns.find((c) => c.name === options.from);
  return [
    [table.primaryKey?.columns, old ? old.nullable : undefined],
    [[column], options.from ? options.fromNullable === 'true' : undefined],
  ];
}

for (const [transform, ext, read] of [
  ['drizzle-unique', 'ts', drizzle],
  ['drizzle-index', 'ts', drizzle],
  ['drizzle-primary-key', 'ts', drizzle],
  ['sqlmodel-unique', 'py', sqlmodel],
  ['sqlmodel-index', 'py', sqlmodel],
  ['sqlmodel-primary-key', 'py', sqlmodel],
] as const) {
  describe(`${transform} read back`, () => {
    it('gives exactly the asked fact, with no diagnostic', async () => {
      for (const { c, table, model } of await readBack(transform, ext, read)) {
        const [got, want] = keyFacts(transform, table, c.options);
        expect([c.name, got]).toEqual([c.name, want]);
        expect([c.name, model.diagnostics]).toEqual([c.name, []]);
      }
    });
  });
}

describe('under real SQLModel/SQLAlchemy, when installed', () => {
  const installed = spawnSync('python3', ['-c', 'import sqlmodel'], { encoding: 'utf8' }).status === 0;
  type Real = {
    name: string;
    columns: { name: string; nullable: boolean }[];
    primaryKey: string[];
    uniques: string[][];
    indexes: { name: string; columns: string[]; unique: boolean }[];
  };
  /** One process per file: SQLModel classes share one MetaData, where two `users` tables would clash. */
  const oracle = (file: string, table: string): Real => {
    const r = spawnSync('python3', ['test/fixtures/python/sqlmodel_oracle.py', file], { cwd: root, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { files: Record<string, Real[]> };
    return Object.values(out.files)[0]!.find((t) => t.name === table)!;
  };

  it.runIf(installed)('builds the asked unique constraint or unique index, plain index and primary key', () => {
    for (const transform of ['sqlmodel-unique', 'sqlmodel-index', 'sqlmodel-primary-key']) {
      for (const c of cases(transform, 'py')) {
        const real = oracle(c.file, c.options.table!);
        const { column } = c.options;
        if (transform === 'sqlmodel-unique') {
          const unique = [...real.uniques, ...real.indexes.filter((i) => i.unique).map((i) => i.columns)].filter((u) => u.join() === column);
          expect([c.name, unique.length]).toEqual([c.name, c.options.unique === 'true' ? 1 : 0]);
          const plain = real.indexes.filter((i) => !i.unique && i.columns.join() === column).length;
          expect([c.name, plain]).toEqual([c.name, c.options.keepIndex === 'true' ? 1 : 0]);
        } else if (transform === 'sqlmodel-index') {
          const plain = real.indexes.filter((i) => !i.unique && i.columns.join() === column).map((i) => i.name);
          expect([c.name, plain]).toEqual([c.name, c.options.index === 'true' ? [`ix_${c.options.table}_${column}`] : []]);
        } else {
          expect([c.name, real.primaryKey]).toEqual([c.name, [column]]);
          if (c.options.from) {
            const old = real.columns.find((col) => col.name === c.options.from)!;
            expect([c.name, old.nullable]).toEqual([c.name, c.options.fromNullable === 'true']);
          }
        }
      }
    }
  }, 60_000);
});

const tsApi = (): API => {
  const j = jscodeshift.withParser('ts');
  return { jscodeshift: j, j, stats: () => undefined, report: () => undefined } as API;
};

function refusal(run: () => string): [string, string] | undefined {
  try {
    run();
  } catch (e) {
    return [(e as Error).name, (e as Error).message];
  }
  return undefined;
}

describe('refusals', () => {
  const ts = (source: string) => ({ path: 'schema.ts', source });
  const py = (source: string) => ({ path: 'models.py', source });

  it('leaves a Drizzle primary key written in the table config to the user', () => {
    const source = [
      'import { pgTable, primaryKey, text } from "drizzle-orm/pg-core";',
      'export const m = pgTable("m", { a: text("a"), b: text("b") }, (t) => [primaryKey({ columns: [t.a, t.b] })]);',
      '',
    ].join('\n');
    expect(refusal(() => drizzlePrimaryKey(ts(source), tsApi(), { table: 'm', column: 'a' }))).toEqual([
      'CannotApply',
      'm declares its primary key with primaryKey({ … }) in its config; edit it by hand',
    ]);
  });

  it('does not add a Drizzle index through a config it cannot read, nor to a column with a bracketed key', () => {
    const computed = 'import { pgTable, text } from "drizzle-orm/pg-core";\nexport const u = pgTable("u", { a: text("a") }, config);\n';
    expect(refusal(() => drizzleIndex(ts(computed), tsApi(), { table: 'u', column: 'a', index: 'true' }))).toEqual([
      'CannotApply',
      'the config of pgTable("u") is not `(t) => [ … ]`; edit it by hand',
    ]);
    const quoted = 'import { pgTable, text } from "drizzle-orm/pg-core";\nexport const u = pgTable("u", { "a-b": text("a") });\n';
    expect(refusal(() => drizzleIndex(ts(quoted), tsApi(), { table: 'u', column: 'a', index: 'true' }))).toEqual([
      'CannotApply',
      'u.a: its key a-b cannot follow `t.`; add the index by hand',
    ]);
  });

  it('refuses to remove an index on the column written with a sort order or a predicate', () => {
    const source = [
      'import { index, pgTable, text } from "drizzle-orm/pg-core";',
      'import { sql } from "drizzle-orm";',
      'export const u = pgTable("u", { a: text("a") }, (t) => [',
      '  index("u_a_desc").on(t.a.desc()),',
      '  index("u_a_live").on(t.a).where(sql`${t.a} is not null`),',
      ']);',
      '',
    ].join('\n');
    expect(refusal(() => drizzleIndex(ts(source), tsApi(), { table: 'u', column: 'a', index: 'false' }))).toEqual([
      'CannotApply',
      'u.a: index("u_a_desc").on(t.a.desc()) is not a plain index on the column; remove it by hand',
    ]);
    // Another column's plain index is no reason to refuse: there is just nothing to remove for this one.
    const other = source.replace('text("a") }', 'text("a"), ab: text("ab") }');
    expect(drizzleIndex(ts(other), tsApi(), { table: 'u', column: 'ab', index: 'false' })).toBe(other);
  });

  it('refuses to remove uniqueness on the column written as more than a plain unique', () => {
    const source = [
      'import { pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";',
      'export const u = pgTable("u", { a: text("a"), b: text("b") }, (t) => [',
      '  uniqueIndex("u_a_key").using("btree", t.a.op("text_pattern_ops")),',
      '  uniqueIndex("u_a_b_key").on(t.a, t.b),',
      ']);',
      '',
    ].join('\n');
    expect(refusal(() => drizzleUnique(ts(source), tsApi(), { table: 'u', column: 'a', unique: 'false' }))).toEqual([
      'CannotApply',
      'u.a: uniqueIndex("u_a_key").using("btree", t.a.op("text_pattern_ops")) is not a plain single-column unique; remove it by hand',
    ]);
    // The two-column one is no business of a single column's: nothing to remove for b.
    expect(drizzleUnique(ts(source), tsApi(), { table: 'u', column: 'b', unique: 'false' })).toBe(source);
  });

  it('refuses a plain Python index beside unique=True, and a flag it cannot read', () => {
    const source = [
      'from sqlmodel import Field, SQLModel',
      '',
      '',
      'class User(SQLModel, table=True):',
      '    __tablename__ = "users"',
      '',
      '    id: int | None = Field(default=None, primary_key=True)',
      '    email: str = Field(unique=True)',
      '    name: str = Field(unique=FLAG)',
      '',
    ].join('\n');
    expect(refusal(() => sqlmodelIndex(py(source), { python }, { table: 'users', column: 'email', index: true }))).toEqual([
      'CannotApply',
      'User.email says unique=True, so index=True there is a unique index; declare the plain index by hand',
    ]);
    expect(refusal(() => sqlmodelUnique(py(source), { python }, { table: 'users', column: 'name', unique: false }))).toEqual([
      'CannotApply',
      'User.name: unique=FLAG is not True or False; edit it by hand',
    ]);
  });

  it('refuses to move a Python key that is not on a column', () => {
    const source = [
      'from sqlalchemy import Column, Integer, PrimaryKeyConstraint',
      'from sqlalchemy.orm import declarative_base',
      '',
      'Base = declarative_base()',
      '',
      '',
      'class Pair(Base):',
      '    __tablename__ = "pairs"',
      '    __table_args__ = (PrimaryKeyConstraint("a"),)',
      '',
      '    a = Column(Integer)',
      '    b = Column(Integer)',
      '',
    ].join('\n');
    expect(refusal(() => sqlmodelPrimaryKey(py(source), { python }, { table: 'pairs', column: 'b', from: 'a' }))).toEqual([
      'CannotApply',
      'Pair.a has no primary_key=True to move',
    ]);
  });

  it('writes a bare SQLModel field only where Field is imported', () => {
    const source = 'from sqlmodel import SQLModel\n\n\nclass Tag(SQLModel, table=True):\n    id: int | None = None\n    slug: str\n';
    expect(refusal(() => sqlmodelUnique(py(source), { python }, { table: 'tag', column: 'slug', unique: true }))).toEqual([
      'CannotApply',
      'Tag.slug: Field is not imported here; add unique=True by hand',
    ]);
  });
});
