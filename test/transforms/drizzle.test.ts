import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import jscodeshift, { type API, type FileInfo, type Options } from 'jscodeshift';
import { ts } from 'ts-morph';
import { describe, expect, it, onTestFinished } from 'vitest';
import { normalizeDefault } from '../../src/compare/normalize/sql-default.ts';
import { normalizeType } from '../../src/compare/normalize/sql-type.ts';
import { indexObjects } from '../../src/compare/rules/indexes.ts';
import { uniqueObjects } from '../../src/compare/rules/uniques.ts';
import type { Table } from '../../src/model/schema.ts';
import { readDrizzle } from '../../src/sources/drizzle/index.ts';
import columnAdd from '../../transforms/drizzle-column-add.ts';
import columnDefault from '../../transforms/drizzle-column-default.ts';
import columnRemove from '../../transforms/drizzle-column-remove.ts';
import columnNullable from '../../transforms/drizzle-column-nullable.ts';
import columnType from '../../transforms/drizzle-column-type.ts';
import fkOnDelete from '../../transforms/drizzle-fk-on-delete.ts';
import fkOnUpdate from '../../transforms/drizzle-fk-on-update.ts';
import fkTarget from '../../transforms/drizzle-fk-target.ts';
import indexTransform from '../../transforms/drizzle-index.ts';
import primaryKey from '../../transforms/drizzle-primary-key.ts';
import tableAdd from '../../transforms/drizzle-table-add.ts';
import tableRemove from '../../transforms/drizzle-table-remove.ts';
import uniqueTransform from '../../transforms/drizzle-unique.ts';
import { askedKeys } from '../helpers/keyed.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
type Transform = (file: FileInfo, api: API, options: Options) => string;

const api = (): API => {
  const j = jscodeshift.withParser('ts');
  return { jscodeshift: j, j, stats: () => undefined, report: () => undefined } as API;
};

function run(transform: Transform, source: string, options: Options, file = 'schema.ts'): string {
  return transform({ path: file, source }, api(), options);
}

/** How a transform refuses `source`: the error's [name, message]; undefined when it applies. */
function refusalOf(transform: Transform, source: string, options: Options): [string, string] | undefined {
  try {
    run(transform, source, options);
  } catch (e) {
    return [(e as Error).name, (e as Error).message];
  }
  return undefined;
}

interface Case {
  name: string;
  input: string;
  output: string;
  options: Options;
}

function cases(transform: string): Case[] {
  const dir = path.join(root, '__testfixtures__', transform);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.input.ts'))
    .sort()
    .map((f) => {
      const name = f.slice(0, -'.input.ts'.length);
      const read = (suffix: string) => readFileSync(path.join(dir, `${name}${suffix}`), 'utf8');
      return { name, input: read('.input.ts'), output: read('.output.ts'), options: JSON.parse(read('.options.json')) };
    });
}

