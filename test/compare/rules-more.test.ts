// The rules added for issue 7, in the RuleTester style of rules.test.ts: hand-built models, exact findings,
// cases that must fire and cases that must not (the equivalences that are never drift above info).

import { describe, expect, it } from 'vitest';
import { compare, type CompareOptions } from '../../src/compare/index.ts';
import type { Column, EnumType, SchemaModel, SourceKind, Table } from '../../src/model/schema.ts';

const col = (name: string, sql: string | null, extra: Partial<Column> = {}): Column => ({ name, type: { sql }, nullable: false, ...extra });
const table = (name: string, columns: Column[], extra: Partial<Table> = {}): Table => ({
  schema: 'public', name, columns, foreignKeys: [], uniques: [], indexes: [], primaryKey: { columns: [columns[0]!.name] }, ...extra,
});
const model = (source: string, kind: SourceKind, tables: Table[], extra: Partial<SchemaModel> = {}): SchemaModel => ({
  source, kind, tables, diagnostics: [], ...extra,
});

const users = (extra: Partial<Table> = {}, columns: Column[] = [col('id', 'text'), col('email', 'text')]) => table('users', columns, extra);

function run(db: Table[], code: Table[], options: Partial<CompareOptions> = {}, codeKind: SourceKind = 'drizzle') {
  return compare([model('database', 'database', db), model('drizzle', codeKind, code)], { truth: 'database', ...options }).map((f) => ({
    rule: f.rule, severity: f.severity, table: f.table, column: f.column, values: f.values,
  }));
}

interface Case { name: string; db: Table[]; code: Table[]; options?: Partial<CompareOptions>; expected: ReturnType<typeof run> }

const withDefault = (sql: string | undefined, type = 'integer') => users({}, [col('id', 'text'), col('n', type, sql === undefined ? {} : { default: sql })]);
const uniqueEmail = (name?: string) => users({ uniques: [{ columns: ['email'], ...(name && { name }) }] });
const indexedEmail = (extra: Partial<Table['indexes'][number]> = {}) => users({ indexes: [{ columns: ['email'], unique: false, ...extra }] });
const withChecks = (...expressions: string[]) => users({ checks: expressions.map((expression) => ({ expression })) });

const valid: Omit<Case, 'expected'>[] = [
  // column-default: spellings of one default
  { name: 'now() vs CURRENT_TIMESTAMP', db: [withDefault('now()', 'timestamp')], code: [withDefault('CURRENT_TIMESTAMP', 'timestamp')] },
  { name: "0 vs '0'::integer", db: [withDefault('0')], code: [withDefault("'0'::integer")] },
  { name: "true vs 'true'::boolean", db: [withDefault('true', 'boolean')], code: [withDefault("'true'::boolean", 'boolean')] },
  { name: "'x'::text vs 'x'", db: [withDefault("'x'::text", 'text')], code: [withDefault("'x'", 'text')] },
  { name: '(-1) vs -1', db: [withDefault('(-1)')], code: [withDefault("'-1'::integer")] },
  { name: 'DEFAULT NULL is no default', db: [withDefault('NULL::integer')], code: [withDefault(undefined)] },
  {
    name: 'serial vs integer + owned sequence',
    db: [withDefault("nextval('users_n_seq'::regclass)", 'integer')],
    code: [withDefault("nextval('public.users_n_seq')", 'serial')],
  },
  // column-type: spellings of one type
  { name: 'timestamp(3) vs timestamp(3) without time zone', db: [withDefault(undefined, 'timestamp(3) without time zone')], code: [withDefault(undefined, 'timestamp(3)')] },
  { name: 'timestamptz vs timestamp with time zone', db: [withDefault(undefined, 'timestamp with time zone')], code: [withDefault(undefined, 'timestamptz')] },
  { name: 'varchar(64) vs character varying(64)', db: [withDefault(undefined, 'character varying(64)')], code: [withDefault(undefined, 'varchar(64)')] },
  { name: 'int4[] vs integer[]', db: [withDefault(undefined, 'integer[]')], code: [withDefault(undefined, 'int4[]')] },
  // unique: constraint vs unique index, column order
  { name: 'a UNIQUE constraint and a unique index are the same fact', db: [uniqueEmail('users_email_key')], code: [users({ indexes: [{ columns: ['email'], unique: true }] })] },
  {
    name: 'the column order of a uniqueness fact does not matter',
    db: [users({ uniques: [{ columns: ['id', 'email'] }] })],
    code: [users({ uniques: [{ columns: ['email', 'id'] }] })],
  },
  { name: 'a unique name only one source gives is no finding', db: [uniqueEmail('users_email_key')], code: [uniqueEmail()] },
  // checks: not read is not "none"
  { name: 'a source that did not read checks never takes part', db: [withChecks('(n > 0)')], code: [users()] },
  { name: 'a check spelled the way PostgreSQL prints it matches the bare one', db: [withChecks("((status)::text = 'x'::text)")], code: [withChecks("status = 'x'")] },
  { name: 'identical indexes', db: [indexedEmail({ name: 'ix_users_email' })], code: [indexedEmail()] },
  {
    name: 'index key details are not compared with a source that did not read them',
    db: [indexedEmail({ parts: [{ column: 'email', order: 'DESC', opclass: 'text_pattern_ops' }] })], code: [indexedEmail()],
  },
  {
    name: 'the same index key details',
    db: [indexedEmail({ parts: [{ column: 'email', order: 'DESC', nulls: 'LAST' }] })],
    code: [indexedEmail({ parts: [{ column: 'email', order: 'DESC', nulls: 'LAST' }] })],
  },
];

