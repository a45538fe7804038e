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
import { compare } from '../../src/compare/index.ts';
import { indexObjects } from '../../src/compare/rules/indexes.ts';
import { uniqueObjects } from '../../src/compare/rules/uniques.ts';
import { loadPython } from '../../src/lang/python.ts';
import { runActions } from '../../src/fix/run.ts';
import type { SchemaModel, Table } from '../../src/model/schema.ts';
import { plan } from '../../src/plan/index.ts';
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

/**
 * Several columns (`columns=a,b`): the uniqueness facts over exactly those columns, as their value, name and
 * declaration (constraint or unique index), or the plain indexes over them in that order, by name. An unnamed
 * object reads back without a name; it is the one its tool names (Drizzle's `<table>_<a>_<b>_unique`, PostgreSQL's
 * `<table>_<a>_<b>_key` for an unnamed `UniqueConstraint`).
 */
function multiColumnFacts(transform: string, table: Table, options: Record<string, string>): [unknown, unknown] {
  const columns = options.columns!.split(',');
  if (transform.endsWith('-unique')) {
    const found = uniqueObjects(table)
      .filter((o) => [...o.columns].sort().join() === [...columns].sort().join())
      .map((o) => [o.value, o.name, table.indexes.some((i) => i.loc === o.loc) ? 'index' : 'constraint']);
    const nnd = options.nullsNotDistinct === 'true' ? ' NULLS NOT DISTINCT' : '';
    const unnamed = transform.startsWith('drizzle') ? `${options.table}_${columns.join('_')}_unique` : `${options.table}_${columns.join('_')}_key`;
    const want = options.unique === 'true' ? [[`UNIQUE (${columns.join(', ')})`, options.name === unnamed ? undefined : options.name, options.form ?? 'constraint']] : [];
    return [found.filter((f) => options.unique === 'true' || String(f[0]).includes(`UNIQUE${nnd} (`)), want];
  }
  const found = (indexObjects(table) ?? []).filter((o) => o.value === `INDEX (${columns.join(', ')})`);
  return [found.map((o) => o.name), options.index === 'true' ? [options.name] : []];
}

