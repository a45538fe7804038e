import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DatabaseError } from '../../src/errors.ts';
import type { Column, SchemaModel, Table } from '../../src/model/schema.ts';
import { introspect, readDatabase, type Queryable } from '../../src/sources/database/index.ts';
import { pgQueryable } from '../../src/sources/database/queryable.ts';
import { redactor } from '../../src/sources/database/redact.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const EXAMPLE_SQL = 'examples/credits-app/db/schema.sql';
const FEATURES_SQL = 'test/fixtures/sql/features.sql';

const read = (url: string, schemas?: string[]) => readDatabase({ name: 'database', url, cwd: ROOT, schemas });

function col(name: string, type: string, nullable: boolean, defaultSql?: string): Column {
  return { name, type: { sql: type }, nullable, ...(defaultSql === undefined ? {} : { default: defaultSql }) };
}

function table(model: SchemaModel, key: string): Table {
  const [schema, name] = key.includes('.') ? key.split('.') : ['public', key];
  const found = model.tables.find((t) => t.schema === schema && t.name === name);
  if (!found) throw new Error(`no table ${key} in ${model.tables.map((t) => `${t.schema}.${t.name}`).join(', ')}`);
  return found;
}

const keys = (model: SchemaModel) => model.tables.map((t) => `${t.schema}.${t.name}`);

// Scripts written by the tests themselves, so the lines they are expected to fail at are in plain view.
let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'schemadrift-db-test-'));
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