const invalid: Case[] = [
  {
    name: 'column-default: two different defaults',
    db: [withDefault('0')], code: [withDefault('1')],
    expected: [{ rule: 'column-default', severity: 'warning', table: 'users', column: 'n', values: { database: '0', drizzle: '1' } }],
  },
  {
    name: 'column-default: only code lacks the server default (it may set the value itself): info',
    db: [withDefault('now()', 'timestamp')], code: [withDefault(undefined, 'timestamp')],
    expected: [{ rule: 'column-default', severity: 'info', table: 'users', column: 'n', values: { database: 'now()', drizzle: null } }],
  },
  {
    name: 'column-default: code relies on a server default the database lacks',
    db: [withDefault(undefined)], code: [withDefault('0')],
    expected: [{ rule: 'column-default', severity: 'warning', table: 'users', column: 'n', values: { database: null, drizzle: '0' } }],
  },
  {
    name: 'unique-missing',
    db: [uniqueEmail('users_email_key')], code: [users()],
    expected: [{ rule: 'unique-missing', severity: 'warning', table: 'users', column: 'email', values: { database: 'UNIQUE (email)', drizzle: null } }],
  },
  {
    name: 'unique-extra',
    db: [users()], code: [uniqueEmail()],
    expected: [{ rule: 'unique-extra', severity: 'warning', table: 'users', column: 'email', values: { database: null, drizzle: 'UNIQUE (email)' } }],
  },
  {
    name: 'index-missing',
    db: [indexedEmail({ name: 'ix_users_email' })], code: [users()],
    expected: [{ rule: 'index-missing', severity: 'info', table: 'users', column: 'email', values: { database: 'INDEX (email)', drizzle: null } }],
  },
  {
    name: 'index-extra (a different method is a different index)',
    db: [indexedEmail()], code: [indexedEmail({ method: 'hash' })],
    expected: [
      { rule: 'index-missing', severity: 'info', table: 'users', column: 'email', values: { database: 'INDEX (email)', drizzle: null } },
      { rule: 'index-extra', severity: 'info', table: 'users', column: 'email', values: { database: null, drizzle: 'INDEX USING hash (email)' } },
    ],
  },
  {
    name: 'index-missing: the same key declared with another sort order and operator class',
    db: [indexedEmail({ parts: [{ column: 'email', order: 'DESC', opclass: 'text_pattern_ops' }] })],
    code: [indexedEmail({ parts: [{ column: 'email' }] })],
    expected: [{
      rule: 'index-missing', severity: 'info', table: 'users', column: 'email',
      values: { database: 'INDEX (email text_pattern_ops DESC)', drizzle: 'INDEX (email)' },
    }],
  },
  {
    name: 'check-missing',
    db: [withChecks('(n > 0)')], code: [withChecks()],
    expected: [{ rule: 'check-missing', severity: 'warning', table: 'users', column: null, values: { database: 'CHECK (n>0)', drizzle: null } }],
  },
  {
    name: 'constraint-name: the same unique constraint named by two tools is info',
    db: [uniqueEmail('users_email_key')], code: [uniqueEmail('users_email_unique')],
    expected: [{ rule: 'constraint-name', severity: 'info', table: 'users', column: 'email', values: { database: 'users_email_key', drizzle: 'users_email_unique' } }],
  },
  {
    name: 'constraint-name: foreign keys and primary keys too',
    db: [users({ primaryKey: { columns: ['id'], name: 'users_pkey' } })],
    code: [users({ primaryKey: { columns: ['id'], name: 'users_id_pk' } })],
    expected: [{ rule: 'constraint-name', severity: 'info', table: 'users', column: null, values: { database: 'users_pkey', drizzle: 'users_id_pk' } }],
  },
  {
    name: 'column-type: varchar vs text is a warning once equivalences.varcharText is off',
    db: [withDefault(undefined, 'character varying')], code: [withDefault(undefined, 'text')],
    options: { equivalences: { varcharText: false } },
    expected: [{ rule: 'column-type', severity: 'warning', table: 'users', column: 'n', values: { database: 'character varying', drizzle: 'text' } }],
  },
];

