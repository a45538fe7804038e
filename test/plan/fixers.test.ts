// What plan asks the transforms to do for column-nullable and fk-on-update, and when it declines: small
// hand-built models through the real compare, exact actions.

import { describe, expect, it } from 'vitest';
import { compare } from '../../src/compare/index.ts';
import type { Column, Diagnostic, ForeignKey, SchemaModel, SourceKind, Span, Table } from '../../src/model/schema.ts';
import { plan } from '../../src/plan/index.ts';

const at = (file: string, start: number, end = start + 10): Span => ({ file, line: 1, column: start + 1, start, end });
const col = (name: string, nullable: boolean, extra: Partial<Column> = {}): Column => ({ name, type: { sql: 'text' }, nullable, ...extra });
const fk = (column: string, onUpdate: ForeignKey['onUpdate'], loc?: Span): ForeignKey => ({
  columns: [column],
  target: { schema: 'public', table: 'users', columns: ['id'] },
  onDelete: 'NO ACTION',
  onUpdate,
  ...(loc && { loc }),
});
const table = (name: string, columns: Column[], extra: Partial<Table> = {}): Table => ({
  schema: 'public', name, columns, foreignKeys: [], uniques: [], indexes: [], primaryKey: { columns: ['id'] }, ...extra,
});
const model = (source: string, kind: SourceKind, tables: Table[], diagnostics: Diagnostic[] = []): SchemaModel => ({
  source, kind, tables, diagnostics,
});
/** A column as a code source reads it: where it is written and what code calls it. */
const coded = (file: string, start: number, name: string, nullable: boolean, extra: Partial<Column> = {}) =>
  col(name, nullable, { loc: at(file, start, start + 40), binding: name, ...extra });

function actions(models: SchemaModel[], rules?: string[]) {
  const findings = compare(models, { truth: 'database' });
  return plan(findings, models, { rules }).actions.map(({ rule, source, file, transform, options, description }) => ({
    rule, source, file, transform, options, description,
  }));
}

const users = () => table('users', [col('id', false)]);

describe('column-nullable', () => {
  const db = model('database', 'database', [users(), table('teams', [col('id', false), col('name', false), col('note', true)])]);

  it('asks Drizzle and SQLModel for the truth’s nullability, each in its own file', () => {
    const drizzle = model('drizzle', 'drizzle', [
      users(),
      table('teams', [coded('schema.ts', 0, 'id', false), coded('schema.ts', 50, 'name', true), coded('schema.ts', 100, 'note', false)]),
    ]);
    const sqlmodel = model('sqlmodel', 'sqlmodel', [
      table('teams', [coded('models.py', 0, 'id', false), coded('models.py', 50, 'name', true), coded('models.py', 100, 'note', true)]),
    ]);
    expect(actions([db, drizzle, sqlmodel])).toEqual([
      {
        rule: 'column-nullable', source: 'drizzle', file: 'schema.ts', transform: 'drizzle-column-nullable',
        options: { table: 'teams', column: 'name', nullable: 'false' }, description: 'teams.name: NOT NULL',
      },
      {
        rule: 'column-nullable', source: 'sqlmodel', file: 'models.py', transform: 'sqlmodel-column-nullable',
        options: { table: 'teams', column: 'name', nullable: 'false' }, description: 'teams.name: NOT NULL',
      },
      {
        rule: 'column-nullable', source: 'drizzle', file: 'schema.ts', transform: 'drizzle-column-nullable',
        options: { table: 'teams', column: 'note', nullable: 'true' }, description: 'teams.note: nullable',
      },
    ]);
  });

  it('never makes a primary key, identity or serial column nullable', () => {
    const truth = model('database', 'database', [
      table('t', [col('id', true), col('seq', true), col('ident', true)], { primaryKey: undefined }),
    ]);
    const drizzle = model('drizzle', 'drizzle', [
      table('t', [
        coded('schema.ts', 0, 'id', false),
        coded('schema.ts', 50, 'seq', false, { default: "nextval('t_seq_seq'::regclass)" }),
        coded('schema.ts', 100, 'ident', false, { identity: 'ALWAYS' }),
      ]),
    ]);
    const findings = compare([truth, drizzle], { truth: 'database' }).filter((f) => f.rule === 'column-nullable');
    expect(findings.map((f) => f.column)).toEqual(['id', 'seq', 'ident']);
    expect(actions([truth, drizzle], ['column-nullable'])).toEqual([]);
  });

  it('leaves a column the reader only partly understood, and a Python Table(...) column, to the user', () => {
    const sqlmodel = model(
      'sqlmodel',
      'sqlmodel',
      [table('teams', [coded('models.py', 0, 'id', false), coded('models.py', 50, 'name', true), col('note', false, { loc: at('models.py', 100) })])],
      [{ message: 'teams.name: nullable= is not a literal, ignored', loc: at('models.py', 60, 70) }],
    );
    expect(actions([db, sqlmodel])).toEqual([]);
  });

  it('marks only the findings it can act on as fixable', () => {
    const drizzle = model('drizzle', 'drizzle', [table('teams', [coded('schema.ts', 0, 'id', false), coded('schema.ts', 50, 'name', true), col('note', false)])]);
    const findings = compare([db, drizzle], { truth: 'database' });
    const { fixable } = plan(findings, [db, drizzle]);
    expect(findings.filter((f) => fixable.has(f)).map((f) => f.column)).toEqual(['name']);
  });
});