function syntaxErrors(text: string): string[] {
  const sf = ts.createSourceFile('out.ts', text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const diags = (sf as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics;
  return diags.map((d) => ts.flattenDiagnosticMessageText(d.messageText, ' '));
}

/** The same file as a Windows editor with tab indentation and a BOM would save it. */
function crlfTabsBom(text: string): string {
  const lines = text.split('\n').map((line) => line.replace(/^(?: {2})+/, (m) => '\t'.repeat(m.length / 2)));
  return `\uFEFF${lines.join('\r\n')}`;
}

const transforms: [string, Transform][] = [
  ['drizzle-fk-target', fkTarget],
  ['drizzle-fk-on-delete', fkOnDelete],
  ['drizzle-fk-on-update', fkOnUpdate],
  ['drizzle-column-nullable', columnNullable],
  ['drizzle-column-default', columnDefault],
  ['drizzle-column-remove', columnRemove],
  ['drizzle-column-add', columnAdd],
  ['drizzle-unique', uniqueTransform],
  ['drizzle-index', indexTransform],
  ['drizzle-primary-key', primaryKey],
  ['drizzle-column-type', columnType],
  ['drizzle-table-add', tableAdd],
  ['drizzle-table-remove', tableRemove],
];

for (const [name, transform] of transforms) {
  describe(`${name} fixtures`, () => {
    const all = cases(name);

    it('has at least six cases', () => {
      expect(all.length).toBeGreaterThanOrEqual(6);
    });

    for (const c of all) {
      describe(c.name, () => {
        it('produces the expected output byte for byte', () => {
          expect(run(transform, c.input, c.options)).toBe(c.output);
        });

        it('leaves a file that still parses', () => {
          expect(syntaxErrors(c.output)).toEqual([]);
          expect(() => api().jscodeshift(c.output)).not.toThrow();
        });

        it('changes nothing when run again', () => {
          expect(run(transform, c.output, c.options)).toBe(c.output);
        });

        it('keeps CRLF line endings, tab indentation and a BOM intact', () => {
          expect(run(transform, crlfTabsBom(c.input), c.options)).toBe(crlfTabsBom(c.output));
        });
      });
    }
  });
}

describe('drizzle-fk-target', () => {
  const seed = cases('drizzle-fk-target').find((c) => c.name === 'seed-credit-transactions')!;

  it('replaces only the arrow body of the references call', () => {
    const out = run(fkTarget, seed.input, seed.options);
    const changed = out.split('\n').filter((line, i) => line !== seed.input.split('\n')[i]);
    expect(changed).toEqual(['    .references(() => userCredits.userId, { onDelete: "cascade" }),']);
  });

  it('adds an import line at the top of a file that has none', () => {
    const input = 'export const invites = pgTable("invites", {\n  userId: text("user_id").references(() => users.id),\n});\n';
    const out = run(fkTarget, input, {
      table: 'invites',
      column: 'user_id',
      target: 'user_credits.user_id',
      targetBinding: 'userCredits.userId',
      importFrom: './credits',
    });
    expect(out).toBe(
      'import { userCredits } from "./credits";\n\nexport const invites = pgTable("invites", {\n  userId: text("user_id").references(() => userCredits.userId),\n});\n',
    );
  });

  it('extends a default-only import', () => {
    const input = 'import schema from "./credits";\nexport const t = pgTable("t", { u: text("u").references(() => users.id) });\n';
    const out = run(fkTarget, input, { table: 't', column: 'u', target: 'user_credits.user_id', targetBinding: 'userCredits.userId', importFrom: './credits' });
    expect(out).toBe('import schema, { userCredits } from "./credits";\nexport const t = pgTable("t", { u: text("u").references(() => userCredits.userId) });\n');
  });

  it('does not add to a type-only import', () => {
    const input = 'import type { UserCredit } from "./credits";\nexport const t = pgTable("t", { u: text("u").references(() => users.id) });\n';
    const out = run(fkTarget, input, { table: 't', column: 'u', target: 'user_credits.user_id', targetBinding: 'userCredits.userId', importFrom: './credits' });
    expect(out.split('\n').slice(0, 2)).toEqual(['import type { UserCredit } from "./credits";', 'import { userCredits } from "./credits";']);
  });

  it('throws when the target is not in scope and no importFrom is given', () => {
    expect(() =>
      run(fkTarget, seed.input, { table: 'credit_transactions', column: 'user_id', target: 'ledger.id', targetBinding: 'ledger.id' }),
    ).toThrow('ledger is neither declared nor imported in this file; pass --importFrom to import it');
  });

  it('throws when the target cannot be found from SQL names', () => {
    expect(() => run(fkTarget, seed.input, { table: 'credit_transactions', column: 'user_id', target: 'ledger.id' })).toThrow(
      'cannot find ledger.id declared in this file; pass --targetBinding',
    );
  });

  it('throws naming the table and column it cannot find', () => {
    const opts = { target: 'user_credits.user_id' };
    expect(() => run(fkTarget, seed.input, { ...opts, table: 'nope', column: 'user_id' })).toThrow('no pgTable("nope") in this file');
    expect(() => run(fkTarget, seed.input, { ...opts, table: 'credit_transactions', column: 'nope' })).toThrow(
      'table credit_transactions has no column nope',
    );
    expect(() => run(fkTarget, seed.input, { ...opts, table: 'credit_transactions', column: 'amount' })).toThrow(
      'credit_transactions.amount has no .references(...) or foreignKey(...)',
    );
    expect(() => run(fkTarget, seed.input, { table: 'credit_transactions', column: 'user_id' })).toThrow(
      'option --target is required',
    );
  });
});

describe('drizzle-fk-on-delete', () => {
  const seed = cases('drizzle-fk-on-delete').find((c) => c.name === 'seed-credit-transactions')!;

  it('leaves the file alone when the action is already what is asked', () => {
    const opts = { table: 'credit_transactions', column: 'user_id' };
    expect(run(fkOnDelete, seed.input, { ...opts, onDelete: 'CASCADE' })).toBe(seed.input);
    expect(run(fkOnDelete, seed.input, { ...opts, column: 'team_id', onDelete: 'NO ACTION' })).toBe(seed.input);
  });

  it("accepts Drizzle's spelling of the action", () => {
    const out = run(fkOnDelete, seed.input, { table: 'teams', column: 'owner_id', onDelete: 'set null' });
    expect(out).toContain('ownerId: text("owner_id").references(() => users.id, { onDelete: "set null" }),');
  });

  it('throws on an unknown action and on a missing foreign key', () => {
    expect(() => run(fkOnDelete, seed.input, { table: 'teams', column: 'owner_id', onDelete: 'DROP' })).toThrow(
      '--onDelete must be one of NO ACTION, RESTRICT, CASCADE, SET NULL, SET DEFAULT',
    );
    expect(() => run(fkOnDelete, seed.input, { table: 'teams', column: 'name', onDelete: 'CASCADE' })).toThrow(
      'teams.name has no .references(...) or foreignKey(...)',
    );
  });

  it('refuses options it cannot edit in place', () => {
    const input = 'const opts = { onDelete: "cascade" };\nexport const t = pgTable("t", { u: text("u").references(() => users.id, opts) });\n';
    expect(() => run(fkOnDelete, input, { table: 't', column: 'u', onDelete: 'NO ACTION' })).toThrow(
      'the second argument of references(...) for t.u is not an object literal',
    );
  });
});

describe('jscodeshift CLI', () => {
  const cli = path.join(root, 'node_modules/jscodeshift/bin/jscodeshift.js');

  function runCli(transform: string, fixture: Case, extraArgs: string[] = []): { file: string; stdout: string } {
    const dir = mkdtempSync(path.join(tmpdir(), 'schemadrift-jscodeshift-'));
    const file = path.join(dir, 'schema.ts');
    copyFileSync(path.join(root, '__testfixtures__', transform, `${fixture.name}.input.ts`), file);
    const optionArgs = Object.entries(fixture.options).map(([k, v]) => `--${k}=${String(v)}`);
    const stdout = execFileSync(
      process.execPath,
      [cli, '-t', path.join(root, 'transforms', `${transform}.ts`), '--parser=ts', ...optionArgs, ...extraArgs, file],
      { cwd: root, encoding: 'utf8' },
    );
    return { file, stdout };
  }

  // Each case also pins the option spelling the CLI must carry through unchanged (jscodeshift parses
  // `--x=false` as a boolean and `--x=0` as a number; values with spaces and parentheses stay one value).
  const CLI_CASES: { transform: string; fixture: string; why: string; option?: [string, unknown]; args?: string[] }[] = [
    { transform: 'drizzle-fk-target', fixture: 'import-extended-single-quotes', why: 'and writes the expected file' },
    { transform: 'drizzle-column-nullable', fixture: 'add-multiline-chain', why: 'with a boolean option as the CLI parses it' },
    { transform: 'drizzle-column-default', fixture: 'add-after-not-null', why: 'with a numeric default as the CLI parses it' },
    { transform: 'drizzle-column-add', fixture: 'seed-last-used-at', why: 'with a type containing spaces', option: ['type', 'timestamp with time zone'] },
    { transform: 'drizzle-column-type', fixture: 'varchar-length', why: 'with a type containing spaces and parentheses', option: ['type', 'character varying(128)'] },
    { transform: 'drizzle-fk-on-delete', fixture: 'seed-credit-transactions', why: 'in band with an option value containing a space', option: ['onDelete', 'NO ACTION'], args: ['--run-in-band'] },
    { transform: 'drizzle-table-remove', fixture: 'jsdoc-imports-left-unused', why: 'which parses its own result again to drop the imports it left unused' },
    { transform: 'drizzle-unique', fixture: 'columns-add-to-array', why: 'with a comma-separated list of columns as one value', option: ['columns', 'team_id,user_id'] },
    { transform: 'drizzle-index', fixture: 'columns-remove-drops-config-and-import', why: 'removing an index over several columns', option: ['columns', 'team_id,created_at'] },
  ];

  for (const c of CLI_CASES) {
    it(`runs ${c.transform} ${c.why}`, () => {
      const fixture = cases(c.transform).find((f) => f.name === c.fixture)!;
      if (c.option) expect(fixture.options[c.option[0]]).toBe(c.option[1]);
      const { file, stdout } = runCli(c.transform, fixture, c.args);
      expect(stdout).toMatch(/1 ok/);
      expect(readFileSync(file, 'utf8')).toBe(fixture.output);
    }, 30_000);
  }
});

describe('drizzle-column-nullable', () => {
  const input = [
    'import { pgTable, serial, text, integer } from "drizzle-orm/pg-core";',
    '',
    'export const t = pgTable("t", {',
    '  id: text("id").primaryKey(),',
    '  n: serial("n"),',
    '  k: integer("k").generatedAlwaysAsIdentity(),',
    '  name: text("name").notNull(),',
    '});',
    '',
  ].join('\n');

  it('refuses to make a primary key, serial or identity column nullable', () => {
    expect(() => run(columnNullable, input, { table: 't', column: 'id', nullable: 'true' })).toThrow(
      't.id is NOT NULL because of primaryKey(); it cannot be made nullable here',
    );
    expect(() => run(columnNullable, input, { table: 't', column: 'n', nullable: 'true' })).toThrow('because of serial()');
    expect(() => run(columnNullable, input, { table: 't', column: 'k', nullable: 'true' })).toThrow(
      'because of generatedAlwaysAsIdentity()',
    );
  });

  it('adds nothing to a column that is NOT NULL already, by .notNull() or by construction', () => {
    for (const column of ['id', 'n', 'k', 'name']) {
      expect(run(columnNullable, input, { table: 't', column, nullable: 'false' })).toBe(input);
    }
  });

  it('accepts booleans as the CLI passes them, and refuses anything else', () => {
    expect(run(columnNullable, input, { table: 't', column: 'name', nullable: true })).toBe(input.replace('text("name").notNull()', 'text("name")'));
    expect(() => run(columnNullable, input, { table: 't', column: 'name', nullable: 'yes' })).toThrow(
      'drizzle-column-nullable: option --nullable must be true or false; got "yes"',
    );
    expect(() => run(columnNullable, input, { table: 't', column: 'nope', nullable: 'true' })).toThrow('table t has no column nope');
  });
});

describe('drizzle-fk-on-update', () => {
  it('leaves ON DELETE alone and writes the action in Drizzle spelling', () => {
    const input = 'export const t = pgTable("t", { u: text("u").references(() => users.id, { onDelete: "cascade" }) });\n';
    expect(run(fkOnUpdate, input, { table: 't', column: 'u', onUpdate: 'SET NULL' })).toBe(
      'export const t = pgTable("t", { u: text("u").references(() => users.id, { onDelete: "cascade", onUpdate: "set null" }) });\n',
    );
    expect(run(fkOnUpdate, input, { table: 't', column: 'u', onUpdate: 'NO ACTION' })).toBe(input);
  });
});

describe('drizzle-column-default', () => {
  it('writes defaults the Drizzle reader reads back as the asked default', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'schemadrift-default-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const asked = cases('drizzle-column-default').filter((c) => c.options.default !== undefined);
    for (const c of asked) writeFileSync(path.join(dir, `${c.name}.ts`), c.output);
    const model = await readDrizzle({ name: 'drizzle', files: asked.map((c) => `${c.name}.ts`), cwd: dir });
    for (const c of asked) {
      const table = model.tables.find((t) => t.name === c.options.table && t.loc?.file === `${c.name}.ts`)!;
      const column = table.columns.find((col) => col.name === c.options.column)!;
      expect([c.name, normalizeDefault(column.default)]).toEqual([c.name, normalizeDefault(String(c.options.default))]);
    }
    expect(model.diagnostics.filter((d) => /default/.test(d.message))).toEqual([]);
  });

  const input = [
    'import { bigint, pgTable, serial, text } from "drizzle-orm/pg-core";',
    'import { sql } from "./not-drizzle";',
    '',
    'export const t = pgTable("t", {',
    '  id: serial("id").primaryKey(),',
    '  n: bigint("n", { mode: "number" }),',
    '  s: text("s").default("x"),',
    '});',
    '',
  ].join('\n');

  it('refuses, as cannot-apply, what it must not or cannot write here', () => {
    const refusal = (options: Options) => refusalOf(columnDefault, input, options);
    expect(refusal({ table: 'users', column: 'id', default: '0' })).toEqual(['CannotApply', 'no pgTable("users") in this file']);
    expect(refusal({ table: 't', column: 'created_at', default: 'now()' })).toEqual([
      'CannotApply',
      'table t has no column created_at written in its pgTable(…) here',
    ]);
    expect(refusal({ table: 't', column: 'id', default: '1' })).toEqual(['CannotApply', 't.id is a serial; its default is its sequence']);
    expect(refusal({ table: 't', column: 'n', default: '0' })).toEqual([
      'CannotApply',
      "t.n: `sql` here is not drizzle-orm's sql tag; write the default by hand",
    ]);
  });

  it('needs exactly one of default and remove', () => {
    expect(() => run(columnDefault, input, { table: 't', column: 's' })).toThrow('give either --default=<sql> or --remove=true');
    expect(() => run(columnDefault, input, { table: 't', column: 's', default: '0', remove: true })).toThrow('give either');
    expect(() => run(columnDefault, input, { table: 't', column: 's', default: 'NULL' })).toThrow('"NULL" is no default; remove the default instead');
  });

  it('removes a default but never an application-side $defaultFn, and leaves a column without one alone', () => {
    expect(run(columnDefault, input, { table: 't', column: 's', remove: 'true' })).toBe(input.replace('text("s").default("x")', 'text("s")'));
    expect(run(columnDefault, input, { table: 't', column: 'n', remove: 'true' })).toBe(input);
  });
});

describe('drizzle-column-add', () => {
  it('writes columns the Drizzle reader reads back as exactly the asked column', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'schemadrift-add-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const all = cases('drizzle-column-add');
    for (const c of all) writeFileSync(path.join(dir, `${c.name}.ts`), c.output);
    const model = await readDrizzle({ name: 'drizzle', files: all.map((c) => `${c.name}.ts`), cwd: dir });
    for (const c of all) {
      const table = model.tables.find((t) => t.name === c.options.table && t.loc?.file === `${c.name}.ts`)!;
      const names = table.columns.map((col) => col.name);
      const column = table.columns.find((col) => col.name === c.options.column)!;
      expect([c.name, column.type.sql, column.nullable, normalizeDefault(column.default)]).toEqual([
        c.name,
        c.options.type,
        c.options.nullable === 'true',
        c.options.default === undefined ? undefined : normalizeDefault(String(c.options.default)),
      ]);
      // Placed right after the column it follows in the truth, or first.
      expect([c.name, names.indexOf(String(c.options.column))]).toEqual([c.name, c.options.after ? names.indexOf(String(c.options.after)) + 1 : 0]);
    }
    expect(model.diagnostics).toEqual([]);
  });

  const input = [
    'import { pgTable, text } from "drizzle-orm/pg-core";',
    'import { statusEnum } from "./enums";',
    'const varchar = (n: string) => text(n);',
    '',
    'export const t = pgTable("t", {',
    '  id: text("id").primaryKey(),',
    '  ...timestamps,',
    '});',
    'export const u = pgTable("u", {',
    '  id: text("id").primaryKey(),',
    '});',
    '',
  ].join('\n');
  const refusal = (options: Options) => refusalOf(columnAdd, input, { nullable: 'true', ...options });

  it('refuses, as cannot-apply, what it cannot write here', () => {
    expect(refusal({ table: 'x', column: 'a', type: 'text' })).toEqual(['CannotApply', 'no pgTable("x") in this file']);
    expect(refusal({ table: 't', column: 'a', type: 'text' })).toEqual([
      'CannotApply',
      'the columns of pgTable("t") spread in other objects; add a by hand',
    ]);
    expect(refusal({ table: 'u', column: 'a', after: 'b', type: 'text' })).toEqual([
      'CannotApply',
      'table u has no column b written in its pgTable(…) here to add a after',
    ]);
    expect(refusal({ table: 'u', column: 'a', type: 'status' })).toEqual([
      'CannotApply',
      'u.a: status is no built-in type and no pgEnum for it is declared or imported here; add the column by hand',
    ]);
    expect(refusal({ table: 'u', column: 'a', type: 'character varying(8)' })).toEqual([
      'CannotApply',
      'u.a: `varchar` here is not pg-core\'s builder; add the column by hand',
    ]);
    expect(refusal({ table: 'u', column: 'a', type: 'integer[][]' })).toEqual(['CannotApply', 'integer[][] has more than one dimension; declare it by hand']);
  });

  it('uses an imported pgEnum the plan names', () => {
    expect(run(columnAdd, input, { table: 'u', column: 'status', type: 'status', nullable: 'false', enum: 'statusEnum' })).toBe(
      input.replace('  id: text("id").primaryKey(),\n});\n', '  status: statusEnum("status").notNull(),\n  id: text("id").primaryKey(),\n});\n'),
    );
  });
});