describe('rules added for issue 7', () => {
  describe('valid', () => {
    for (const c of valid) it(c.name, () => expect(run(c.db, c.code, c.options)).toEqual([]));
  });
  describe('invalid', () => {
    for (const c of invalid) it(c.name, () => expect(run(c.db, c.code, c.options)).toEqual(c.expected));
  });
});

describe('enum-values', () => {
  const mood = (values: string[]): EnumType => ({ schema: 'public', name: 'mood', values });
  const runEnums = (db: EnumType[] | undefined, code: EnumType[] | undefined) =>
    compare([model('database', 'database', [users()], { enums: db }), model('drizzle', 'drizzle', [users()], { enums: code })], { truth: 'database' })
      .map((f) => ({ rule: f.rule, severity: f.severity, table: f.table, values: f.values }));

  it('fires on different values and on a different order', () => {
    expect(runEnums([mood(['sad', 'ok'])], [mood(['sad', 'ok', 'happy'])])).toEqual([
      { rule: 'enum-values', severity: 'warning', table: 'mood', values: { database: "'sad', 'ok'", drizzle: "'sad', 'ok', 'happy'" } },
    ]);
    expect(runEnums([mood(['a', 'b'])], [mood(['b', 'a'])])).toHaveLength(1);
  });
  it('does not fire for equal enums, or for a source that did not read enums', () => {
    expect(runEnums([mood(['a', 'b'])], [mood(['a', 'b'])])).toEqual([]);
    expect(runEnums([mood(['a', 'b'])], undefined)).toEqual([]);
  });
  it('fires for a type code declares and the truth lacks, not for one code leaves out', () => {
    expect(runEnums([], [mood(['a'])])).toEqual([
      { rule: 'enum-values', severity: 'warning', table: 'mood', values: { database: null, drizzle: "'a'" } },
    ]);
    expect(runEnums([mood(['a'])], [])).toEqual([]);
    // A truth that does not read enums cannot say a type is missing.
    expect(runEnums(undefined, [mood(['a'])])).toEqual([]);
  });
});

describe('table-missing and table filters', () => {
  const posts = () => table('posts', [col('id', 'text')]);
  const runTables = (options: Partial<CompareOptions>) =>
    compare([model('database', 'database', [users(), posts()]), model('drizzle', 'drizzle', [users()])], { truth: 'database', ...options })
      .map((f) => ({ rule: f.rule, severity: f.severity, table: f.table, values: f.values, presence: f.presence }));

  it('a table a source does not declare is not modelled, unless the source must model it', () => {
    expect(runTables({})).toEqual([]);
    const missing = [{
      rule: 'table-missing', severity: 'warning', table: 'posts',
      values: { database: 'declared', drizzle: null }, presence: { database: 'present', drizzle: 'absent' },
    }];
    expect(runTables({ tables: { drizzle: { required: true } } })).toEqual(missing);
    expect(runTables({ tables: { drizzle: { mustModel: ['p*'] } } })).toEqual(missing);
    expect(runTables({ tables: { drizzle: { mustModel: ['users'] } } })).toEqual([]);
  });

  it('a required source that excludes a table is not required to model it', () => {
    expect(runTables({ tables: { drizzle: { required: true, exclude: ['posts'] } } })).toEqual([]);
  });

  it('a database lacking a table that code declares is critical', () => {
    const r = compare([model('database', 'database', [users()]), model('drizzle', 'drizzle', [users(), posts()])], {
      truth: 'database', tables: { database: { required: true } },
    });
    expect(r.map((f) => [f.rule, f.severity, f.table])).toEqual([['table-missing', 'critical', 'posts']]);
  });

  it('tables a filter leaves out are not compared at all', () => {
    const code = users({}, [col('id', 'uuid'), col('email', 'text')]);
    const r = (tables: CompareOptions['tables']) =>
      compare([model('database', 'database', [users()]), model('drizzle', 'drizzle', [code])], { truth: 'database', tables }).map((f) => f.rule);
    expect(r(undefined)).toEqual(['column-type']);
    expect(r({ drizzle: { exclude: ['us*'] } })).toEqual([]);
    expect(r({ database: { include: ['posts'] } })).toEqual([]);
  });
});