describe('fk-on-update', () => {
  const db = model('database', 'database', [users(), table('teams', [col('id', false), col('owner_id', false)], { foreignKeys: [fk('owner_id', 'CASCADE')] })]);

  it('is fixed in Drizzle where the key is written', () => {
    const drizzle = model('drizzle', 'drizzle', [
      users(),
      table('teams', [coded('schema.ts', 0, 'id', false), coded('schema.ts', 50, 'owner_id', false)], {
        foreignKeys: [fk('owner_id', 'NO ACTION', at('schema.ts', 70))],
      }),
    ]);
    expect(actions([db, drizzle])).toEqual([
      {
        rule: 'fk-on-update', source: 'drizzle', file: 'schema.ts', transform: 'drizzle-fk-on-update',
        options: { table: 'teams', column: 'owner_id', onUpdate: 'CASCADE' }, description: 'teams.owner_id: onUpdate → CASCADE',
      },
    ]);
  });

  it('is not fixed in SQLModel, whose Field(foreign_key=…) cannot say ON UPDATE', () => {
    const sqlmodel = model('sqlmodel', 'sqlmodel', [
      table('teams', [coded('models.py', 0, 'id', false), coded('models.py', 50, 'owner_id', false)], {
        foreignKeys: [fk('owner_id', 'NO ACTION', at('models.py', 70))],
      }),
    ]);
    const findings = compare([db, sqlmodel], { truth: 'database' });
    expect(findings.map((f) => f.rule)).toEqual(['fk-on-update']);
    expect(plan(findings, [db, sqlmodel]).actions).toEqual([]);
  });
});