describe('drizzle-table-add', () => {
  interface ColumnOption { name: string; type: string; nullable: boolean; default?: string; primaryKey?: boolean }
  interface ForeignKeyOption { column: string; references: string; onDelete?: string; onUpdate?: string }
  /** The uniqueness and index facts the options ask for, as the table a truth would hold them in. */
  const askedTable = (options: Options): Table => askedKeys(String(options.table), options.uniques, options.indexes);
  /**
   * What the comparison sees of a table's uniqueness and indexes (uniqueObjects, indexObjects), and how each is
   * declared and named; an unnamed UNIQUE constraint has the name Drizzle gives it, `<table>_<columns>_unique`.
   */
  const keyFacts = (t: Table) => ({
    uniques: uniqueObjects(t).map((o) => `${o.key} ${o.value}`).sort(),
    indexes: (indexObjects(t) ?? []).map((o) => `${o.key} ${o.detail ?? o.value}`).sort(),
    declared: [
      ...t.uniques.map((u) => `constraint ${u.columns.join()} ${u.name ?? `${t.name}_${u.columns.join('_')}_unique`}`),
      ...t.indexes.map((i) => `${i.unique ? 'unique index' : 'index'} ${i.columns.join()} ${i.name}`),
    ].sort(),
  });

  it('writes tables the Drizzle reader reads back as exactly the asked table', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'schemadrift-table-add-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const all = cases('drizzle-table-add').filter((c) => c.input !== c.output);
    expect(all.length).toBeGreaterThanOrEqual(5);
    for (const c of all) writeFileSync(path.join(dir, `${c.name}.ts`), c.output);
    const model = await readDrizzle({ name: 'drizzle', files: all.map((c) => `${c.name}.ts`), cwd: dir });
    for (const c of all) {
      const file = `${c.name}.ts`;
      const table = model.tables.find((t) => t.name === c.options.table && t.loc?.file === file)!;
      const want = JSON.parse(String(c.options.columns)) as ColumnOption[];
      const fks = JSON.parse(String(c.options.foreignKeys ?? '[]')) as ForeignKeyOption[];
      expect([c.name, table.binding]).toEqual([c.name, c.options.variable]);
      expect([c.name, table.columns.map((col) => [col.name, col.type.sql, col.nullable, normalizeDefault(col.default)])]).toEqual([
        c.name,
        want.map((col) => [col.name, col.type, col.nullable, normalizeDefault(col.default)]),
      ]);
      expect([c.name, table.primaryKey?.columns]).toEqual([c.name, want.filter((col) => col.primaryKey).map((col) => col.name)]);
      const targetOf = (references: string) => {
        const [variable, key] = references.split('.');
        const target = model.tables.find((t) => t.binding === variable && t.loc?.file === file)!;
        return { schema: 'public', table: target.name, columns: [target.columns.find((col) => col.binding === key)!.name] };
      };
      expect([c.name, table.foreignKeys.map((fk) => ({ columns: fk.columns, target: fk.target, onDelete: fk.onDelete, onUpdate: fk.onUpdate }))]).toEqual([
        c.name,
        fks.map((fk) => ({
          columns: [fk.column],
          target: targetOf(fk.references),
          onDelete: fk.onDelete ?? 'NO ACTION',
          onUpdate: fk.onUpdate ?? 'NO ACTION',
        })),
      ]);
      expect([c.name, keyFacts(table)]).toEqual([c.name, keyFacts(askedTable(c.options))]);
    }
    expect(model.diagnostics).toEqual([]);
  });

  const input = [
    'import { pgTable, text } from "drizzle-orm/pg-core";',
    'import { statusEnum } from "./enums";',
    'const varchar = (n: string) => text(n);',
    '',
    'export const users = pgTable("users", {',
    '  id: text("id").primaryKey(),',
    '});',
    '',
  ].join('\n');
  const columns = (...cols: object[]) => JSON.stringify([{ name: 'id', type: 'text', nullable: false, primaryKey: true }, ...cols]);
  const refusal = (options: Options) => refusalOf(tableAdd, input, { table: 'posts', variable: 'posts', ...options });

  it('refuses, as cannot-apply, what it cannot write here', () => {
    expect(refusal({ columns: columns({ name: 'box', type: 'box', nullable: true }) })).toEqual([
      'CannotApply',
      'posts.box: box is no built-in type and no pgEnum for it is declared or imported here; add the table by hand',
    ]);
    expect(refusal({ columns: columns({ name: 'slug', type: 'character varying(8)', nullable: true }) })).toEqual([
      'CannotApply',
      'posts.slug: `varchar` here is not pg-core\'s varchar; add the table by hand',
    ]);
    expect(
      refusal({
        columns: columns({ name: 'team_id', type: 'text', nullable: true }),
        foreignKeys: JSON.stringify([{ column: 'team_id', references: 'teams.id' }]),
      }),
    ).toEqual(['CannotApply', 'posts.team_id references teams, which is not declared or imported in this file; add the table by hand']);
    expect(refusal({ variable: 'users', columns: columns() })).toEqual(['CannotApply', '`users` is already declared in this file; add posts by hand']);
    expect(refusal({ columns: columns({ name: 'n', type: 'integer', nullable: false, primaryKey: true }) })).toEqual([
      'CannotApply',
      'posts has a primary key over several columns; add the table by hand',
    ]);
  });

  it('refuses, as cannot-apply, a unique or index over a column whose key cannot follow `t.`', () => {
    expect(refusal({ columns: columns({ name: '1st', type: 'text', nullable: true }), uniques: JSON.stringify([{ columns: ['id', '1st'] }]) })).toEqual([
      'CannotApply',
      'posts(id, 1st): the key 1st cannot follow `t.`; add the table by hand',
    ]);
    expect(refusal({ columns: columns(), indexes: JSON.stringify([{ columns: ['nope'], name: 'posts_nope_idx' }]) })).toEqual([
      'Error',
      'drizzle-table-add: a unique or index on nope, which --columns does not list',
    ]);
  });

  it('writes a table without uniques or indexes as before, and one with only a column unique without a config', () => {
    const plain = run(tableAdd, input, { table: 'posts', variable: 'posts', columns: columns({ name: 'slug', type: 'text', nullable: false }) });
    expect(run(tableAdd, input, { table: 'posts', variable: 'posts', columns: columns({ name: 'slug', type: 'text', nullable: false }), uniques: '[]', indexes: '[]' })).toBe(plain);
    expect(
      run(tableAdd, input, {
        table: 'posts',
        variable: 'posts',
        columns: columns({ name: 'slug', type: 'text', nullable: false }),
        uniques: JSON.stringify([{ columns: ['slug'], name: 'posts_slug_unique' }]),
      }),
    ).toBe(plain.replace('slug: text("slug").notNull(),', 'slug: text("slug").notNull().unique(),'));
  });

  it('uses an imported pgEnum the plan names, and starts a file that has no table', () => {
    expect(run(tableAdd, input, { table: 'posts', variable: 'posts', columns: columns({ name: 'status', type: 'status', nullable: false, enum: 'statusEnum' }) })).toBe(
      `${input}\nexport const posts = pgTable("posts", {\n  id: text("id").primaryKey(),\n  status: statusEnum("status").notNull(),\n});\n`,
    );
    expect(run(tableAdd, '', { table: 'posts', variable: 'posts', columns: columns() })).toBe(
      'import { pgTable, text } from "drizzle-orm/pg-core";\n\nexport const posts = pgTable("posts", {\n  id: text("id").primaryKey(),\n});\n',
    );
  });
});