describe('owners, severities and ignore entries', () => {
  const db = [users(), table('teams', [col('id', 'text'), col('name', 'text')])];
  const code = [users({}, [col('id', 'uuid'), col('email', 'text')]), table('teams', [col('id', 'uuid'), col('name', 'text')])];
  const runPolicy = (options: Partial<CompareOptions>) =>
    compare([model('database', 'database', db), model('drizzle', 'drizzle', code)], { truth: 'database', ...options })
      .map((f) => ({ rule: f.rule, severity: f.severity, table: f.table, truth: f.truth }));

  it('the owner of a table is its truth; an exact key beats a glob, and * is the fallback', () => {
    expect(runPolicy({ owners: [{ pattern: '*', source: 'database' }, { pattern: 'users', source: 'drizzle' }] })).toEqual([
      { rule: 'column-type', severity: 'warning', table: 'users', truth: 'drizzle' },
      { rule: 'column-type', severity: 'warning', table: 'teams', truth: 'database' },
    ]);
    expect(runPolicy({ owners: [{ pattern: '*', source: 'database' }, { pattern: 't*', source: 'drizzle' }] }).map((f) => f.truth)).toEqual([
      'database', 'drizzle',
    ]);
    // An owner that is not a source of this run (--only-source) is skipped.
    expect(runPolicy({ owners: [{ pattern: '*', source: 'prod' }] }).map((f) => f.truth)).toEqual(['database', 'database']);
  });

  it('a rule can be turned off or given another severity, but an equivalence stays info', () => {
    expect(runPolicy({ severities: { 'column-type': 'off' } })).toEqual([]);
    expect(runPolicy({ severities: { 'column-type': 'critical' } }).map((f) => f.severity)).toEqual(['critical', 'critical']);
    const varchar = compare(
      [model('database', 'database', [withDefault(undefined, 'text')]), model('drizzle', 'drizzle', [withDefault(undefined, 'character varying')])],
      { truth: 'database', severities: { 'column-type': 'critical' } },
    );
    expect(varchar.map((f) => f.severity)).toEqual(['info']);
  });

  it('ignore entries drop the findings they match (globs; column * includes table-wide findings)', () => {
    expect(runPolicy({ ignore: [{ rule: 'column-type', table: 'teams', column: '*' }] }).map((f) => f.table)).toEqual(['users']);
    expect(runPolicy({ ignore: [{ table: '*', column: 'i?' }] })).toEqual([]);
    expect(runPolicy({ ignore: [{ rule: 'fk-*' }] })).toHaveLength(2);
  });
});

describe('table globs', () => {
  it('match the table name or schema.table, as the database source\'s filter does', () => {
    const auth = (name: string): Table => ({ ...table(name, [col('id', 'text')]), schema: 'auth' });
    const code = { ...table('users', [col('id', 'uuid')]), schema: 'auth' };
    const rules = (tables: CompareOptions['tables']) =>
      compare([model('database', 'database', [auth('users')]), model('drizzle', 'drizzle', [code])], { truth: 'database', tables }).map((f) => f.rule);
    expect(rules(undefined)).toEqual(['column-type']);
    expect(rules({ drizzle: { exclude: ['users'] } })).toEqual([]);
    expect(rules({ drizzle: { exclude: ['auth.*'] } })).toEqual([]);
    expect(rules({ drizzle: { exclude: ['public.*'] } })).toEqual(['column-type']);
  });
});