describe('column-default', () => {
  const db = model('database', 'database', [
    table('teams', [
      col('id', false, { default: "nextval('teams_id_seq'::regclass)" }),
      col('credits', false, { default: '0' }),
      col('status', false, { default: "'active'::text" }),
      col('created_at', false, { default: 'now()' }),
      col('updated_at', false, { default: 'now()' }),
      col('note', true),
    ]),
  ]);
  const inTable = { loc: at('schema.ts', 0, 1000) };

  it('rewrites a default the source declares differently, with the truth’s SQL, in Drizzle and Python', () => {
    const drizzle = model('drizzle', 'drizzle', [
      table('teams', [
        coded('schema.ts', 0, 'id', false, { default: "nextval('teams_id_seq'::regclass)" }),
        coded('schema.ts', 50, 'credits', false, { default: '1' }),
        coded('schema.ts', 100, 'status', false, { default: "'active'" }),
        coded('schema.ts', 150, 'created_at', false),
        coded('schema.ts', 200, 'updated_at', false, { default: 'CURRENT_TIMESTAMP' }),
      ], inTable),
    ]);
    const sqlmodel = model('sqlmodel', 'sqlmodel', [
      table('teams', [
        coded('models.py', 0, 'id', false),
        coded('models.py', 50, 'credits', false, { default: "'1'::integer" }),
        coded('models.py', 100, 'status', false, { default: "'draft'::text" }),
      ], { loc: at('models.py', 0, 1000) }),
    ]);
    expect(actions([db, drizzle, sqlmodel], ['column-default'])).toEqual([
      {
        rule: 'column-default', source: 'drizzle', file: 'schema.ts', transform: 'drizzle-column-default',
        options: { table: 'teams', column: 'credits', default: '0' }, description: 'teams.credits: default → 0',
      },
      {
        rule: 'column-default', source: 'sqlmodel', file: 'models.py', transform: 'sqlmodel-column-default',
        options: { table: 'teams', column: 'credits', default: '0' }, description: 'teams.credits: default → 0',
      },
      {
        rule: 'column-default', source: 'sqlmodel', file: 'models.py', transform: 'sqlmodel-column-default',
        options: { table: 'teams', column: 'status', default: "'active'::text" }, description: "teams.status: default → 'active'::text",
      },
    ]);
  });

  it('names the Python attribute when it is not named like the column', () => {
    const sqlmodel = model('sqlmodel', 'sqlmodel', [
      table('teams', [coded('models.py', 0, 'id', false), coded('models.py', 50, 'credits', false, { default: '1', binding: 'balance' })], {
        loc: at('models.py', 0, 1000),
      }),
    ]);
    expect(actions([db, sqlmodel], ['column-default']).map((a) => a.options)).toEqual([
      { table: 'teams', column: 'credits', attribute: 'balance', default: '0' },
    ]);
  });

  it('adds no default only the truth has (info), and removes none only the source has', () => {
    const truth = model('database', 'database', [table('teams', [col('id', false), col('created_at', false, { default: 'now()' }), col('note', true)])]);
    const drizzle = model('drizzle', 'drizzle', [
      table('teams', [coded('schema.ts', 0, 'id', false), coded('schema.ts', 50, 'created_at', false), coded('schema.ts', 100, 'note', true, { default: "'x'" })], inTable),
    ]);
    const findings = compare([truth, drizzle], { truth: 'database' }).filter((f) => f.rule === 'column-default');
    expect(findings.map((f) => [f.column, f.severity])).toEqual([
      ['note', 'warning'],
      ['created_at', 'info'],
    ]);
    expect(actions([truth, drizzle], ['column-default'])).toEqual([]);
  });

  it('leaves serial, identity and generated columns, spread-in columns and partly read columns to the user', () => {
    const truth = model('database', 'database', [
      table('t', [
        col('id', false, { default: '5' }),
        col('n', false, { default: "nextval('t_n_seq'::regclass)" }),
        col('k', false, { default: '1', identity: 'ALWAYS' }),
        col('created_at', false, { default: 'now()' }),
        col('credits', false, { default: '0' }),
      ]),
    ]);
    const drizzle = model(
      'drizzle',
      'drizzle',
      [
        table('t', [
          coded('schema.ts', 0, 'id', false, { default: "nextval('t_id_seq'::regclass)", type: { sql: 'integer', written: 'serial("id")' } }),
          coded('schema.ts', 50, 'n', false, { default: '3' }),
          coded('schema.ts', 100, 'k', false, { default: '2' }),
          // From `...timestamps`, written in a helper outside the pgTable(...) call.
          coded('schema.ts', 2000, 'created_at', false, { default: "'2020-01-01'" }),
          coded('schema.ts', 150, 'credits', false, { default: '1' }),
        ], inTable),
      ],
      [{ message: 'default of column credits is not a literal; ignored', loc: at('schema.ts', 160, 170) }],
    );
    expect(compare([truth, drizzle], { truth: 'database' }).filter((f) => f.rule === 'column-default').map((f) => f.column)).toEqual([
      'id', 'n', 'k', 'created_at', 'credits',
    ]);
    expect(actions([truth, drizzle], ['column-default'])).toEqual([]);
  });
});