describe('drizzle-fk-target in foreignKey({...}) builders', () => {
  const builders = cases('drizzle-fk-target').filter((c) => c.name.startsWith('foreign-key-config'));

  it('writes keys the Drizzle reader reads back as pointing at the target', async () => {
    expect(builders.length).toBeGreaterThanOrEqual(5);
    const dir = mkdtempSync(path.join(tmpdir(), 'schemadrift-fk-builder-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    // The module the cases import their new target from.
    writeFileSync(
      path.join(dir, 'credits.ts'),
      'import { pgTable, text } from "drizzle-orm/pg-core";\nexport const userCredits = pgTable("user_credits", { userId: text("user_id").primaryKey() });\n',
    );
    for (const c of builders) {
      const file = `${c.name}.ts`;
      writeFileSync(path.join(dir, file), c.output);
      const files = c.options.importFrom === './credits' ? [file, 'credits.ts'] : [file];
      const model = await readDrizzle({ name: 'drizzle', files, cwd: dir });
      const fks = model.tables.find((t) => t.name === c.options.table)!.foreignKeys.filter((fk) => fk.columns.join() === c.options.column);
      const [table, column] = String(c.options.target).split('.');
      expect([c.name, fks.map((fk) => fk.target)]).toEqual([c.name, [{ schema: 'public', table, columns: [column] }]]);
      expect(model.diagnostics.filter((d) => /foreign|references/i.test(d.message))).toEqual([]);
    }
  });

  it('refuses, as cannot-apply, a target column reached only with brackets, which the reader would drop', () => {
    const input = [
      'import { foreignKey, pgTable, text } from "drizzle-orm/pg-core";',
      '',
      'export const members = pgTable("members", { "user-id": text("user_id").primaryKey() });',
      'export const users = pgTable("users", { id: text("id").primaryKey() });',
      'export const teams = pgTable("teams", { ownerId: text("owner_id") }, (t) => [',
      '  foreignKey({ columns: [t.ownerId], foreignColumns: [users.id] }),',
      ']);',
      '',
    ].join('\n');
    let refusal: string[] | undefined;
    try {
      run(fkTarget, input, { table: 'teams', column: 'owner_id', target: 'members.user_id' });
    } catch (e) {
      refusal = [(e as Error).name, (e as Error).message];
    }
    expect(refusal).toEqual(['CannotApply', 'members["user-id"] in foreignColumns would not be read back; rename the column\'s key or edit it by hand']);
  });
});

describe('drizzle-column-remove', () => {
  const schema = [
    'import { index, pgTable, serial, text } from "drizzle-orm/pg-core";',
    '',
    'export const users = pgTable("users", {',
    '  id: serial("id").primaryKey(),',
    '  legacyCode: text("legacy_code"),',
    '}, (t) => [index("users_legacy_idx").on(t.legacyCode)]);',
    '',
  ].join('\n');

  it('refuses, naming the line, while the file still uses the column', () => {
    expect(() => run(columnRemove, schema, { table: 'users', column: 'legacy_code' })).toThrow(
      expect.objectContaining({ name: 'CannotApply', message: 'users.legacy_code is still used in this file (t.legacyCode, line 6); remove that first' }),
    );
  });

  it('refuses to remove the only column of a table', () => {
    const only = 'import { pgTable, serial } from "drizzle-orm/pg-core";\n\nexport const t = pgTable("t", { id: serial("id") });\n';
    expect(() => run(columnRemove, only, { table: 't', column: 'id' })).toThrow(expect.objectContaining({ name: 'CannotApply' }));
  });

  it('leaves a table the Drizzle reader reads without the column', async () => {
    const c = cases('drizzle-column-remove').find((x) => x.name === 'multiline-chain-with-comment')!;
    const dir = mkdtempSync(path.join(tmpdir(), 'schemadrift-remove-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(path.join(dir, 'schema.ts'), c.output);
    const model = await readDrizzle({ name: 'drizzle', cwd: dir, files: [path.join(dir, 'schema.ts')] });
    expect(model.diagnostics).toEqual([]);
    expect(model.tables[0]!.columns.map((col) => col.name)).toEqual(['id', 'quantity']);
  });
});

describe('drizzle-column-type', () => {
  it('writes types the Drizzle reader reads back as exactly the asked type, with nothing it could not read', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'schemadrift-type-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    // The tables some cases reference.
    writeFileSync(path.join(dir, 'teams.ts'), 'import { integer, pgTable } from "drizzle-orm/pg-core";\nexport const teams = pgTable("teams", { id: integer("id").primaryKey() });\n');
    writeFileSync(path.join(dir, 'users.ts'), 'import { pgTable, text } from "drizzle-orm/pg-core";\nexport const users = pgTable("users", { id: text("id").primaryKey() });\n');
    const all = cases('drizzle-column-type');
    for (const c of all) {
      writeFileSync(path.join(dir, `${c.name}.ts`), c.output);
      const model = await readDrizzle({ name: 'drizzle', files: [`${c.name}.ts`, 'teams.ts', 'users.ts'], cwd: dir });
      const table = model.tables.find((t) => t.name === c.options.table && t.loc?.file === `${c.name}.ts`)!;
      const column = table.columns.find((col) => col.name === c.options.column)!;
      expect([c.name, normalizeType(column.type.sql ?? '?')]).toEqual([c.name, normalizeType(String(c.options.type))]);
      expect([c.name, model.diagnostics]).toEqual([c.name, []]);
    }
  });

  const input = [
    'import { bigint, integer, pgTable, serial, text, timestamp, varchar } from "drizzle-orm/pg-core";',
    'import { custom } from "./types";',
    'const opts = { length: 10 };',
    '',
    'export const t = pgTable("t", {',
    '  id: serial("id").primaryKey(),',
    '  ...timestamps,',
    '  n: integer("n").default(0),',
    '  k: integer("k").generatedAlwaysAsIdentity(),',
    '  b: bigint("b", { mode: "bigint" }).default(sql`0`),',
    '  c: custom("c"),',
    '  o: varchar("o", opts),',
    '  e: text("e", { enum: ["a", "b"] }),',
    '  at: timestamp("at", { mode: "string" }),',
    '  tags: text("tags").array(),',
    '  s: text("s").$defaultFn(() => "x"),',
    '});',
    '',
  ].join('\n');
  const refusal = (options: Options) => refusalOf(columnType, input, options);

  it('refuses, as cannot-apply, what it cannot change here without leaving wrong code', () => {
    expect(refusal({ table: 'x', column: 'a', type: 'text' })).toEqual(['CannotApply', 'no pgTable("x") in this file']);
    expect(refusal({ table: 't', column: 'created_at', type: 'text' })).toEqual([
      'CannotApply',
      't.created_at is not written in pgTable("t") itself (a spread helper may declare it); change its type by hand',
    ]);
    expect(refusal({ table: 't', column: 'id', type: 'bigint' })).toEqual(['CannotApply', 't.id is a serial; its type comes with its sequence']);
    expect(refusal({ table: 't', column: 'n', type: 'numeric(10,2)' })).toEqual([
      'CannotApply',
      't.n: its .default(…) is written for integer(…) and may not fit numeric(10,2); change the type by hand',
    ]);
    expect(refusal({ table: 't', column: 'k', type: 'text' })).toEqual(['CannotApply', 't.k: .generatedAlwaysAsIdentity() needs an integer builder; change the type by hand']);
    expect(refusal({ table: 't', column: 'b', type: 'integer' })).toEqual([
      'CannotApply',
      't.b: its .default(…) is written for bigint(…) and may not fit integer; change the type by hand',
    ]);
    expect(refusal({ table: 't', column: 'c', type: 'text' })).toEqual(['CannotApply', 't.c: custom(…) is not a pg-core column builder; change its type by hand']);
    expect(refusal({ table: 't', column: 'o', type: 'character varying(20)' })).toEqual([
      'CannotApply',
      't.o: the arguments of varchar(…) are not a name and an object literal; change its type by hand',
    ]);
    expect(refusal({ table: 't', column: 'e', type: 'integer' })).toEqual([
      'CannotApply',
      't.e: the option enum of text(…) may not fit integer(…); change the type by hand',
    ]);
    expect(refusal({ table: 't', column: 'tags', type: 'text' })).toEqual(['CannotApply', 't.tags: a change to or from an array type is not made by this fix; change it by hand']);
    expect(refusal({ table: 't', column: 'e', type: 'mood' })).toEqual([
      'CannotApply',
      't.e: mood is no built-in type and no pgEnum for it is declared or imported here; change the type by hand',
    ]);
    expect(refusal({ table: 't', column: 's', type: 'uuid' })).toEqual([
      'CannotApply',
      't.s: its .$defaultFn(…) is written for text(…) and may not fit uuid; change the type by hand',
    ]);
  });

  it('keeps options the new builder takes and drops the mode one does not', () => {
    const changed = (column: string, type: string) => run(columnType, input, { table: 't', column, type }).split('\n').find((l) => l.startsWith(`  ${column}:`));
    expect(changed('e', 'character varying(8)')).toBe('  e: varchar("e", { enum: ["a", "b"], length: 8 }),');
    expect(changed('at', 'date')).toBe('  at: date("at", { mode: "string" }),');
    expect(changed('at', 'text')).toBe('  at: text("at"),');
  });

  it('changes nothing when the column already has the type, spelled any way', () => {
    expect(run(columnType, input, { table: 't', column: 'n', type: 'int4' })).toBe(input);
    expect(run(columnType, input, { table: 't', column: 'tags', type: 'text[]' })).toBe(input);
  });

  it('uses an imported pgEnum the plan names', () => {
    const source = 'import { pgTable, text } from "drizzle-orm/pg-core";\nimport { moodEnum } from "./enums";\n\nexport const u = pgTable("u", { id: text("id"), mood: text("mood") });\n';
    expect(run(columnType, source, { table: 'u', column: 'mood', type: 'mood', enum: 'moodEnum' })).toBe(source.replace('mood: text("mood")', 'mood: moodEnum("mood")'));
  });
});

describe('drizzle-table-remove', () => {
  /** A table as the reader sees it, wherever it is written. */
  const facts = (t: { loc?: unknown; columns: { loc?: unknown }[] }) => JSON.parse(JSON.stringify(t, (k, v: unknown) => (/loc$/i.test(k) ? undefined : v))) as unknown;

  it('leaves files the Drizzle reader reads with every other table unchanged and without the removed one', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'schemadrift-table-remove-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const all = cases('drizzle-table-remove').filter((c) => c.input !== c.output);
    expect(all.length).toBeGreaterThanOrEqual(5);
    for (const c of all) {
      writeFileSync(path.join(dir, `${c.name}.input.ts`), c.input);
      writeFileSync(path.join(dir, `${c.name}.output.ts`), c.output);
      const before = await readDrizzle({ name: 'drizzle', files: [`${c.name}.input.ts`], cwd: dir });
      const after = await readDrizzle({ name: 'drizzle', files: [`${c.name}.output.ts`], cwd: dir });
      const removed = before.tables.filter((t) => t.name === c.options.table);
      // The reader binds no variable to a table with a chain on it (`.enableRLS()`), so plan never asks for
      // that one; the transform still removes it when run by hand.
      expect([c.name, removed.length, removed[0]!.binding ?? c.options.variable]).toEqual([c.name, 1, c.options.variable ?? removed[0]!.binding]);
      expect([c.name, after.tables.map(facts)]).toEqual([c.name, before.tables.filter((t) => t.name !== c.options.table).map(facts)]);
      expect([c.name, after.enums?.map((e) => e.name)]).toEqual([c.name, before.enums?.map((e) => e.name)]);
      expect([c.name, after.diagnostics]).toEqual([c.name, []]);
    }
  });

  const schema = (...tail: string[]) =>
    [
      'import { relations } from "drizzle-orm";',
      'import { pgTable, text } from "drizzle-orm/pg-core";',
      '',
      'export const auditLog = pgTable("audit_log", {',
      '  id: text("id").primaryKey(),',
      '});',
      '',
      ...tail,
    ].join('\n');
  const refusal = (source: string, options: Options = { table: 'audit_log', variable: 'auditLog' }) => refusalOf(tableRemove, source, options);

  it('refuses, naming the line, while the file still uses the table’s variable', () => {
    expect(refusal(schema('export const notes = pgTable("notes", {', '  logId: text("log_id").references(() => auditLog.id),', '});', ''))).toEqual([
      'CannotApply',
      'audit_log is still used in this file (auditLog.id, line 9); remove that first',
    ]);
    expect(refusal(schema('export const auditLogRelations = relations(auditLog, () => ({}));', ''))).toEqual([
      'CannotApply',
      'audit_log is still used in this file (auditLog, line 8); remove that first',
    ]);
    expect(refusal(schema('export type AuditLog = typeof auditLog.$inferSelect;', ''))).toEqual([
      'CannotApply',
      'audit_log is still used in this file (auditLog, line 8); remove that first',
    ]);
    expect(refusal(schema('export { auditLog as log };', ''))).toEqual([
      'CannotApply',
      'audit_log is still used in this file (auditLog, line 8); remove that first',
    ]);
  });

  it('is not stopped by the name used as a property key or after a dot', () => {
    const input = schema('export const labels = { auditLog: "Audit log" };', 'export const other = labels.auditLog;', '');
    expect(run(tableRemove, input, { table: 'audit_log', variable: 'auditLog' })).toBe(
      // relations was imported and unused before: only what the table used goes, here the whole pg-core import.
      'import { relations } from "drizzle-orm";\n\nexport const labels = { auditLog: "Audit log" };\nexport const other = labels.auditLog;\n',
    );
  });

  it('refuses a table it cannot take out as a statement of its own', () => {
    const table = 'pgTable("audit_log", { id: text("id").primaryKey() })';
    const header = 'import { pgTable, text } from "drizzle-orm/pg-core";\n';
    expect(refusal(`${header}export const auditLog = ${table}, other = 1;\n`)).toEqual([
      'CannotApply',
      'pgTable("audit_log") shares its `const` with other variables; remove it by hand',
    ]);
    expect(refusal(`${header}export const tables = { auditLog: ${table} };\n`, { table: 'audit_log' })).toEqual([
      'CannotApply',
      'pgTable("audit_log") is part of a larger expression in `tables`; remove it by hand',
    ]);
    expect(refusal(`${header}const one = 1; export const auditLog = ${table};\n`)).toEqual([
      'CannotApply',
      'auditLog shares its line with other code; remove it by hand',
    ]);
    expect(refusal(`${header}export const auditLog = ${table}; export const two = 2;\n`)).toEqual([
      'CannotApply',
      'auditLog shares its line with other code; remove it by hand',
    ]);
    expect(refusal(`${header}const a = ${table};\nconst b = ${table};\n`, { table: 'audit_log' })).toEqual([
      'CannotApply',
      'pgTable("audit_log") is declared more than once in this file; remove it by hand',
    ]);
    // A helper of the file's own that makes tables is no pg-core call the transform can vouch for.
    const helper = 'import { pgTable, text } from "drizzle-orm/pg-core";\nconst table = (n: string) => pgTable(`app_${n}`, { id: text("id") });\nexport const auditLog = table("log");\n';
    expect(refusal(helper, { table: 'app_log', variable: 'auditLog' })).toEqual([
      'CannotApply',
      '`auditLog` is not a pgTable("app_log") declared as `const auditLog = …` here; remove it by hand',
    ]);
  });

  it('removes the one of two same-named tables in different pgSchemas that the variable names', () => {
    const input = [
      'import { pgSchema, pgTable, text } from "drizzle-orm/pg-core";',
      '',
      'export const archive = pgSchema("archive");',
      '',
      'export const events = pgTable("events", { id: text("id").primaryKey() });',
      '',
      'export const archivedEvents = archive.table("events", { id: text("id").primaryKey() });',
      '',
    ].join('\n');
    expect(run(tableRemove, input, { table: 'events', variable: 'events' })).toBe(
      'import { pgSchema, text } from "drizzle-orm/pg-core";\n\nexport const archive = pgSchema("archive");\n\nexport const archivedEvents = archive.table("events", { id: text("id").primaryKey() });\n',
    );
  });

  it('keeps a CRLF file’s line breaks, and the missing final one of a file that had none', () => {
    const input = 'import { integer, pgTable, text } from "drizzle-orm/pg-core";\r\n\r\nexport const a = pgTable("a", { id: text("id") });\r\n\r\n// Scratch.\r\nexport const b = pgTable("b", { n: integer("n") });';
    expect(run(tableRemove, input, { table: 'b', variable: 'b' })).toBe('import { pgTable, text } from "drizzle-orm/pg-core";\r\n\r\nexport const a = pgTable("a", { id: text("id") });');
    expect(run(tableRemove, input, { table: 'a', variable: 'a' })).toBe(
      'import { integer, pgTable } from "drizzle-orm/pg-core";\r\n\r\n// Scratch.\r\nexport const b = pgTable("b", { n: integer("n") });',
    );
  });

  it('takes the import a removal left alone in its group with the blank line after it', () => {
    const input = [
      'import { sql } from "drizzle-orm";',
      '',
      'import { pgTable, text } from "drizzle-orm/pg-core";',
      '',
      'export const a = pgTable("a", { id: text("id") });',
      'export const b = pgTable("b", { id: text("id").default(sql`x`) });',
      '',
    ].join('\n');
    expect(run(tableRemove, input, { table: 'b' })).toBe('import { pgTable, text } from "drizzle-orm/pg-core";\n\nexport const a = pgTable("a", { id: text("id") });\n');
  });
});
