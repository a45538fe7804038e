// Each rule with cases that must and must not fire, in the style of typescript-eslint's RuleTester:
// small hand-built models, exact findings.

import { describe, expect, it } from 'vitest';
import { compare } from '../../src/compare/index.ts';
import type { Column, ForeignKey, SchemaModel, SourceKind, Table } from '../../src/model/schema.ts';

const col = (name: string, sql: string | null, nullable = false): Column => ({ name, type: { sql }, nullable });
const fk = (column: string, target: string, onDelete: ForeignKey['onDelete'] = 'NO ACTION'): ForeignKey => {
  const [table, targetColumn] = target.split('.');
  return { columns: [column], target: { schema: 'public', table: table!, columns: [targetColumn!] }, onDelete, onUpdate: 'NO ACTION' };
};
const table = (name: string, columns: Column[], extra: Partial<Table> = {}): Table => ({
  schema: 'public', name, columns, foreignKeys: [], uniques: [], indexes: [], primaryKey: { columns: [columns[0]!.name] }, ...extra,
});
const model = (source: string, kind: SourceKind, tables: Table[]): SchemaModel => ({ source, kind, tables, diagnostics: [] });

const users = () => table('users', [col('id', 'text')]);
const posts = (over: { author?: string; onDelete?: ForeignKey['onDelete']; type?: string; nullable?: boolean; noFk?: boolean; extraCol?: boolean } = {}) =>
  table(
    'posts',
    [col('id', 'text'), col('author_id', over.type ?? 'text', over.nullable ?? false), ...(over.extraCol ? [col('slug', 'text')] : [])],
    { foreignKeys: over.noFk ? [] : [fk('author_id', over.author ?? 'users.id', over.onDelete)] },
  );

function run(db: Table[], code: Table[]) {
  return compare([model('database', 'database', db), model('drizzle', 'drizzle', code)], { truth: 'database' }).map((f) => ({
    rule: f.rule, severity: f.severity, table: f.table, column: f.column, values: f.values,
  }));
}

interface Case { name: string; db: Table[]; code: Table[]; expected: ReturnType<typeof run> }

const valid: Omit<Case, 'expected'>[] = [
  { name: 'identical sources', db: [users(), posts()], code: [users(), posts()] },
  { name: 'a table only the database has is not modelled, not drift', db: [users(), posts()], code: [posts()] },
  {
    name: 'a type the code cannot know never causes drift',
    db: [users(), posts()],
    code: [users(), table('posts', [col('id', 'text'), col('author_id', null)], { foreignKeys: [fk('author_id', 'users.id')] })],
  },
];

const invalid: Case[] = [
  {
    name: 'fk-target: a different target',
    db: [users(), posts()],
    code: [users(), posts({ author: 'accounts.id' })],
    expected: [{ rule: 'fk-target', severity: 'critical', table: 'posts', column: 'author_id', values: { database: 'users.id', drizzle: 'accounts.id' } }],
  },
  {
    name: 'fk-on-delete: CASCADE in code, NO ACTION in the database',
    db: [users(), posts()],
    code: [users(), posts({ onDelete: 'CASCADE' })],
    expected: [{ rule: 'fk-on-delete', severity: 'warning', table: 'posts', column: 'author_id', values: { database: 'NO ACTION', drizzle: 'CASCADE' } }],
  },
  {
    name: 'fk-target and fk-on-delete are separate findings on one key',
    db: [users(), posts({ onDelete: 'SET NULL' })],
    code: [users(), posts({ author: 'accounts.id' })],
    expected: [
      { rule: 'fk-target', severity: 'critical', table: 'posts', column: 'author_id', values: { database: 'users.id', drizzle: 'accounts.id' } },
      { rule: 'fk-on-delete', severity: 'warning', table: 'posts', column: 'author_id', values: { database: 'SET NULL', drizzle: 'NO ACTION' } },
    ],
  },
  {
    name: 'fk-missing: the code does not declare the database\'s key',
    db: [users(), posts()],
    code: [users(), posts({ noFk: true })],
    expected: [{ rule: 'fk-missing', severity: 'warning', table: 'posts', column: 'author_id', values: { database: 'users.id', drizzle: null } }],
  },
  {
    name: 'fk-extra: the code declares a key the database lacks',
    db: [users(), posts({ noFk: true })],
    code: [users(), posts()],
    expected: [{ rule: 'fk-extra', severity: 'warning', table: 'posts', column: 'author_id', values: { database: null, drizzle: 'users.id' } }],
  },
  {
    name: 'column-type: text vs character varying is info',
    db: [users(), posts({ type: 'character varying' })],
    code: [users(), posts()],
    expected: [{ rule: 'column-type', severity: 'info', table: 'posts', column: 'author_id', values: { database: 'character varying', drizzle: 'text' } }],
  },
  {
    name: 'column-type: a length is a real difference',
    db: [users(), posts({ type: 'character varying(64)' })],
    code: [users(), posts()],
    expected: [{ rule: 'column-type', severity: 'warning', table: 'posts', column: 'author_id', values: { database: 'character varying(64)', drizzle: 'text' } }],
  },
  {
    name: 'column-nullable',
    db: [users(), posts({ nullable: true })],
    code: [users(), posts()],
    expected: [{ rule: 'column-nullable', severity: 'warning', table: 'posts', column: 'author_id', values: { database: 'NULL', drizzle: 'NOT NULL' } }],
  },
  {
    name: 'column-missing and column-extra depend on the truth',
    db: [users(), posts({ extraCol: true })],
    code: [users(), table('posts', [col('id', 'text'), col('author_id', 'text'), col('title', 'text')], { foreignKeys: [fk('author_id', 'users.id')] })],
    expected: [
      { rule: 'column-extra', severity: 'critical', table: 'posts', column: 'title', values: { database: null, drizzle: 'text' } },
      { rule: 'column-missing', severity: 'warning', table: 'posts', column: 'slug', values: { database: 'text', drizzle: null } },
    ],
  },
  {
    name: 'primary-key',
    db: [users(), posts()],
    code: [users(), table('posts', [col('id', 'text'), col('author_id', 'text')], { foreignKeys: [fk('author_id', 'users.id')], primaryKey: { columns: ['id', 'author_id'] } })],
    expected: [{ rule: 'primary-key', severity: 'critical', table: 'posts', column: null, values: { database: '(id)', drizzle: '(id, author_id)' } }],
  },
];

describe('rules', () => {
  describe('valid', () => {
    for (const c of valid) it(c.name, () => expect(run(c.db, c.code)).toEqual([]));
  });
  describe('invalid', () => {
    for (const c of invalid) it(c.name, () => expect(run(c.db, c.code)).toEqual(c.expected));
  });

  it('a table with no primary key in one source disagrees with one that has it', () => {
    const noPk = table('users', [col('id', 'text')], { primaryKey: undefined });
    expect(run([users()], [noPk])).toEqual([
      { rule: 'primary-key', severity: 'critical', table: 'users', column: null, values: { database: '(id)', drizzle: 'none' } },
    ]);
  });

  it('tables outside public are keyed schema.table', () => {
    const a = { ...users(), schema: 'auth' };
    const b = { ...users(), schema: 'auth', columns: [col('id', 'uuid')] };
    expect(run([a], [b])[0]).toMatchObject({ table: 'auth.users', rule: 'column-type' });
  });
});