/** What the table says about the asked fact, next to what the options asked for. */
function keyFacts(transform: string, table: Table, options: Record<string, string>): [unknown, unknown] {
  if (options.columns !== undefined) return multiColumnFacts(transform, table, options);
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
      // Several columns are judged by the DDL SQLAlchemy emits, below (some are `Table(...)`, which this oracle does not list).
      for (const c of cases(transform, 'py').filter((c) => c.options.columns === undefined)) {
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

describe('several columns under real SQLAlchemy, when installed', () => {
  const installed = spawnSync('python3', ['-c', 'import sqlmodel'], { encoding: 'utf8' }).status === 0;
  // Imports the file as a module and prints, per table it defines (class or Table(...)), the PostgreSQL DDL
  // SQLAlchemy emits: CREATE TABLE and every CREATE INDEX.
  const script = [
    'import importlib.util, json, sys',
    'sys.dont_write_bytecode = True',
    'from sqlalchemy import Table',
    'from sqlalchemy.dialects import postgresql',
    'from sqlalchemy.schema import CreateIndex, CreateTable',
    'spec = importlib.util.spec_from_file_location("_ddl_module", sys.argv[1])',
    'module = importlib.util.module_from_spec(spec)',
    'sys.modules["_ddl_module"] = module',
    'spec.loader.exec_module(module)',
    'tables = [v for v in vars(module).values() if isinstance(v, Table)]',
    'tables += [v.__table__ for v in vars(module).values() if isinstance(v, type) and v.__module__ == "_ddl_module" and hasattr(v, "__table__")]',
    'd = postgresql.dialect()',
    'print(json.dumps({t.name: [str(CreateTable(t).compile(dialect=d))] + [str(CreateIndex(i).compile(dialect=d)) for i in t.indexes] for t in tables}))',
  ].join('\n');
  const ddl = (file: string, table: string): string => {
    const r = spawnSync('python3', ['-c', script, file], { cwd: root, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    return (JSON.parse(r.stdout) as Record<string, string[]>)[table]!.join('\n').replace(/\s+/g, ' ');
  };
  const sameSet = (a: string, b: string[]) => a.split(', ').sort().join() === [...b].sort().join();

  it.runIf(installed)('emits exactly the asked UNIQUE or index over the columns', () => {
    for (const transform of ['sqlmodel-unique', 'sqlmodel-index']) {
      for (const c of cases(transform, 'py').filter((c) => c.options.columns !== undefined)) {
        const { table, name } = c.options;
        const columns = c.options.columns!.split(',');
        const text = ddl(c.file, table!);
        if (transform === 'sqlmodel-unique') {
          const constraints = [...text.matchAll(/(?:CONSTRAINT (\S+) )?UNIQUE \(([^)]*)\)/g)].filter((m) => sameSet(m[2]!, columns));
          const indexes = [...text.matchAll(/CREATE UNIQUE INDEX (\S+) ON \S+ \(([^)]*)\)/g)].filter((m) => sameSet(m[2]!, columns));
          const found = [...constraints.map((m) => ['constraint', m[1], m[2]]), ...indexes.map((m) => ['index', m[1], m[2]])];
          const want = c.options.unique === 'true' ? [[c.options.form ?? 'constraint', name, columns.join(', ')]] : [];
          expect([c.name, found]).toEqual([c.name, want]);
        } else {
          const found = [...text.matchAll(/CREATE INDEX (\S+) ON \S+ \(([^)]*)\)/g)].filter((m) => m[2] === columns.join(', ')).map((m) => m[1]);
          expect([c.name, found]).toEqual([c.name, c.options.index === 'true' ? [name] : []]);
        }
      }
    }
  }, 60_000);
});

describe('several columns, planned and applied', () => {
  // The database: UNIQUE (team_id, user_id), a unique index on (role, team_id), a plain index on (user_id, role).
  const int = { sql: 'integer' };
  const truth: SchemaModel = {
    source: 'database',
    kind: 'database',
    diagnostics: [],
    tables: [
      {
        schema: 'public',
        name: 'members',
        columns: [
          { name: 'id', type: int, nullable: false },
          { name: 'team_id', type: int, nullable: false },
          { name: 'user_id', type: int, nullable: false },
          { name: 'role', type: { sql: 'text' }, nullable: false },
        ],
        primaryKey: { columns: ['id'], name: 'members_pkey' },
        foreignKeys: [],
        uniques: [{ columns: ['team_id', 'user_id'], name: 'members_team_id_user_id_key' }],
        indexes: [
          { name: 'members_role_team_idx', columns: ['role', 'team_id'], unique: true, parts: [{ column: 'role' }, { column: 'team_id' }] },
          { name: 'members_user_role_idx', columns: ['user_id', 'role'], unique: false, parts: [{ column: 'user_id' }, { column: 'role' }] },
        ],
      },
    ],
  };
  const RULES = ['unique-missing', 'unique-extra', 'index-missing', 'index-extra'];
  // Each source has what the truth lacks (a unique and an index over other columns) and lacks what it has.
  const files: [string, 'drizzle' | 'sqlmodel', string][] = [
    [
      'schema.ts',
      'drizzle',
      [
        'import { index, integer, pgTable, serial, text, unique } from "drizzle-orm/pg-core";',
        '',
        'export const members = pgTable("members", {',
        '  id: serial("id").primaryKey(),',
        '  teamId: integer("team_id").notNull(),',
        '  userId: integer("user_id").notNull(),',
        '  role: text("role").notNull(),',
        '}, (t) => [',
        '  unique("members_role_id_key").on(t.role, t.id),',
        '  index("members_role_user_idx").on(t.role, t.userId),',
        ']);',
        '',
      ].join('\n'),
    ],
    [
      'models.py',
      'sqlmodel',
      [
        'from sqlmodel import Field, Index, SQLModel, UniqueConstraint',
        '',
        '',
        'class Member(SQLModel, table=True):',
        '    __tablename__ = "members"',
        '    __table_args__ = (',
        '        UniqueConstraint("role", "id"),',
        '        Index("members_role_user_idx", "role", "user_id"),',
        '    )',
        '',
        '    id: int | None = Field(default=None, primary_key=True)',
        '    team_id: int',
        '    user_id: int',
        '    role: str',
        '',
      ].join('\n'),
    ],
  ];

  for (const [file, kind, source] of files) {
    it(`leaves ${kind} with exactly the truth's multi-column uniques and indexes`, async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'schemadrift-multi-'));
      onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
      writeFileSync(path.join(dir, file), source);
      const read = () => (kind === 'drizzle' ? drizzle(dir, file) : sqlmodel(dir, file));
      const before = [truth, await read()];
      const planned = plan(compare(before, { truth: 'database' }), before, { rules: RULES }).actions;
      expect(planned.map((a) => a.rule).sort()).toEqual(['index-extra', 'index-missing', 'unique-extra', 'unique-missing', 'unique-missing']);
      const skipped: string[] = [];
      const changes = await runActions(planned, dir, (action, reason) => skipped.push(`${action.description}: ${reason}`));
      expect(skipped).toEqual([]);
      for (const change of changes) writeFileSync(change.absolutePath, change.after);
      const after = [truth, await read()];
      const left = compare(after, { truth: 'database' }).filter((f) => RULES.includes(f.rule));
      expect(left.map((f) => `${f.rule} ${f.column}`)).toEqual([]);
      expect(after[1]!.diagnostics).toEqual([]);
    });
  }
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

  it('refuses to remove a Drizzle unique or index over several columns written with more than plain columns', () => {
    const source = [
      'import { index, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";',
      'import { sql } from "drizzle-orm";',
      'export const u = pgTable("u", { a: text("a"), b: text("b"), c: text("c") }, (t) => [',
      '  uniqueIndex("u_a_b_key").on(t.a.desc(), t.b),',
      '  index("u_a_b_live").on(t.a, t.b).where(sql`${t.c} is not null`),',
      '  index("u_a_b_c_idx").on(t.a, t.b, t.c),',
      ']);',
      '',
    ].join('\n');
    expect(refusal(() => drizzleUnique(ts(source), tsApi(), { table: 'u', columns: 'b,a', unique: 'false' }))).toEqual([
      'CannotApply',
      'u(b, a): uniqueIndex("u_a_b_key").on(t.a.desc(), t.b) is not a plain unique on these columns; remove it by hand',
    ]);
    expect(refusal(() => drizzleIndex(ts(source), tsApi(), { table: 'u', columns: 'a,b', index: 'false' }))).toEqual([
      'CannotApply',
      'u(a, b): index("u_a_b_live").on(t.a, t.b).where(sql`${t.c} is not null`) is not a plain index on these columns; remove it by hand',
    ]);
    // An index over more columns, or the same ones in another order, is another index: nothing to remove.
    expect(drizzleIndex(ts(source), tsApi(), { table: 'u', columns: 'b,c', index: 'false' })).toBe(source);
  });

  it('refuses a Drizzle multi-column object over a column it cannot name, and NULLS NOT DISTINCT', () => {
    const source = 'import { pgTable, text } from "drizzle-orm/pg-core";\nexport const u = pgTable("u", { a: text("a"), "b-c": text("b") });\n';
    expect(refusal(() => drizzleUnique(ts(source), tsApi(), { table: 'u', columns: 'a,z', unique: 'true' }))).toEqual(['CannotApply', 'table u has no column z']);
    expect(refusal(() => drizzleIndex(ts(source), tsApi(), { table: 'u', columns: 'a,b', index: 'true', name: 'u_a_b_idx' }))).toEqual([
      'CannotApply',
      'u.b: its key b-c cannot follow `t.`; add the index by hand',
    ]);
    const plain = source.replace('"b-c"', 'b');
    expect(refusal(() => drizzleUnique(ts(plain), tsApi(), { table: 'u', columns: 'a,b', unique: 'true', nullsNotDistinct: 'true' }))).toEqual([
      'CannotApply',
      'u(a, b): NULLS NOT DISTINCT is not written; add the constraint by hand',
    ]);
  });

  it('refuses Python multi-column objects it cannot write or remove exactly', () => {
    const source = [
      'from sqlalchemy import Index, UniqueConstraint, text',
      'from sqlmodel import Field, SQLModel',
      '',
      '',
      'class Event(SQLModel, table=True):',
      '    __tablename__ = "events"',
      '    __table_args__ = (',
      '        Index("events_team_kind_live", "team_id", "kind", postgresql_where=text("kind IS NOT NULL")),',
      '        UniqueConstraint("team_id", "kind", postgresql_nulls_not_distinct=True),',
      '    )',
      '',
      '    id: int | None = Field(default=None, primary_key=True)',
      '    team_id: int',
      '    kind: str = Field(sa_column_kwargs={"name": "kind"})',
      '    label: str = Field(sa_column=Column("title", String))',
      '',
    ].join('\n');
    expect(refusal(() => sqlmodelIndex(py(source), { python }, { table: 'events', columns: 'team_id,kind', index: false }))).toEqual([
      'CannotApply',
      'events(team_id, kind): Index("events_team_kind_live", "team_id", "kind", postgresql_where=text("kind IS NOT NULL")) is not a plain index on these columns; remove it by hand',
    ]);
    expect(refusal(() => sqlmodelUnique(py(source), { python }, { table: 'events', columns: 'kind,team_id', unique: false }))).toEqual([
      'CannotApply',
      'events(kind, team_id): UniqueConstraint("team_id", "kind", postgresql_nulls_not_distinct=True) is not a plain unique on these columns; remove it by hand',
    ]);
    // `label` is the column "title": a string "label" would name no column.
    expect(refusal(() => sqlmodelIndex(py(source), { python }, { table: 'events', columns: 'team_id,label', index: true, name: 'ix' }))).toEqual([
      'CannotApply',
      'Event has no column label under that name; name the columns by hand',
    ]);
    const mixin = [
      'from sqlalchemy import Index',
      'from sqlmodel import Field, SQLModel',
      '',
      '',
      'class Audited(SQLModel):',
      '    __table_args__ = {"schema": "audit"}',
      '',
      '',
      'class Event(Audited, table=True):',
      '    __tablename__ = "events"',
      '',
      '    id: int | None = Field(default=None, primary_key=True)',
      '    team_id: int',
      '    kind: str',
      '',
    ].join('\n');
    expect(refusal(() => sqlmodelIndex(py(mixin), { python }, { table: 'events', columns: 'team_id,kind', index: true, name: 'ix' }))).toEqual([
      'CannotApply',
      'Event inherits __table_args__ from Audited; edit it by hand',
    ]);
    const computed = source.replace(/ {4}__table_args__ = \([^]*?\n {4}\)\n/, '    __table_args__ = ARGS\n');
    expect(refusal(() => sqlmodelUnique(py(computed), { python }, { table: 'events', columns: 'team_id,kind', unique: true }))).toEqual([
      'CannotApply',
      'Event: __table_args__ is not a tuple or a dict; edit it by hand',
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
