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

  it('is not fixed in SQLModel’s Field(foreign_key=…), which cannot say ON UPDATE', () => {
    // The reader places a Field key at the Field(...) call, which ends the column's statement.
    const sqlmodel = model('sqlmodel', 'sqlmodel', [
      table('teams', [coded('models.py', 0, 'id', false), coded('models.py', 50, 'owner_id', false)], {
        foreignKeys: [fk('owner_id', 'NO ACTION', at('models.py', 66, 90))],
      }),
    ]);
    const findings = compare([db, sqlmodel], { truth: 'database' });
    expect(findings.map((f) => f.rule)).toEqual(['fk-on-update']);
    expect(plan(findings, [db, sqlmodel]).actions).toEqual([]);
  });
});

describe('Python foreign keys declared with SQLAlchemy', () => {
  const db = model('database', 'database', [
    users(),
    table('teams', [col('id', false), col('owner_id', false), col('lead_id', true)], {
      foreignKeys: [
        { ...fk('owner_id', 'CASCADE'), onDelete: 'SET NULL' },
        { ...fk('lead_id', 'NO ACTION'), target: { schema: 'auth', table: 'members', columns: ['id'] } },
      ],
    }),
  ]);

  it('fixes ON UPDATE, ON DELETE and the target in ForeignKey(…) and ForeignKeyConstraint, naming the attribute when it differs', () => {
    const sqlmodel = model('sqlmodel', 'sqlmodel', [
      table('teams', [coded('models.py', 0, 'id', false), coded('models.py', 50, 'owner_id', false, { binding: 'owner' }), coded('models.py', 100, 'lead_id', true)], {
        // A ForeignKey(...) inside the column's Column(...), and a ForeignKeyConstraint in __table_args__.
        foreignKeys: [fk('owner_id', 'NO ACTION', at('models.py', 70, 80)), fk('lead_id', 'NO ACTION', at('models.py', 300, 360))],
      }),
    ]);
    expect(actions([db, sqlmodel])).toEqual([
      {
        rule: 'fk-target', source: 'sqlmodel', file: 'models.py', transform: 'sqlmodel-foreign-key',
        options: { table: 'teams', column: 'lead_id', target: 'auth.members.id' }, description: 'teams.lead_id: foreign_key → auth.members.id',
      },
      {
        rule: 'fk-on-delete', source: 'sqlmodel', file: 'models.py', transform: 'sqlmodel-on-delete',
        options: { table: 'teams', column: 'owner_id', attribute: 'owner', onDelete: 'SET NULL' }, description: 'teams.owner_id: ondelete → SET NULL',
      },
      {
        rule: 'fk-on-update', source: 'sqlmodel', file: 'models.py', transform: 'sqlmodel-on-update',
        options: { table: 'teams', column: 'owner_id', attribute: 'owner', onUpdate: 'CASCADE' }, description: 'teams.owner_id: onupdate → CASCADE',
      },
    ]);
  });

  it('leaves the keys of a Python Table(...) to the user: its columns have no attribute to find', () => {
    const sqlmodel = model('sqlmodel', 'sqlmodel', [
      table('teams', [col('id', false, { loc: at('models.py', 0) }), col('owner_id', false, { loc: at('models.py', 50, 90) }), col('lead_id', true, { loc: at('models.py', 100, 140) })], {
        foreignKeys: [fk('owner_id', 'NO ACTION', at('models.py', 70, 80))],
      }),
    ]);
    const findings = compare([db, sqlmodel], { truth: 'database' });
    expect(findings.map((f) => [f.rule, f.column])).toEqual([
      ['fk-on-delete', 'owner_id'],
      ['fk-on-update', 'owner_id'],
      ['fk-missing', 'lead_id'],
    ]);
    expect(plan(findings, [db, sqlmodel], { rules: ['fk-on-delete', 'fk-on-update'] }).actions).toEqual([]);
  });
});

