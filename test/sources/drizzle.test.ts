import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SourceError } from '../../src/errors.ts';
import type { SchemaModel, Span, Table } from '../../src/model/schema.ts';
import { readDrizzle } from '../../src/sources/drizzle/index.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const exampleDir = path.join(root, 'examples/credits-app');
const exampleFile = 'nextjs/src/database/schema.ts';
const fixtures = path.join(root, 'test/fixtures/drizzle');

function table(model: SchemaModel, name: string): Table {
  const found = model.tables.find((t) => t.name === name);
  if (!found) throw new Error(`no table ${name} in ${model.tables.map((t) => t.name).join(', ')}`);
  return found;
}

function textAt(dir: string, loc: Span | undefined): string {
  if (!loc) throw new Error('no span');
  return readFileSync(path.join(dir, loc.file), 'utf8').slice(loc.start, loc.end);
}

function tmpFile(name: string, text: string): { dir: string; file: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'schemadrift-drizzle-'));
  writeFileSync(path.join(dir, name), text);
  return { dir, file: name };
}

describe('readDrizzle on the credits example', async () => {
  const model = await readDrizzle({ name: 'drizzle', files: [exampleFile], cwd: exampleDir });

  it('reads every table, in file order, with no diagnostics', () => {
    expect(model.source).toBe('drizzle');
    expect(model.kind).toBe('drizzle');
    expect(model.diagnostics).toEqual([]);
    expect(model.tables.map((t) => [t.schema, t.name, t.binding])).toEqual([
      ['public', 'users', 'users'],
      ['public', 'sessions', 'sessions'],
      ['public', 'accounts', 'accounts'],
      ['public', 'verifications', 'verifications'],
      ['public', 'teams', 'teams'],
      ['public', 'user_credits', 'userCredits'],
      ['public', 'credit_transactions', 'creditTransactions'],
      ['public', 'api_key_credits', 'apiKeyCredits'],
    ]);
  });

  it('reads users: columns, types, nullability, primary key, unique', () => {
    const users = table(model, 'users');
    expect(users.columns.map((c) => [c.name, c.binding, c.type.sql, c.nullable, c.default])).toEqual([
      ['id', 'id', 'text', false, undefined],
      ['name', 'name', 'text', false, undefined],
      ['email', 'email', 'text', false, undefined],
      ['email_verified', 'emailVerified', 'boolean', false, undefined],
      ['image', 'image', 'text', true, undefined],
      ['avatar', 'avatar', 'text', true, undefined],
      ['avatar_url', 'avatarUrl', 'text', true, undefined],
      ['created_at', 'createdAt', 'timestamp without time zone', false, undefined],
      ['updated_at', 'updatedAt', 'timestamp without time zone', false, undefined],
      ['stripe_customer_id', 'stripeCustomerId', 'text', true, undefined],
    ]);
    expect(users.primaryKey?.columns).toEqual(['id']);
    expect(users.uniques.map((u) => u.columns)).toEqual([['email']]);
    expect(users.foreignKeys).toEqual([]);
    expect(users.loc).toMatchObject({ file: exampleFile, line: 3, column: 22 });
    expect(textAt(exampleDir, users.loc)).toMatch(/^pgTable\("users", \{[\s\S]*\}\)$/);
  });

  it('reads credit_transactions with its wrong user_id foreign key and exact spans', () => {
    const tx = table(model, 'credit_transactions');
    expect(tx.columns.map((c) => [c.name, c.type.sql, c.type.written, c.nullable, c.default])).toEqual([
      ['id', 'text', 'text("id")', false, undefined],
      ['user_id', 'text', 'text("user_id")', false, undefined],
      ['team_id', 'text', 'text("team_id")', true, undefined],
      ['amount', 'integer', 'integer("amount")', false, undefined],
      ['type', 'text', 'text("type")', false, undefined],
      ['operation', 'text', 'text("operation")', true, undefined],
      ['resource_id', 'text', 'text("resource_id")', true, undefined],
      ['api_key_id', 'text', 'text("api_key_id")', true, undefined],
      ['transaction_metadata', 'text', 'text("transaction_metadata")', true, undefined],
      ['created_at', 'timestamp without time zone', 'timestamp("created_at")', false, 'now()'],
    ]);
    const [userFk, teamFk] = tx.foreignKeys;
    expect(tx.foreignKeys).toHaveLength(2);
    expect(userFk).toMatchObject({
      columns: ['user_id'],
      target: { schema: 'public', table: 'users', columns: ['id'] },
      onDelete: 'CASCADE',
      onUpdate: 'NO ACTION',
    });
    expect(userFk!.name).toBeUndefined();
    expect(userFk!.loc).toMatchObject({ file: exampleFile, line: 115, column: 6 });
    expect(textAt(exampleDir, userFk!.loc)).toBe('references(() => users.id, { onDelete: "cascade" })');
    expect(userFk!.targetLoc).toMatchObject({ line: 115, column: 23 });
    expect(textAt(exampleDir, userFk!.targetLoc)).toBe('users.id');
    expect(userFk!.onDeleteLoc).toMatchObject({ line: 115, column: 35 });
    expect(textAt(exampleDir, userFk!.onDeleteLoc)).toBe('onDelete: "cascade"');

    expect(teamFk).toMatchObject({
      columns: ['team_id'],
      target: { schema: 'public', table: 'teams', columns: ['id'] },
      onDelete: 'NO ACTION',
      onUpdate: 'NO ACTION',
    });
    expect(teamFk!.onDeleteLoc).toBeUndefined();
    expect(textAt(exampleDir, teamFk!.loc)).toBe('references(() => teams.id)');

    const userId = tx.columns[1]!;
    expect(userId.loc).toMatchObject({ line: 113, column: 3 });
    expect(textAt(exampleDir, userId.loc)).toBe(
      'userId: text("user_id")\n    .notNull()\n    .references(() => users.id, { onDelete: "cascade" })',
    );
  });

  it('reads the other foreign keys the seed report compares', () => {
    const targets = (name: string) =>
      table(model, name).foreignKeys.map((fk) => `${fk.columns[0]} -> ${fk.target.table}.${fk.target.columns[0]} ${fk.onDelete}`);
    expect(targets('teams')).toEqual(['owner_id -> users.id CASCADE']);
    expect(targets('user_credits')).toEqual(['user_id -> users.id CASCADE', 'team_id -> teams.id NO ACTION']);
    expect(targets('api_key_credits')).toEqual(['user_id -> users.id CASCADE', 'team_id -> teams.id NO ACTION']);
    expect(targets('sessions')).toEqual(['user_id -> users.id CASCADE']);
  });

  it('reads defaults the database keeps and ignores application-side ones', () => {
    const credits = table(model, 'user_credits');
    expect(credits.primaryKey?.columns).toEqual(['user_id']);
    expect(credits.columns.map((c) => [c.name, c.default])).toEqual([
      ['user_id', undefined],
      ['credits', '0'],
      ['total_credits_purchased', '0'],
      ['team_id', undefined],
      ['created_at', 'now()'],
      ['updated_at', 'now()'],
    ]);
    // `$defaultFn(() => new Date())` runs in the app, so the column has no database default.
    expect(table(model, 'verifications').columns.find((c) => c.name === 'created_at')).toMatchObject({
      nullable: true,
    });
    expect(table(model, 'verifications').columns.find((c) => c.name === 'created_at')?.default).toBeUndefined();
  });

  it('accepts absolute paths and shows them relative to cwd', async () => {
    const abs = await readDrizzle({ name: 'd', files: [path.join(exampleDir, exampleFile)], cwd: exampleDir });
    expect(abs.tables[0]!.loc!.file).toBe(exampleFile);
  });
});