/** Runs `fn` and returns what it threw, so the error itself can be inspected. */
async function failure(fn: () => Promise<unknown>): Promise<Error> {
  try {
    await fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a failure');
}

describe('credits-app example', () => {
  let db: TestDatabase;
  let live: SchemaModel;
  beforeAll(async () => {
    db = await createTestDatabase(path.join(ROOT, EXAMPLE_SQL));
    live = await read(db.url);
  });
  afterAll(() => db?.drop());

  it('lists every table, sorted', () => {
    expect(live.source).toBe('database');
    expect(live.kind).toBe('database');
    expect(keys(live)).toEqual([
      'public.accounts',
      'public.api_key_credits',
      'public.credit_transactions',
      'public.sessions',
      'public.teams',
      'public.user_credits',
      'public.users',
      'public.verifications',
    ]);
    expect(live.diagnostics).toEqual([]);
  });

  it('reads the credit tables exactly', () => {
    const now = 'now()';
    expect(table(live, 'credit_transactions')).toStrictEqual({
      schema: 'public',
      name: 'credit_transactions',
      columns: [
        col('id', 'character varying', false),
        col('user_id', 'character varying', false),
        col('team_id', 'character varying', true),
        col('amount', 'integer', false),
        col('type', 'character varying', false),
        col('operation', 'character varying', true),
        col('resource_id', 'character varying', true),
        col('api_key_id', 'character varying', true),
        col('transaction_metadata', 'text', true),
        col('created_at', 'timestamp without time zone', false, now),
      ],
      primaryKey: { columns: ['id'], name: 'credit_transactions_pkey' },
      foreignKeys: [
        {
          columns: ['team_id'],
          target: { schema: 'public', table: 'teams', columns: ['id'] },
          onDelete: 'NO ACTION',
          onUpdate: 'NO ACTION',
          name: 'credit_transactions_team_id_fkey',
        },
        {
          columns: ['user_id'],
          target: { schema: 'public', table: 'user_credits', columns: ['user_id'] },
          onDelete: 'NO ACTION',
          onUpdate: 'NO ACTION',
          name: 'credit_transactions_user_id_fkey',
        },
      ],
      uniques: [],
      indexes: [
        { name: 'ix_credit_transactions_type', columns: ['type'], unique: false },
        { name: 'ix_credit_transactions_user_id', columns: ['user_id'], unique: false },
      ],
    });

    expect(table(live, 'user_credits')).toStrictEqual({
      schema: 'public',
      name: 'user_credits',
      columns: [
        col('user_id', 'character varying', false),
        col('credits', 'integer', false, '0'),
        col('total_credits_purchased', 'integer', false, '0'),
        col('team_id', 'character varying', true),
        col('created_at', 'timestamp without time zone', false, now),
        col('updated_at', 'timestamp without time zone', false, now),
      ],
      primaryKey: { columns: ['user_id'], name: 'user_credits_pkey' },
      foreignKeys: [
        {
          columns: ['team_id'],
          target: { schema: 'public', table: 'teams', columns: ['id'] },
          onDelete: 'NO ACTION',
          onUpdate: 'NO ACTION',
          name: 'user_credits_team_id_fkey',
        },
        {
          columns: ['user_id'],
          target: { schema: 'public', table: 'users', columns: ['id'] },
          onDelete: 'CASCADE',
          onUpdate: 'NO ACTION',
          name: 'user_credits_user_id_fkey',
        },
      ],
      uniques: [],
      indexes: [],
    });

    const apiKeyCredits = table(live, 'api_key_credits');
    expect(apiKeyCredits.primaryKey).toEqual({ columns: ['api_key'], name: 'api_key_credits_pkey' });
    expect(apiKeyCredits.foreignKeys.map((fk) => [fk.columns, fk.target, fk.onDelete])).toEqual([
      [['team_id'], { schema: 'public', table: 'teams', columns: ['id'] }, 'NO ACTION'],
      [['user_id'], { schema: 'public', table: 'user_credits', columns: ['user_id'] }, 'NO ACTION'],
    ]);
  });

  it('reads the Better Auth and team tables', () => {
    const users = table(live, 'users');
    expect(users.columns.map((c) => [c.name, c.type.sql, c.nullable])).toEqual([
      ['id', 'text', false],
      ['name', 'text', false],
      ['email', 'text', false],
      ['email_verified', 'boolean', false],
      ['image', 'text', true],
      ['avatar', 'text', true],
      ['avatar_url', 'text', true],
      ['created_at', 'timestamp without time zone', false],
      ['updated_at', 'timestamp without time zone', false],
      ['stripe_customer_id', 'text', true],
    ]);
    expect(users.primaryKey).toEqual({ columns: ['id'], name: 'users_pkey' });
    expect(users.uniques).toStrictEqual([{ columns: ['email'], name: 'users_email_unique' }]);
    // A unique constraint's own index is the constraint, not a separate index.
    expect(users.indexes).toEqual([]);

    expect(table(live, 'teams').foreignKeys).toStrictEqual([
      {
        columns: ['owner_id'],
        target: { schema: 'public', table: 'users', columns: ['id'] },
        onDelete: 'CASCADE',
        onUpdate: 'NO ACTION',
        name: 'teams_owner_id_users_id_fk',
      },
    ]);
    expect(table(live, 'teams').columns.find((c) => c.name === 'credits')).toStrictEqual(col('credits', 'integer', false, '0'));
  });

  it('gives the same model from the .sql file replayed into PGlite', async () => {
    expect(await read(EXAMPLE_SQL)).toStrictEqual(live);
  });

  it('accepts the postgresql:// spelling of the URL', async () => {
    expect(await read(db.url.replace(/^postgres:/, 'postgresql:'))).toStrictEqual(live);
  });
});

describe('catalog features', () => {
  let db: TestDatabase;
  let live: SchemaModel;
  beforeAll(async () => {
    db = await createTestDatabase(path.join(ROOT, FEATURES_SQL));
    live = await read(db.url);
  });
  afterAll(() => db?.drop());

  it('is read identically from a live server and from PGlite', async () => {
    expect(await read(FEATURES_SQL)).toStrictEqual(live);
  });

  it('keeps application tables only: no partitions, no migration bookkeeping, nothing in the drizzle schema', () => {
    expect(keys(live)).toEqual([
      'billing.accounts',
      'billing.invoices',
      'public.event_notes',
      'public.events',
      'public.people',
    ]);
  });

  it('spells types, defaults and nullability as PostgreSQL does', () => {
    expect(table(live, 'billing.invoices').columns).toStrictEqual([
      col('id', 'bigint', false),
      col('org_id', 'integer', true),
      col('account_no', 'character varying(64)', true),
      col('total', 'numeric(10,2)', false, '0'),
      // A generated column's expression is not a default.
      col('total_cents', 'bigint', true),
      col('issued_at', 'timestamp(3) with time zone', false, 'now()'),
      col('tags', 'text[]', false, "'{}'::text[]"),
      col('scores', 'integer[]', true),
      col('status', 'billing.invoice_status', false, "'draft'::billing.invoice_status"),
      col('reference', 'text', true),
    ]);
    expect(table(live, 'people').columns).toStrictEqual([
      col('id', 'integer', false, "nextval('people_id_seq'::regclass)"),
      col('email', 'character varying(64)', false),
      col('display_name', 'text', true),
      col('handle', 'citext', true),
      col('public_id', 'uuid', false, 'uuid_generate_v4()'),
      col('current_mood', 'mood', true, "'happy'::mood"),
      col('nicknames', 'character varying(20)[]', true),
      col('createdAt', 'timestamp(3) with time zone', false, 'now()'),
    ]);
  });

  it('reads composite keys, and foreign key columns in the order they pair up', () => {
    expect(table(live, 'billing.accounts').primaryKey).toEqual({ columns: ['org_id', 'account_no'], name: 'accounts_pkey' });
    expect(table(live, 'billing.accounts').foreignKeys).toStrictEqual([
      {
        columns: ['owner_id'],
        target: { schema: 'public', table: 'people', columns: ['id'] },
        onDelete: 'RESTRICT',
        onUpdate: 'NO ACTION',
        name: 'accounts_owner_id_fkey',
      },
    ]);
    const invoices = table(live, 'billing.invoices');
    expect(invoices.primaryKey).toEqual({ columns: ['id'], name: 'invoices_pkey' });
    expect(invoices.foreignKeys).toStrictEqual([
      {
        columns: ['account_no', 'org_id'],
        target: { schema: 'billing', table: 'accounts', columns: ['account_no', 'org_id'] },
        onDelete: 'SET NULL',
        onUpdate: 'CASCADE',
        name: 'invoices_account_fk',
      },
    ]);
    expect(invoices.uniques).toStrictEqual([
      { columns: ['org_id', 'reference'], name: 'invoices_org_reference_key', nullsNotDistinct: true },
    ]);
  });

  it('reads a partitioned table once, and a foreign key to it once', () => {
    const events = table(live, 'events');
    expect(events.primaryKey).toEqual({ columns: ['id', 'happened_at'], name: 'events_pkey' });
    expect(events.indexes).toStrictEqual([{ name: 'events_payload_idx', columns: ['payload'], unique: false }]);
    expect(table(live, 'event_notes').foreignKeys).toStrictEqual([
      {
        columns: ['event_id', 'happened_at'],
        target: { schema: 'public', table: 'events', columns: ['id', 'happened_at'] },
        onDelete: 'SET DEFAULT',
        onUpdate: 'RESTRICT',
        name: 'event_notes_event_fk',
      },
    ]);
  });

  it('lists key columns of indexes, leaves expression indexes without columns, and says what it skipped', () => {
    expect(table(live, 'billing.invoices').indexes).toStrictEqual([
      { name: 'invoices_issued_at_idx', columns: ['issued_at'], unique: false },
    ]);
    expect(table(live, 'people').indexes).toStrictEqual([
      { name: 'people_display_name_idx', columns: ['display_name'], unique: false },
      { name: 'people_lower_email_idx', columns: [], unique: true },
    ]);
    const messages = live.diagnostics.map((d) => d.message);
    expect(messages).toHaveLength(3);
    expect(messages).toContainEqual(expect.stringContaining('billing.invoices.total_cents is a generated column'));
    expect(messages).toContainEqual(expect.stringContaining('people_display_name_idx on people is partial'));
    expect(messages).toContainEqual(expect.stringMatching(/people_lower_email_idx .*expression.*lower\(/));
  });

  it('reads only the schemas asked for', async () => {
    const billing = await read(db.url, ['billing']);
    expect(keys(billing)).toEqual(['billing.accounts', 'billing.invoices']);
    expect(billing.tables).toStrictEqual(live.tables.slice(0, 2));
  });

  it('runs the same number of queries however many tables there are', async () => {
    const example = await createTestDatabase(path.join(ROOT, EXAMPLE_SQL));
    const empty = await createTestDatabase();
    try {
      const counts = await Promise.all([db.url, example.url, empty.url].map((url) => countQueries(url)));
      expect(counts[0]).toBe(counts[1]);
      expect(counts[0]).toBe(counts[2]);
    } finally {
      await Promise.all([example.drop(), empty.drop()]);
    }
  });
});

async function countQueries(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const inner = pgQueryable(client);
    let count = 0;
    const counting: Queryable = {
      query: (sql, params) => {
        count++;
        return inner.query(sql, params);
      },
    };
    await introspect(counting);
    return count;
  } finally {
    await client.end();
  }
}

describe('SQL files and migrations folders', () => {
  it('replays pg_dump output: psql meta-commands skipped, an emptied search_path undone for reading', async () => {
    await writeFile(
      path.join(scratch, 'dump.sql'),
      [
        '\\restrict AbC123',
        "SELECT pg_catalog.set_config('search_path', '', false);",
        "CREATE TYPE public.mood AS ENUM ('ok');",
        "CREATE TABLE public.t (id integer NOT NULL, m public.mood DEFAULT 'ok'::public.mood);",
        'ALTER TABLE public.t OWNER TO postgres;',
        '\\unrestrict AbC123',
      ].join('\n'),
    );
    const model = await readDatabase({ name: 'database', url: 'dump.sql', cwd: scratch });
    expect(model.tables).toStrictEqual([
      {
        schema: 'public',
        name: 't',
        columns: [col('id', 'integer', false), col('m', 'mood', true, "'ok'::mood")],
        foreignKeys: [],
        uniques: [],
        indexes: [],
      },
    ]);
  });

  it('applies a plain folder in name order, skipping .down.sql and non-SQL files', async () => {
    const model = await read('test/fixtures/sql/migrations-plain');
    expect(keys(model)).toEqual(['public.posts', 'public.users']);
    const posts = table(model, 'posts');
    expect(posts.columns).toStrictEqual([
      col('id', 'integer', false, "nextval('posts_id_seq'::regclass)"),
      col('author_id', 'text', true),
      col('title', 'character varying(200)', false, "''::character varying"),
    ]);
    expect(posts.foreignKeys.map((fk) => [fk.columns, fk.target.table, fk.target.columns])).toEqual([
      [['author_id'], 'users', ['id']],
    ]);
    expect(posts.indexes).toStrictEqual([{ name: 'posts_author_id_idx', columns: ['author_id'], unique: false }]);
  });

  it('applies a drizzle-kit folder in journal order, only what the journal lists', async () => {
    const model = await read(path.join(ROOT, 'test/fixtures/sql/migrations-drizzle'));
    expect(keys(model)).toEqual(['public.posts', 'public.users']);
    expect(table(model, 'posts').foreignKeys).toStrictEqual([
      {
        columns: ['author_id'],
        target: { schema: 'public', table: 'users', columns: ['id'] },
        onDelete: 'CASCADE',
        onUpdate: 'NO ACTION',
        name: 'posts_author_id_users_id_fk',
      },
    ]);
    expect(table(model, 'users').indexes).toStrictEqual([{ name: 'users_email_idx', columns: ['email'], unique: true }]);
  });
});

describe('errors', () => {
  it('names host:port/database when nothing listens, and never the password', async () => {
    const port = await unusedPort();
    const error = await failure(() => read(`postgres://alice:hunter2%40secret@127.0.0.1:${port}/app`));
    expect(error).toBeInstanceOf(DatabaseError);
    expect(error.message).toBe(`cannot connect to 127.0.0.1:${port}/app: connection refused`);
    expect(error.message).not.toMatch(/hunter2/);
  });

  it.skipIf(!!process.env.TEST_DATABASE_URL)('keeps a wrong password out of the authentication failure', async () => {
    const url = new URL(inject('databaseUrl'));
    url.password = 'wrong-Pa55word';
    const error = await failure(() => read(url.toString()));
    expect(error).toBeInstanceOf(DatabaseError);
    expect(error.message).toMatch(/^cannot connect to 127\.0\.0\.1:\d+\/postgres: password authentication failed/);
    expect(error.message).not.toMatch(/wrong-Pa55word/);
  });

  it('masks passwords inside any URL and every known secret, raw or decoded', () => {
    const redact = redactor(['p%40ss', 'p@ss']);
    expect(redact('failed for postgresql://u:other@h:5432/db with p@ss and p%40ss')).toBe(
      'failed for postgresql://u:***@h:5432/db with *** and ***',
    );
  });

  it('reports a database that does not exist', async () => {
    const url = new URL(inject('databaseUrl'));
    url.pathname = '/no_such_database';
    const error = await failure(() => read(url.toString()));
    expect(error).toBeInstanceOf(DatabaseError);
    expect(error.message).toMatch(/:\d+\/no_such_database: database "no_such_database" does not exist$/);
    if (url.password) expect(error.message).not.toContain(url.password);
  });

  it('reports an unknown host', async () => {
    const error = await failure(() => read('postgres://bob:s3cret@no-such-host.invalid:5432/app'));
    expect(error).toBeInstanceOf(DatabaseError);
    expect(error.message).toBe('cannot connect to no-such-host.invalid:5432/app: unknown host');
  });

  it('names the file and line of a statement that fails, from the error position', async () => {
    await writeFile(
      path.join(scratch, 'typo.sql'),
      ['CREATE TABLE a (id integer PRIMARY KEY);', '', 'CREATE TABLE b (', '    id integer,', '    name txet', ');'].join('\n'),
    );
    const error = await failure(() => readDatabase({ name: 'database', url: 'typo.sql', cwd: scratch }));
    expect(error).toBeInstanceOf(DatabaseError);
    expect(error.message).toBe('typo.sql:5: cannot apply SQL: type "txet" does not exist');
  });

  it('finds the failing statement when PostgreSQL gives no position', async () => {
    await writeFile(
      path.join(scratch, 'duplicate.sql'),
      [
        '-- a comment; with a semicolon',
        "CREATE TABLE a (id integer, note text DEFAULT 'x;y');",
        'CREATE FUNCTION f() RETURNS integer AS $$ SELECT 1; $$ LANGUAGE sql;',
        '',
        'CREATE TABLE',
        '  a (id integer);',
      ].join('\n'),
    );
    const error = await failure(() => readDatabase({ name: 'database', url: 'duplicate.sql', cwd: scratch }));
    expect(error).toBeInstanceOf(DatabaseError);
    expect(error.message).toBe('duplicate.sql:5: cannot apply SQL: relation "a" already exists');
  });

  it('points into the failing drizzle migration, at the statement after the breakpoint', async () => {
    const folder = path.join(scratch, 'drizzle');
    await rm(folder, { recursive: true, force: true });
    await mkdir(path.join(folder, 'meta'), { recursive: true });
    await writeFile(
      path.join(folder, 'meta/_journal.json'),
      JSON.stringify({ version: '7', dialect: 'postgresql', entries: [{ idx: 0, tag: '0000_init', breakpoints: true }] }),
    );
    await writeFile(
      path.join(folder, '0000_init.sql'),
      ['CREATE TABLE "a" (', '\t"id" integer', ');', '--> statement-breakpoint', 'CREATE TABLE "a" ("id" integer);'].join('\n'),
    );
    const error = await failure(() => readDatabase({ name: 'database', url: 'drizzle', cwd: scratch }));
    expect(error).toBeInstanceOf(DatabaseError);
    expect(error.message).toBe('drizzle/0000_init.sql:5: cannot apply SQL: relation "a" already exists');
  });

  it('reports a path that is not there', async () => {
    const error = await failure(() => readDatabase({ name: 'database', url: 'missing/schema.sql', cwd: scratch }));
    expect(error).toBeInstanceOf(DatabaseError);
    expect(error.message).toBe('missing/schema.sql: no such file or directory');
  });
});

/** A port nothing listens on: bound by the OS, then released. */
function unusedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