describe('fk-target in Drizzle', () => {
  const members = (key: string) =>
    table('members', [col('user_id', false, { binding: key, loc: at('schema.ts', 10) })], { binding: 'members', loc: at('schema.ts', 0, 40), primaryKey: { columns: ['user_id'] } });
  const db = model('database', 'database', [
    table('members', [col('user_id', false)], { primaryKey: { columns: ['user_id'] } }),
    table('teams', [col('id', false), col('owner_id', false)], { foreignKeys: [{ ...fk('owner_id', 'NO ACTION'), target: { schema: 'public', table: 'members', columns: ['user_id'] } }] }),
  ]);
  const drizzle = (key: string) =>
    model('drizzle', 'drizzle', [
      members(key),
      table('teams', [coded('schema.ts', 50, 'id', false), coded('schema.ts', 100, 'owner_id', false)], { foreignKeys: [fk('owner_id', 'NO ACTION', at('schema.ts', 120))] }),
    ]);

  it('points the key at the target table’s variable and column key', () => {
    expect(actions([db, drizzle('userId')], ['fk-target']).map((a) => a.options)).toEqual([
      { table: 'teams', column: 'owner_id', target: 'members.user_id', targetBinding: 'members.userId' },
    ]);
  });

  it('leaves a target column whose key is no identifier to the user: `members["user-id"]` is not read back', () => {
    expect(actions([db, drizzle('user-id')], ['fk-target'])).toEqual([]);
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

describe('column-missing', () => {
  const db = model('database', 'database', [
    table('api_keys', [
      col('id', false),
      col('name', false),
      col('last_used_at', true, { type: { sql: 'timestamp with time zone' } }),
      col('uses', false, { type: { sql: 'integer' }, default: '0' }),
      col('mood', true, { type: { sql: 'mood' } }),
    ]),
  ]);
  const inTable = (file: string) => ({ loc: at(file, 0, 1000) });

  it('adds the truth’s column after the nearest earlier column the source writes, with its type, nullability and default', () => {
    const drizzle = model('drizzle', 'drizzle', [
      table('api_keys', [coded('schema.ts', 0, 'id', false), coded('schema.ts', 50, 'name', false), coded('schema.ts', 100, 'mood', true, { type: { sql: 'mood' } })], inTable('schema.ts')),
    ]);
    drizzle.enums = [{ schema: 'public', name: 'mood', values: ['ok'], binding: 'moodEnum' }];
    const sqlmodel = model('sqlmodel', 'sqlmodel', [
      table('api_keys', [coded('models.py', 0, 'id', false), coded('models.py', 50, 'name', false), coded('models.py', 100, 'uses', false, { type: { sql: 'integer' }, default: '0' })], inTable('models.py')),
    ]);
    sqlmodel.notes = ['SQLModel 0.0.47 assumed (pinned in requirements.txt): a plain datetime is timestamp with time zone'];
    expect(actions([db, drizzle, sqlmodel], ['column-missing'])).toEqual([
      {
        rule: 'column-missing', source: 'drizzle', file: 'schema.ts', transform: 'drizzle-column-add',
        options: { table: 'api_keys', column: 'last_used_at', after: 'name', type: 'timestamp with time zone', nullable: 'true' },
        description: 'api_keys.last_used_at: add timestamp with time zone after name',
      },
      {
        rule: 'column-missing', source: 'sqlmodel', file: 'models.py', transform: 'sqlmodel-column-add',
        options: { table: 'api_keys', column: 'last_used_at', after: 'name', type: 'timestamp with time zone', nullable: 'true', datetime: 'timestamp with time zone' },
        description: 'api_keys.last_used_at: add timestamp with time zone after name',
      },
      {
        rule: 'column-missing', source: 'drizzle', file: 'schema.ts', transform: 'drizzle-column-add',
        // `last_used_at` is missing too: the nearest earlier column the table has is `name`.
        options: { table: 'api_keys', column: 'uses', after: 'name', type: 'integer', nullable: 'false', default: '0' },
        description: 'api_keys.uses: add integer NOT NULL after name',
      },
      {
        rule: 'column-missing', source: 'sqlmodel', file: 'models.py', transform: 'sqlmodel-column-add',
        options: { table: 'api_keys', column: 'mood', after: 'uses', type: 'mood', nullable: 'true', datetime: 'timestamp with time zone' },
        description: 'api_keys.mood: add mood after uses',
      },
    ]);
  });

  it('adds first when no earlier column is written in the table itself, and names an imported pgEnum', () => {
    const drizzle = model('drizzle', 'drizzle', [
      // `id` comes from a spread helper written outside the pgTable(...) call.
      table('api_keys', [coded('schema.ts', 2000, 'id', false), coded('schema.ts', 50, 'name', false), coded('schema.ts', 100, 'last_used_at', true), coded('schema.ts', 150, 'uses', false)], inTable('schema.ts')),
    ]);
    drizzle.enums = [{ schema: 'public', name: 'mood', values: ['ok'], binding: 'moodEnum', loc: at('enums.ts', 0) }];
    const truth = model('database', 'database', [table('api_keys', [col('id', false), col('mood', true, { type: { sql: 'mood' } }), ...db.tables[0]!.columns.slice(1, 4)])]);
    expect(actions([truth, drizzle], ['column-missing']).map((a) => a.options)).toEqual([
      { table: 'api_keys', column: 'mood', type: 'mood', nullable: 'true', enum: 'moodEnum' },
    ]);
  });

  it('leaves keys, multi-column constraints, identity, generated and serial columns, and Table(...) columns to the user', () => {
    const truth = model('database', 'database', [
      table(
        't',
        [
          col('id', false),
          col('a', false),
          col('b', false),
          col('c', false),
          col('d', false),
          col('k', false, { identity: 'ALWAYS' }),
          col('g', true, { generated: '(a || b)' }),
          col('n', false, { default: "nextval('t_n_seq'::regclass)" }),
        ],
        {
          uniques: [{ columns: ['a', 'id'] }],
          indexes: [{ columns: ['b', 'id'], unique: false }],
          foreignKeys: [{ ...fk('c', 'NO ACTION'), columns: ['c', 'id'] }],
        },
      ),
      table('u', [col('id', false), col('x', true)], { primaryKey: { columns: ['id'] } }),
    ]);
    const drizzle = model('drizzle', 'drizzle', [
      table('t', [coded('schema.ts', 50, 'd', false)], { ...inTable('schema.ts'), primaryKey: undefined }),
      table('u', [coded('schema.ts', 1050, 'x', true)], { loc: at('schema.ts', 1000, 2000), primaryKey: undefined }),
    ]);
    const sqlmodel = model('sqlmodel', 'sqlmodel', [
      // A `__table__ = Table(...)` class: its columns have no attribute to write next to.
      table('t', [coded('models.py', 0, 'id', false), col('d', false, { loc: at('models.py', 50) })], inTable('models.py')),
    ]);
    const findings = compare([truth, drizzle, sqlmodel], { truth: 'database' }).filter((f) => f.rule === 'column-missing');
    expect(findings.map((f) => `${f.table}.${f.column}`)).toEqual(['t.id', 't.a', 't.b', 't.c', 't.k', 't.g', 't.n', 'u.id']);
    expect(actions([truth, drizzle, sqlmodel], ['column-missing'])).toEqual([]);
  });
});

describe('column-extra', () => {
  const db = model('database', 'database', [table('api_keys', [col('id', false), col('name', false)])]);
  const inTable = (file: string) => ({ loc: at(file, 0, 1000) });

  it('plans removing a column the truth lacks, marked unsafe, where the table itself declares it', () => {
    const drizzle = model('drizzle', 'drizzle', [
      table('api_keys', [coded('schema.ts', 0, 'id', false), coded('schema.ts', 50, 'name', false), coded('schema.ts', 100, 'legacy', true)], inTable('schema.ts')),
    ]);
    const sqlmodel = model('sqlmodel', 'sqlmodel', [
      table('api_keys', [coded('models.py', 0, 'id', false), coded('models.py', 50, 'name', false), coded('models.py', 100, 'legacy', true)], inTable('models.py')),
    ]);
    const planned = plan(compare([db, drizzle, sqlmodel], { truth: 'database' }), [db, drizzle, sqlmodel]).actions;
    expect(planned.map(({ rule, source, transform, options, description, unsafe }) => ({ rule, source, transform, options, description, unsafe }))).toEqual([
      {
        rule: 'column-extra', source: 'drizzle', transform: 'drizzle-column-remove', options: { table: 'api_keys', column: 'legacy' },
        description: 'api_keys.legacy: remove the column (unsafe)', unsafe: true,
      },
      {
        rule: 'column-extra', source: 'sqlmodel', transform: 'sqlmodel-column-remove', options: { table: 'api_keys', column: 'legacy' },
        description: 'api_keys.legacy: remove the column (unsafe)', unsafe: true,
      },
    ]);
  });

  it('leaves a Drizzle column spread in from a helper outside the pgTable(...) call', () => {
    const drizzle = model('drizzle', 'drizzle', [
      table('api_keys', [coded('schema.ts', 0, 'id', false), coded('schema.ts', 50, 'name', false), coded('schema.ts', 2000, 'legacy', true)], inTable('schema.ts')),
    ]);
    expect(actions([db, drizzle], ['column-extra'])).toEqual([]);
  });
});

describe('column-type', () => {
  const typed = (sql: string) => ({ type: { sql } });
  const db = model('database', 'database', [
    table('users', [
      col('id', false, typed('integer')),
      col('email', false, typed('character varying(128)')),
      col('bio', true, typed('character varying')),
      col('credits', false, typed('bigint')),
      col('mood', true, typed('mood')),
    ]),
  ]);
  const inTable = (file: string) => ({ loc: at(file, 0, 1000) });
  const drizzle = () => {
    const m = model('drizzle', 'drizzle', [
      table('users', [
        coded('schema.ts', 0, 'id', false, typed('integer')),
        coded('schema.ts', 50, 'email', false, typed('character varying(64)')),
        coded('schema.ts', 100, 'bio', true, typed('text')),
        coded('schema.ts', 150, 'credits', false, typed('integer')),
        coded('schema.ts', 200, 'mood', true, typed('text')),
      ], inTable('schema.ts')),
    ]);
    m.enums = [{ schema: 'public', name: 'mood', values: ['ok'], binding: 'moodEnum' }];
    return m;
  };
  const sqlmodel = () => {
    const m = model('sqlmodel', 'sqlmodel', [
      table('users', [
        coded('models.py', 0, 'id', false, typed('integer')),
        coded('models.py', 50, 'email', false, { ...typed('character varying(64)'), binding: 'login' }),
        coded('models.py', 100, 'bio', true, typed('text')),
        coded('models.py', 150, 'credits', false, typed('bigint')),
      ], inTable('models.py')),
    ]);
    m.notes = ['SQLModel 0.0.47 assumed (pinned in requirements.txt): a plain datetime is timestamp with time zone'];
    return m;
  };

  it('asks for the truth’s type where the types really differ, naming the pgEnum, the attribute and what a datetime is', () => {
    expect(actions([db, drizzle(), sqlmodel()]).filter((a) => a.rule === 'column-type')).toEqual([
      {
        rule: 'column-type', source: 'drizzle', file: 'schema.ts', transform: 'drizzle-column-type',
        options: { table: 'users', column: 'email', type: 'character varying(128)' }, description: 'users.email: type → character varying(128)',
      },
      {
        rule: 'column-type', source: 'sqlmodel', file: 'models.py', transform: 'sqlmodel-column-type',
        options: { table: 'users', column: 'email', attribute: 'login', type: 'character varying(128)', datetime: 'timestamp with time zone' },
        description: 'users.email: type → character varying(128)',
      },
      {
        rule: 'column-type', source: 'drizzle', file: 'schema.ts', transform: 'drizzle-column-type',
        options: { table: 'users', column: 'credits', type: 'bigint' }, description: 'users.credits: type → bigint',
      },
      {
        rule: 'column-type', source: 'drizzle', file: 'schema.ts', transform: 'drizzle-column-type',
        options: { table: 'users', column: 'mood', type: 'mood', enum: 'moodEnum' }, description: 'users.mood: type → mood',
      },
    ]);
  });

  it('changes text ↔ varchar, which PostgreSQL treats alike (info), only when the rule is named', () => {
    const findings = compare([db, drizzle(), sqlmodel()], { truth: 'database' }).filter((f) => f.column === 'bio');
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([['column-type', 'info']]);
    expect(actions([db, drizzle(), sqlmodel()]).filter((a) => a.options.column === 'bio')).toEqual([]);
    expect(actions([db, drizzle(), sqlmodel()], ['column-nullable', 'column-default']).filter((a) => a.options.column === 'bio')).toEqual([]);
    expect(actions([db, drizzle(), sqlmodel()], ['column-type']).filter((a) => a.options.column === 'bio')).toEqual([
      {
        rule: 'column-type', source: 'drizzle', file: 'schema.ts', transform: 'drizzle-column-type',
        options: { table: 'users', column: 'bio', type: 'character varying' }, description: 'users.bio: type → character varying',
      },
      {
        rule: 'column-type', source: 'sqlmodel', file: 'models.py', transform: 'sqlmodel-column-type',
        options: { table: 'users', column: 'bio', type: 'character varying', datetime: 'timestamp with time zone' },
        description: 'users.bio: type → character varying',
      },
    ]);
  });

  it('leaves serial, identity, spread-in, partly read and Table(...) columns, and unknown types, to the user', () => {
    const truth = model('database', 'database', [
      table('t', [
        col('id', false, typed('bigint')),
        col('k', false, typed('bigint')),
        col('created_at', false, typed('timestamp with time zone')),
        col('note', true, typed('text')),
        col('code', true, typed('text')),
        col('extra', true, typed('integer')),
      ]),
    ]);
    const drizzle = model(
      'drizzle',
      'drizzle',
      [
        table('t', [
          coded('schema.ts', 0, 'id', false, { type: { sql: 'integer', written: 'serial("id")' }, default: "nextval('t_id_seq'::regclass)" }),
          coded('schema.ts', 50, 'k', false, { ...typed('integer'), identity: 'ALWAYS' }),
          // From `...timestamps`, written in a helper outside the pgTable(...) call.
          coded('schema.ts', 2000, 'created_at', false, typed('timestamp without time zone')),
          coded('schema.ts', 100, 'note', true, typed('integer')),
          col('code', true, { ...typed('integer'), loc: at('schema.ts', 150) }),
          coded('schema.ts', 200, 'extra', true, { type: { sql: null } }),
        ], inTable('schema.ts')),
      ],
      [{ message: 'unsupported option of column note, ignored', loc: at('schema.ts', 110, 120) }],
    );
    expect(compare([truth, drizzle], { truth: 'database' }).filter((f) => f.rule === 'column-type').map((f) => f.column)).toEqual([
      'id', 'k', 'created_at', 'note', 'code',
    ]);
    expect(actions([truth, drizzle], ['column-type'])).toEqual([]);
  });
});

describe('table-missing', () => {
  const fkTo = (column: string, target: string, extra: Partial<ForeignKey> = {}): ForeignKey => ({
    columns: [column], target: { schema: 'public', table: target, columns: ['id'] }, onDelete: 'NO ACTION', onUpdate: 'NO ACTION', ...extra,
  });
  const auditLog = (extra: Partial<Table> = {}) =>
    table('audit_log', [
      col('id', false),
      col('user_id', false),
      col('team_id', true),
      col('at', false, { type: { sql: 'timestamp with time zone' }, default: 'now()' }),
      col('mood', true, { type: { sql: 'mood' } }),
    ], { foreignKeys: [fkTo('user_id', 'users', { onDelete: 'CASCADE' }), fkTo('team_id', 'teams')], ...extra });
  const db = (audit = auditLog()) => model('database', 'database', [users(), table('teams', [col('id', false)]), table('posts', [col('id', false)]), audit]);
  // users and teams, which audit_log references, live in auth.ts; posts and more in posts.ts (the majority).
  const drizzle = (teamsFile = 'auth.ts') => ({
    ...model('drizzle', 'drizzle', [
      table('users', [coded('auth.ts', 10, 'id', false)], { loc: at('auth.ts', 0, 100), binding: 'users' }),
      table('teams', [coded(teamsFile, 110, 'id', false)], { loc: at(teamsFile, 100, 200), binding: 'teams' }),
      table('posts', [coded('posts.ts', 10, 'id', false)], { loc: at('posts.ts', 0, 100), binding: 'posts' }),
    ]),
    enums: [{ schema: 'public', name: 'mood', values: ['happy'], binding: 'moodEnum' }],
  });
  const tables = { drizzle: { mustModel: ['audit_*', 'audit.*'] } };
  const tableActions = (models: SchemaModel[]) =>
    plan(compare(models, { truth: 'database', tables }), models, { rules: ['table-missing'] }).actions.map(({ file, transform, options, description }) => ({
      file, transform, options, description,
    }));

  it('writes the truth’s table into the file holding the tables it references, with their variables and the pgEnum', () => {
    expect(tableActions([db(), drizzle()])).toEqual([
      {
        file: 'auth.ts',
        transform: 'drizzle-table-add',
        options: {
          table: 'audit_log',
          variable: 'auditLog',
          columns: JSON.stringify([
            { name: 'id', type: 'text', nullable: false, primaryKey: true },
            { name: 'user_id', type: 'text', nullable: false },
            { name: 'team_id', type: 'text', nullable: true },
            { name: 'at', type: 'timestamp with time zone', nullable: false, default: 'now()' },
            { name: 'mood', type: 'mood', nullable: true, enum: 'moodEnum' },
          ]),
          foreignKeys: JSON.stringify([
            { column: 'user_id', references: 'users.id', onDelete: 'CASCADE', onUpdate: 'NO ACTION' },
            { column: 'team_id', references: 'teams.id', onDelete: 'NO ACTION', onUpdate: 'NO ACTION' },
          ]),
        },
        description: 'audit_log: add pgTable auditLog (5 columns)',
      },
    ]);
  });

  it('writes the truth’s uniques and plain indexes with the table, and leaves out what the transform cannot write exactly', () => {
    const part = (column: string) => ({ column });
    const audit = auditLog({
      uniques: [
        { columns: ['user_id', 'at'], name: 'audit_log_user_id_at_key' },
        // On the primary key's column: only an ALTER TABLE gives PostgreSQL one, but the truth has it.
        { columns: ['id'], name: 'audit_log_id_key' },
        { columns: ['team_id'], name: 'audit_log_team_id_key', nullsNotDistinct: true },
        // The same meaning as the first (column order does not matter to uniqueness): written once.
        { columns: ['at', 'user_id'], name: 'audit_log_at_user_id_key' },
      ],
      indexes: [
        { name: 'audit_log_at_brin', columns: ['at'], unique: false, method: 'brin', parts: [part('at')] },
        { name: 'audit_log_at_desc', columns: ['at'], unique: false, parts: [{ column: 'at', order: 'DESC' }] },
        { name: 'audit_log_lower_user', columns: [], unique: false, parts: [{ expression: 'lower(user_id)' }] },
        { name: 'audit_log_mood_key', columns: ['mood'], unique: true, parts: [part('mood')] },
        { name: 'audit_log_open', columns: ['team_id'], unique: true, where: '(team_id IS NOT NULL)', parts: [part('team_id')] },
        { name: 'audit_log_team_id_idx', columns: ['team_id'], unique: false, parts: [part('team_id')] },
        { name: 'audit_log_user_ops', columns: ['user_id'], unique: false, parts: [{ column: 'user_id', opclass: 'text_pattern_ops' }] },
        { name: 'audit_log_user_team_idx', columns: ['user_id', 'team_id'], unique: false, parts: [part('user_id'), part('team_id')] },
        { name: 'audit_log_user_team_idx2', columns: ['user_id', 'team_id'], unique: false },
        { name: 'audit_log_where', columns: ['user_id'], unique: false, where: '(team_id IS NULL)', parts: [part('user_id')] },
      ],
    });
    const [action] = tableActions([db(audit), drizzle()]);
    expect([action?.transform, action?.options.uniques, action?.options.indexes]).toEqual([
      'drizzle-table-add',
      JSON.stringify([
        { columns: ['user_id', 'at'], name: 'audit_log_user_id_at_key' },
        { columns: ['id'], name: 'audit_log_id_key' },
        { columns: ['mood'], name: 'audit_log_mood_key', form: 'index' },
      ]),
      JSON.stringify([
        { columns: ['team_id'], name: 'audit_log_team_id_idx' },
        { columns: ['user_id', 'team_id'], name: 'audit_log_user_team_idx' },
      ]),
    ]);
    // Everything else of the action is as for the table without them.
    const { uniques: _u, indexes: _i, ...rest } = action!.options;
    expect(rest).toEqual(tableActions([db(), drizzle()])[0]!.options);
  });

  it('leaves out of a Drizzle table’s config a column whose key might not follow `t.`', () => {
    const audit = auditLog({
      columns: [col('id', false), col('user_id', false), col('team_id', true), col('_1st', true)],
      uniques: [{ columns: ['_1st'], name: 'audit_log_1st_key' }],
      indexes: [{ name: 'audit_log_1st_user_idx', columns: ['_1st', 'user_id'], unique: false }, { name: 'audit_log_user_idx', columns: ['user_id'], unique: false }],
    });
    const [action] = tableActions([db(audit), drizzle()]);
    expect([action?.options.uniques, action?.options.indexes]).toEqual([undefined, JSON.stringify([{ columns: ['user_id'], name: 'audit_log_user_idx' }])]);
  });

  it('falls back to the file holding most of the source’s tables when no related table is written', () => {
    const lone = table('audit_log', [col('id', false)]);
    const source = model('drizzle', 'drizzle', [
      table('users', [coded('auth.ts', 10, 'id', false)], { loc: at('auth.ts', 0, 100), binding: 'users' }),
      table('teams', [coded('posts.ts', 110, 'id', false)], { loc: at('posts.ts', 100, 200), binding: 'teams' }),
      table('posts', [coded('posts.ts', 10, 'id', false)], { loc: at('posts.ts', 0, 100), binding: 'posts' }),
    ]);
    expect(tableActions([db(lone), source]).map((a) => [a.file, a.options.columns])).toEqual([
      ['posts.ts', JSON.stringify([{ name: 'id', type: 'text', nullable: false, primaryKey: true }])],
    ]);
  });

  it('is asked only of a source the config requires to model the table', () => {
    const models = [db(), drizzle()];
    expect(plan(compare(models, { truth: 'database' }), models).actions).toEqual([]);
  });

  it('leaves to the user composite keys, other sequences’ defaults, identity and generated columns, and keys to tables in another file', () => {
    const cases: Table[] = [
      auditLog({ primaryKey: { columns: ['id', 'user_id'] } }),
      auditLog({ foreignKeys: [{ ...fkTo('user_id', 'users'), columns: ['user_id', 'team_id'], target: { schema: 'public', table: 'users', columns: ['id', 'x'] } }] }),
      table('audit_log', [col('id', false, { type: { sql: 'integer' }, default: "nextval('shared_seq'::regclass)" })]),
      table('audit_log', [col('id', false, { type: { sql: 'integer' }, identity: 'ALWAYS' })]),
      table('audit_log', [col('id', false), col('n', true, { generated: 'id' })]),
      { ...auditLog(), schema: 'audit' },
    ];
    for (const audit of cases) {
      const models = [db(audit), drizzle()];
      // Each is a real table-missing finding the plan declines, not a table the rule never reports.
      expect(compare(models, { truth: 'database', tables }).filter((f) => f.rule === 'table-missing').map((f) => f.table)).toEqual([
        audit.schema === 'public' ? 'audit_log' : 'audit.audit_log',
      ]);
      expect(tableActions(models)).toEqual([]);
    }
    // teams moved to posts.ts: the key to it could not be written in auth.ts without an import.
    expect(tableActions([db(), drizzle('posts.ts')])).toEqual([]);
  });
});

describe('table-missing in Python', () => {
  const db = model('database', 'database', [
    users(),
    table('audit_log', [
      col('id', false, { type: { sql: 'integer' }, default: "nextval('audit_log_id_seq'::regclass)" }),
      col('user_id', false),
      col('at', false, { type: { sql: 'timestamp with time zone' }, default: 'now()' }),
    ], { foreignKeys: [{ columns: ['user_id'], target: { schema: 'public', table: 'users', columns: ['id'] }, onDelete: 'CASCADE', onUpdate: 'NO ACTION' }] }),
  ]);
  const sqlmodel = (tables: Table[]) => ({ ...model('sqlmodel', 'sqlmodel', tables), notes: ['a plain datetime is timestamp with time zone'] });
  const tables = { sqlmodel: { mustModel: ['audit_*'] } };
  const tableActions = (models: SchemaModel[]) =>
    plan(compare(models, { truth: 'database', tables }), models).actions.map(({ rule, file, transform, options, description }) => ({ rule, file, transform, options, description }));

  it('writes a class for the truth’s table next to the table it references, its serial key and string foreign key', () => {
    const source = sqlmodel([
      table('users', [coded('auth.py', 10, 'id', false)], { loc: at('auth.py', 0, 100), binding: 'User' }),
      table('posts', [coded('models.py', 10, 'id', false)], { loc: at('models.py', 0, 100), binding: 'Post' }),
      table('teams', [coded('models.py', 110, 'id', false)], { loc: at('models.py', 100, 200), binding: 'Team' }),
    ]);
    expect(tableActions([db, source])).toEqual([
      {
        rule: 'table-missing',
        file: 'auth.py',
        transform: 'sqlmodel-table-add',
        options: {
          table: 'audit_log',
          className: 'AuditLog',
          columns: JSON.stringify([
            { name: 'id', type: 'integer', nullable: false, default: "nextval('audit_log_id_seq'::regclass)", primaryKey: true },
            { name: 'user_id', type: 'text', nullable: false },
            { name: 'at', type: 'timestamp with time zone', nullable: false, default: 'now()' },
          ]),
          foreignKeys: JSON.stringify([{ column: 'user_id', target: 'users.id', onDelete: 'CASCADE', onUpdate: 'NO ACTION' }]),
          datetime: 'timestamp with time zone',
        },
        description: 'audit_log: add class AuditLog (3 columns)',
      },
    ]);
  });

  it('writes uniques and plain indexes with the class, except an index over several columns without a name', () => {
    const keyed = model('database', 'database', [
      users(),
      {
        ...db.tables[1]!,
        uniques: [{ columns: ['user_id'] }, { columns: ['user_id', 'at'], name: 'audit_log_user_id_at_key' }],
        indexes: [
          { columns: ['at'], unique: false },
          { columns: ['at', 'user_id'], unique: false },
          { columns: ['id', 'at'], unique: true },
          { name: 'audit_log_at_user_idx', columns: ['at', 'user_id'], unique: false },
          { name: 'audit_log_id_at_key', columns: ['id', 'at'], unique: true },
        ],
      },
    ]);
    const source = sqlmodel([table('users', [coded('auth.py', 10, 'id', false)], { loc: at('auth.py', 0, 100), binding: 'User' })]);
    const [action] = tableActions([keyed, source]);
    expect([action?.transform, action?.options.uniques, action?.options.indexes]).toEqual([
      'sqlmodel-table-add',
      JSON.stringify([
        { columns: ['user_id'] },
        { columns: ['user_id', 'at'], name: 'audit_log_user_id_at_key' },
        { columns: ['id', 'at'], name: 'audit_log_id_at_key', form: 'index' },
      ]),
      JSON.stringify([
        { columns: ['at'] },
        { columns: ['at', 'user_id'], name: 'audit_log_at_user_idx' },
      ]),
    ]);
  });

  it('leaves a foreign key to a table the source does not model to the user', () => {
    const source = sqlmodel([table('posts', [coded('models.py', 10, 'id', false)], { loc: at('models.py', 0, 100), binding: 'Post' })]);
    expect(compare([db, source], { truth: 'database', tables }).some((f) => f.rule === 'table-missing' && f.table === 'audit_log')).toBe(true);
    expect(tableActions([db, source])).toEqual([]);
  });
});

describe('table-missing where the truth lacks the table: removal (unsafe)', () => {
  const fkTo = (column: string, target: string): ForeignKey => ({
    columns: [column], target: { schema: 'public', table: target, columns: ['id'] }, onDelete: 'NO ACTION', onUpdate: 'NO ACTION',
  });
  const db = model('database', 'database', [users(), table('teams', [col('id', false)])]);
  const auditLog = (file: string, binding: string | undefined, extra: Partial<Table> = {}) =>
    table('audit_log', [coded(file, 10, 'id', false), coded(file, 60, 'user_id', false)], {
      loc: at(file, 0, 100), ...(binding && { binding }), foreignKeys: [fkTo('user_id', 'users')], ...extra,
    });
  const drizzle = (...extra: Table[]) =>
    model('drizzle', 'drizzle', [table('users', [coded('schema.ts', 210, 'id', false)], { loc: at('schema.ts', 200, 300), binding: 'users' }), ...extra]);
  const sqlmodel = (...extra: Table[]) =>
    model('sqlmodel', 'sqlmodel', [table('users', [coded('models.py', 210, 'id', false)], { loc: at('models.py', 200, 300), binding: 'User' }), ...extra]);
  const required = { database: { required: true } };
  const removals = (models: SchemaModel[], rules?: string[]) => {
    const result = plan(compare(models, { truth: 'database', tables: required }), models, { rules });
    return {
      actions: result.actions.map(({ rule, source, file, transform, options, description, unsafe }) => ({ rule, source, file, transform, options, description, unsafe })),
      fixable: [...result.fixable].map((f) => [f.rule, f.table]),
    };
  };

  it('removes the table from each code source that declares it, as an unsafe action', () => {
    const models = [db, drizzle(auditLog('schema.ts', 'auditLog')), sqlmodel(auditLog('audit.py', 'AuditLog'))];
    const [finding] = compare(models, { truth: 'database', tables: required }).filter((f) => f.rule === 'table-missing');
    expect([finding?.severity, finding?.presence]).toEqual(['critical', { database: 'absent', drizzle: 'present', sqlmodel: 'present' }]);
    expect(removals(models)).toEqual({
      actions: [
        {
          rule: 'table-missing', source: 'drizzle', file: 'schema.ts', transform: 'drizzle-table-remove',
          options: { table: 'audit_log', variable: 'auditLog' }, description: 'audit_log: remove the table (unsafe)', unsafe: true,
        },
        {
          rule: 'table-missing', source: 'sqlmodel', file: 'audit.py', transform: 'sqlmodel-table-remove',
          options: { table: 'audit_log', binding: 'AuditLog' }, description: 'audit_log: remove the table (unsafe)', unsafe: true,
        },
      ],
      fixable: [['table-missing', 'audit_log']],
    });
  });

  it('names a table outside public by its SQL name and finds it by its variable', () => {
    const models = [db, drizzle({ ...auditLog('schema.ts', 'auditLog'), schema: 'audit' })];
    expect(removals(models).actions.map((a) => [a.options, a.description])).toEqual([
      [{ table: 'audit_log', variable: 'auditLog' }, 'audit.audit_log: remove the table (unsafe)'],
    ]);
  });

  it('removes a table whose only foreign key to it is its own', () => {
    const selfRef = auditLog('schema.ts', 'auditLog', { foreignKeys: [{ ...fkTo('parent_id', 'audit_log') }] });
    expect(removals([db, drizzle(selfRef)]).actions.map((a) => a.transform)).toEqual(['drizzle-table-remove']);
  });

  it('is still counted fixable, and left out, when other rules are asked for', () => {
    expect(removals([db, drizzle(auditLog('schema.ts', 'auditLog'))], ['column-extra'])).toEqual({ actions: [], fixable: [['table-missing', 'audit_log']] });
  });

  it('leaves to the user a table without a name or place, declared twice, or that other tables reference', () => {
    const notes = (file: string, binding: string) =>
      table('notes', [coded(file, 410, 'id', false), coded(file, 460, 'log_id', true)], { loc: at(file, 400, 500), binding, foreignKeys: [fkTo('log_id', 'audit_log')] });
    const declined: SchemaModel[] = [
      drizzle(auditLog('schema.ts', undefined)),
      drizzle({ ...auditLog('schema.ts', 'auditLog'), loc: undefined }),
      // notes is not in the database either (its own table-missing is planned); its key would dangle.
      drizzle(auditLog('schema.ts', 'auditLog'), notes('schema.ts', 'notes')),
      sqlmodel(auditLog('audit.py', 'AuditLog'), notes('audit.py', 'Note')),
      { ...drizzle(auditLog('schema.ts', 'auditLog')), diagnostics: [{ message: 'table audit_log is declared more than once; only the first declaration is read', loc: at('b.ts', 0), duplicateTable: 'audit_log' }] },
      { ...sqlmodel(auditLog('audit.py', 'AuditLog')), diagnostics: [{ message: 'table audit_log is declared by both AuditLog and Table(...); keeping AuditLog', loc: at('b.py', 0), duplicateTable: 'audit_log' }] },
    ];
    for (const source of declined) {
      const models = [db, source];
      // Each is a real table-missing finding for audit_log, with the database lacking it.
      expect(compare(models, { truth: 'database', tables: required }).filter((f) => f.rule === 'table-missing' && f.table === 'audit_log').map((f) => f.presence.database)).toEqual(['absent']);
      expect(removals(models).actions.filter((a) => a.options.table === 'audit_log')).toEqual([]);
    }
  });

  it('never removes a table the truth does not model but is not required to (N/A there)', () => {
    // sqlmodel must model audit_log and lacks it; the database merely does not model it: no removal from drizzle, and nothing to add.
    const models = [db, drizzle(auditLog('schema.ts', 'auditLog')), sqlmodel()];
    const tables = { sqlmodel: { mustModel: ['audit_*'] } };
    const findings = compare(models, { truth: 'database', tables }).filter((f) => f.rule === 'table-missing');
    expect(findings.map((f) => [f.table, f.presence])).toEqual([['audit_log', { database: 'not-modelled', drizzle: 'present', sqlmodel: 'absent' }]]);
    expect(plan(findings, models).actions).toEqual([]);
  });

  it('adds in one direction and removes in the other, side by side', () => {
    const truth = model('database', 'database', [users(), table('teams', [col('id', false)])]);
    const source = drizzle(auditLog('schema.ts', 'auditLog'));
    const tables = { database: { required: true }, drizzle: { mustModel: ['teams'] } };
    expect(plan(compare([truth, source], { truth: 'database', tables }), [truth, source]).actions.map((a) => [a.transform, a.options.table, a.unsafe])).toEqual([
      ['drizzle-table-remove', 'audit_log', true],
      ['drizzle-table-add', 'teams', undefined],
    ]);
  });
});