describe('readDrizzle column types', async () => {
  const model = await readDrizzle({ name: 'drizzle', files: ['types.ts'], cwd: fixtures });
  const everything = table(model, 'everything');
  const col = (name: string) => {
    const found = everything.columns.find((c) => c.name === name);
    if (!found) throw new Error(`no column ${name}`);
    return found;
  };

  it('spells types the way format_type prints them', () => {
    expect(everything.columns.map((c) => [c.name, c.type.sql])).toEqual([
      ['id', 'integer'],
      ['big', 'bigint'],
      ['plain', 'text'],
      ['tags', 'text[]'],
      ['v', 'character varying'],
      ['v64', 'character varying(64)'],
      ['c', 'character(1)'],
      ['c3', 'character(3)'],
      ['i', 'integer'],
      ['s', 'smallint'],
      ['b', 'bigint'],
      ['flag', 'boolean'],
      ['r', 'real'],
      ['d', 'double precision'],
      ['n', 'numeric'],
      ['n10', 'numeric(10,2)'],
      ['n5', 'numeric(5,0)'],
      ['day', 'date'],
      ['t', 'time without time zone'],
      ['ttz', 'time(6) with time zone'],
      ['ts', 'timestamp without time zone'],
      ['tstz', 'timestamp with time zone'],
      ['ts3', 'timestamp(3) without time zone'],
      ['iv', 'interval'],
      ['ivf', 'interval day to second(3)'],
      ['j', 'json'],
      ['jb', 'jsonb'],
      ['u', 'uuid'],
      ['ip', 'inet'],
      ['net', 'cidr'],
      ['mac', 'macaddr'],
      ['raw', 'bytea'],
      ['ns', 'text'],
      ['m', '"Mood"'],
      ['shape', null],
      ['odd', null],
      ['computed', 'integer'],
      ['later', null],
    ]);
  });

  it('key without a name argument is the column name; written keeps the builder call', () => {
    expect(col('plain')).toMatchObject({ binding: 'plain', type: { written: 'str()' } });
    expect(col('c3').type.written).toBe('char({ length: 3 })');
  });

  it('records defaults as SQL text', () => {
    expect(col('i').default).toBe('-1');
    expect(col('flag').default).toBe('false');
    expect(col('ns').default).toBe("'it''s'");
    expect(col('tags').default).toBe("'{}'::text[]");
    expect(col('u').default).toBe('gen_random_uuid()');
    // jsonb prints its text back normalized: keys sorted, `": "` and `", "` separators.
    expect(col('jb').default).toBe("'{}'::jsonb");
    expect(col('computed').default).toBeUndefined();
  });

  it('makes serial columns NOT NULL with their sequence default', () => {
    expect(col('id')).toMatchObject({ nullable: false, default: "nextval('everything_id_seq'::regclass)" });
    expect(col('big')).toMatchObject({ nullable: false, default: "nextval('everything_big_seq'::regclass)" });
  });

  it('reports what it cannot read as diagnostics with locations', () => {
    const messages = model.diagnostics.map((d) => `${d.loc?.line}: ${d.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        '46: unsupported column builder tsvector ignored',
        '45: unsupported column builder geometry ignored',
        '48: varchar option length is not a literal; column type left unknown',
      ]),
    );
    expect(messages).toHaveLength(3);
    const geometry = model.diagnostics.find((d) => d.message.includes('geometry'))!;
    expect(textAt(fixtures, geometry.loc)).toBe('geometry("shape")');
  });

  it('reads the callback form pgTable("x", (t) => ({ ... }))', () => {
    const cb = table(model, 'callback_style');
    expect(cb.columns.map((c) => [c.name, c.type.sql, c.nullable])).toEqual([
      ['id', 'uuid', false],
      ['label', 'character varying(20)', false],
    ]);
    expect(cb.uniques).toMatchObject([{ columns: ['label'], name: 'callback_label_key', nullsNotDistinct: true }]);
  });
});

describe('readDrizzle across files', async () => {
  const model = await readDrizzle({
    name: 'drizzle',
    files: ['multi/credits.ts', 'multi/auth.ts', path.join(fixtures, 'multi/enums.ts')],
    cwd: fixtures,
  });
  const fks = (name: string) =>
    table(model, name).foreignKeys.map((fk) => [fk.columns, `${fk.target.table}.${fk.target.columns.join(',')}`, fk.onDelete, fk.onUpdate]);

  it('resolves renamed, aliased-export and namespace imports after all files are read', () => {
    expect(model.diagnostics).toEqual([]);
    expect(model.tables.map((t) => `${t.loc?.file}:${t.name}`)).toEqual([
      'multi/credits.ts:user_credits',
      'multi/credits.ts:credit_transactions',
      'multi/auth.ts:users',
      'multi/auth.ts:organizations',
    ]);
    expect(fks('user_credits')).toEqual([
      [['user_id'], 'users.id', 'CASCADE', 'NO ACTION'],
      [['org_id'], 'organizations.id', 'SET NULL', 'CASCADE'],
    ]);
    expect(fks('credit_transactions')).toEqual([
      [['user_id'], 'user_credits.user_id', 'NO ACTION', 'NO ACTION'],
      [['approver_id'], 'users.id', 'RESTRICT', 'NO ACTION'],
    ]);
    expect(fks('organizations')).toEqual([[['owner_id'], 'users.id', 'NO ACTION', 'NO ACTION']]);
  });

  it('types enum columns by the enum name, wherever the enum is declared', () => {
    const tx = table(model, 'credit_transactions');
    expect(table(model, 'user_credits').columns.find((c) => c.name === 'status')?.type.sql).toBe('credit_status');
    expect(tx.columns.find((c) => c.name === 'statuses')?.type.sql).toBe('credit_status[]');
  });

  it('follows the imports of a file it is given to resolve keys and enums, without taking in their tables', async () => {
    const partial = await readDrizzle({ name: 'drizzle', files: ['multi/credits.ts'], cwd: fixtures });
    expect(partial.tables.map((t) => t.name)).toEqual(['user_credits', 'credit_transactions']);
    expect(table(partial, 'user_credits').foreignKeys.map((fk) => `${fk.target.table}.${fk.target.columns[0]}`)).toEqual([
      'users.id',
      'organizations.id',
    ]);
    expect(table(partial, 'credit_transactions').foreignKeys.map((fk) => fk.target.table)).toEqual(['user_credits', 'users']);
    expect(table(partial, 'user_credits').columns.find((c) => c.name === 'status')?.type.sql).toBe('credit_status');
    expect(partial.diagnostics).toEqual([]);
  });

  it('reports a target it cannot resolve and skips that foreign key', async () => {
    const { dir, file } = tmpFile(
      'orphans.ts',
      [
        'import { pgTable, text } from "drizzle-orm/pg-core";',
        'import { users } from "./missing";',
        'import { statusEnum } from "some-package";',
        'export const posts = pgTable("posts", {',
        '  authorId: text("author_id").references(() => users.id),',
        '  status: statusEnum("status"),',
        '});',
      ].join('\n'),
    );
    const partial = await readDrizzle({ name: 'drizzle', files: [file], cwd: dir });
    expect(table(partial, 'posts').foreignKeys).toEqual([]);
    expect(partial.diagnostics.map((d) => `${d.loc?.file}:${d.loc?.line}: ${d.message}`)).toEqual([
      'orphans.ts:6: unsupported column builder statusEnum ignored',
      'orphans.ts:5: cannot resolve foreign key target users.id: no table users in scope; foreign key ignored',
    ]);
  });
});

describe('readDrizzle table config (third argument)', async () => {
  const model = await readDrizzle({ name: 'drizzle', files: ['extra.ts'], cwd: fixtures });

  it('reads primaryKey, foreignKey with actions, unique and indexes in the array form', () => {
    const ledger = table(model, 'ledger');
    expect(ledger.primaryKey).toMatchObject({ columns: ['tenant_id', 'account_number', 'line'], name: 'ledger_pk' });
    expect(textAt(fixtures, ledger.primaryKey!.loc)).toMatch(/^primaryKey\(\{ columns: \[t\.tenantId/);
    expect(ledger.foreignKeys).toHaveLength(2);
    const [composite, self] = ledger.foreignKeys;
    expect(composite).toMatchObject({
      columns: ['tenant_id', 'account_number'],
      target: { schema: 'public', table: 'accounts', columns: ['tenant_id', 'number'] },
      onDelete: 'CASCADE',
      onUpdate: 'RESTRICT',
      name: 'ledger_account_fk',
    });
    expect(textAt(fixtures, composite!.targetLoc)).toBe('[accounts.tenantId, accounts.number]');
    expect(textAt(fixtures, composite!.onDeleteLoc)).toBe('onDelete("cascade")');
    expect(textAt(fixtures, composite!.loc)).toMatch(/^foreignKey\(\{[\s\S]*\.onUpdate\("restrict"\)$/);
    expect(self).toMatchObject({
      columns: ['parent_line'],
      target: { table: 'ledger', columns: ['line'] },
      onDelete: 'NO ACTION',
    });
    expect(textAt(fixtures, self!.targetLoc)).toBe('t.line');
    expect(ledger.uniques).toMatchObject([{ columns: ['tenant_id', 'memo'], name: 'ledger_memo_key', nullsNotDistinct: true }]);
    expect(ledger.indexes.map((i) => [i.name, i.columns, i.unique, i.parts])).toEqual([
      // drizzle-kit writes `.desc()` as DESC NULLS LAST, which is not PostgreSQL's default for DESC.
      ['ledger_memo_idx', ['memo'], false, [{ column: 'memo', order: 'DESC', nulls: 'LAST' }]],
      [undefined, ['tenant_id', 'line'], true, [{ column: 'tenant_id' }, { column: 'line' }]],
      ['ledger_lower_memo', [], false, [{ expression: 'lower(memo)' }]],
    ]);
    expect(ledger.checks).toEqual([
      { name: 'line_positive', expression: 'line > 0', loc: expect.objectContaining({ line: 33, column: 5 }) },
    ]);
    expect(textAt(fixtures, ledger.checks![0]!.loc)).toBe('check("line_positive", sql`${t.line} > 0`)');
  });

  it('reads the object form and the older primaryKey(a, b) call; PK columns become NOT NULL', () => {
    const legacy = table(model, 'legacy');
    expect(legacy.primaryKey?.columns).toEqual(['a', 'b']);
    expect(legacy.columns.map((c) => c.nullable)).toEqual([false, false]);
    expect(legacy.indexes).toMatchObject([{ name: 'legacy_b_idx', columns: ['b'], unique: false }]);
    expect(legacy.foreignKeys).toMatchObject([
      { columns: ['b'], target: { table: 'accounts', columns: ['email'] }, onDelete: 'SET NULL' },
    ]);
  });

  it('reads every construct of the fixture without a diagnostic', () => {
    expect(model.diagnostics).toEqual([]);
  });
});

describe('readDrizzle schemas, enums and shared columns', async () => {
  const model = await readDrizzle({ name: 'drizzle', files: ['schemas.ts'], cwd: fixtures });

  it('reads pgSchema tables and enums into their schema', () => {
    expect(model.diagnostics).toEqual([]);
    expect(model.tables.map((t) => `${t.schema}.${t.name}`)).toEqual(['billing.customers', 'billing.invoices']);
    const invoices = table(model, 'invoices');
    expect(invoices.foreignKeys).toMatchObject([
      { columns: ['customer_id'], target: { schema: 'billing', table: 'customers', columns: ['id'] }, onDelete: 'CASCADE' },
    ]);
    expect(invoices.columns.find((c) => c.name === 'status')?.type.sql).toBe('billing.invoice_status');
  });

  it('reads columns spread from an object literal in the same file, located where they are written', () => {
    for (const name of ['customers', 'invoices']) {
      const created = table(model, name).columns.find((c) => c.name === 'created_at');
      expect(created).toMatchObject({ type: { sql: 'timestamp without time zone' }, nullable: false, default: 'now()' });
      expect(created!.loc!.line).toBe(5);
    }
  });
});

describe('readDrizzle offsets', () => {
  it('indexes the text as it is on disk, BOM and CRLF included', async () => {
    const text =
      '\uFEFFimport { pgTable, text } from "drizzle-orm/pg-core";\r\n' +
      'export const a = pgTable("a", {\r\n\tid: text("id").primaryKey(),\r\n});\r\n' +
      'export const b = pgTable("b", {\r\n\taId: text("a_id")\r\n\t\t.references(() => a.id, { onDelete: "set null" }),\r\n});\r\n';
    const { dir, file } = tmpFile('bom.ts', text);
    const model = await readDrizzle({ name: 'drizzle', files: [file], cwd: dir });
    const fk = table(model, 'b').foreignKeys[0]!;
    expect(fk.loc).toMatchObject({ line: 7, column: 4 });
    expect(textAt(dir, fk.loc)).toBe('references(() => a.id, { onDelete: "set null" })');
    expect(textAt(dir, fk.targetLoc)).toBe('a.id');
    expect(textAt(dir, fk.onDeleteLoc)).toBe('onDelete: "set null"');
  });
});

describe('readDrizzle errors', () => {
  it('throws SourceError with file:line:column for a file that does not parse', async () => {
    const { dir, file } = tmpFile(
      'bad.ts',
      'import { pgTable, text } from "drizzle-orm/pg-core";\n\nexport const users = pgTable("users", {\n  id: text("id").primaryKey(,\n});\n',
    );
    const read = readDrizzle({ name: 'drizzle', files: [file], cwd: dir });
    await expect(read).rejects.toBeInstanceOf(SourceError);
    await expect(read).rejects.toMatchObject({
      message: 'bad.ts:4:29: syntax error: Argument expression expected.',
      loc: { file: 'bad.ts', line: 4, column: 29 },
    });
  });

  it('throws SourceError for a file that does not exist', async () => {
    const read = readDrizzle({ name: 'drizzle', files: ['nope/schema.ts'], cwd: fixtures });
    await expect(read).rejects.toBeInstanceOf(SourceError);
    await expect(read).rejects.toThrow('nope/schema.ts: no such file');
  });

  it('keeps going past unsupported column definitions and modifiers', async () => {
    const { dir, file } = tmpFile(
      'odd.ts',
      [
        'import { pgTable, text } from "drizzle-orm/pg-core";',
        'const shared = makeColumns();',
        'export const things = pgTable("things", {',
        '  id: text("id").primaryKey().unknownThing(),',
        '  ...shared,',
        '  [computed]: text("c"),',
        '  loose: someColumn,',
        '  owner: text("owner").references(ownerColumn),',
        '});',
        'export const again = pgTable("things", { id: text("id") });',
        '',
      ].join('\n'),
    );
    const model = await readDrizzle({ name: 'drizzle', files: [file], cwd: dir });
    expect(model.tables.map((t) => t.columns.map((c) => c.name))).toEqual([['id', 'owner']]);
    expect(model.tables[0]!.foreignKeys).toEqual([]);
    expect(model.diagnostics.map((d) => `${d.loc?.line}:${d.loc?.column}: ${d.message}`)).toEqual([
      '4:31: unsupported column modifier unknownThing ignored',
      '5:3: spread shared in table things cannot be read statically; ignored',
      '6:3: computed column key in table things ignored',
      '7:3: unsupported column definition things.loose ignored',
      '8:35: references target of things.owner is not `() => table.column`; ignored',
      '10:22: table things is declared more than once; only the first declaration is read',
    ]);
    // Said apart from the text, for the planner: removing one declaration would leave the other.
    expect(model.diagnostics.filter((d) => d.duplicateTable).map((d) => d.duplicateTable)).toEqual(['things']);
  });
});
