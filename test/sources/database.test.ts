import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DatabaseError } from '../../src/errors.ts';
import type { Column, Index, SchemaModel, Table } from '../../src/model/schema.ts';
import { introspect, readDatabase, type Queryable, type ReadDatabaseOptions } from '../../src/sources/database/index.ts';
import { pgQueryable } from '../../src/sources/database/queryable.ts';
import { redactor } from '../../src/sources/database/redact.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const EXAMPLE_SQL = 'examples/credits-app/db/schema.sql';
const FEATURES_SQL = 'test/fixtures/sql/features.sql';
const FEATURES_DUMP = 'test/fixtures/sql/features.pg_dump.sql';

const read = (url: string, options: Partial<ReadDatabaseOptions> = {}) => readDatabase({ name: 'database', url, cwd: ROOT, ...options });

function col(name: string, type: string, nullable: boolean, defaultSql?: string, more: Partial<Column> = {}): Column {
  return { name, type: { sql: type }, nullable, ...(defaultSql === undefined ? {} : { default: defaultSql }), ...more };
}

/** A table as the database source reads it: every fact it reads is there, empty when there is none. */
function tbl(schema: string, name: string, facts: Partial<Table>): Table {
  return {
    schema,
    name,
    ...(facts.comment === undefined ? {} : { comment: facts.comment }),
    partitioned: false,
    columns: [],
    foreignKeys: [],
    uniques: [],
    indexes: [],
    checks: [],
    rls: { enabled: false, policies: [] },
    ...facts,
  };
}

/** An index on plain columns, as the database source reads it. */
function plainIndex(name: string, columns: string[], unique = false): Index {
  return { name, columns, parts: columns.map((column) => ({ column })), unique };
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
    expect(table(live, 'credit_transactions')).toStrictEqual(tbl('public', 'credit_transactions', {
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
      indexes: [
        plainIndex('ix_credit_transactions_type', ['type']),
        plainIndex('ix_credit_transactions_user_id', ['user_id']),
      ],
    }));

    expect(table(live, 'user_credits')).toStrictEqual(tbl('public', 'user_credits', {
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
    }));

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

/** features.sql, exactly: what a live server, PGlite, its pg_dump and a snapshot of it must all give. */
const FEATURES: Omit<SchemaModel, 'source' | 'kind'> = {
  tables: [
    tbl('billing', 'accounts', {
      columns: [
        col('org_id', 'integer', false),
        col('account_no', 'character varying(64)', false),
        col('owner_id', 'integer', true),
        col('manager_id', 'integer', true),
        col('label', 'text', true, undefined, { comment: 'Shown on invoices' }),
      ],
      primaryKey: { columns: ['org_id', 'account_no'], name: 'accounts_pkey' },
      foreignKeys: [
        {
          columns: ['manager_id'],
          target: { schema: 'public', table: 'people', columns: ['id'] },
          onDelete: 'NO ACTION',
          onUpdate: 'NO ACTION',
          name: 'accounts_manager_fk',
          deferrable: 'DEFERRABLE INITIALLY DEFERRED',
        },
        {
          columns: ['owner_id'],
          target: { schema: 'public', table: 'people', columns: ['id'] },
          onDelete: 'RESTRICT',
          onUpdate: 'NO ACTION',
          name: 'accounts_owner_id_fkey',
        },
      ],
    }),
    tbl('billing', 'invoices', {
      columns: [
        col('id', 'bigint', false, undefined, { identity: 'ALWAYS' }),
        // A sequence no column owns: the default names it, and it is listed among the sequences.
        col('number', 'integer', false, "nextval('billing.invoice_numbers'::regclass)"),
        col('org_id', 'integer', true),
        col('account_no', 'character varying(64)', true),
        col('total', 'numeric(10,2)', false, '0'),
        // A generated column's expression is not a default.
        col('total_cents', 'bigint', true, undefined, { generated: '((total * (100)::numeric))::bigint' }),
        col('issued_at', 'timestamp(3) with time zone', false, 'now()'),
        col('tags', 'text[]', false, "'{}'::text[]"),
        // Declared integer[][]: PostgreSQL keeps no dimensions, and neither does its pg_dump.
        col('scores', 'integer[]', true),
        col('status', 'billing.invoice_status', false, "'draft'::billing.invoice_status"),
        col('reference', 'text', true),
        col('quantity', 'positive_int', true),
      ],
      primaryKey: { columns: ['id'], name: 'invoices_pkey' },
      foreignKeys: [
        {
          // In the order the columns pair up with the referenced ones, not the target key's order.
          columns: ['account_no', 'org_id'],
          target: { schema: 'billing', table: 'accounts', columns: ['account_no', 'org_id'] },
          onDelete: 'SET NULL',
          onUpdate: 'CASCADE',
          name: 'invoices_account_fk',
          deferrable: 'DEFERRABLE INITIALLY IMMEDIATE',
          match: 'FULL',
        },
      ],
      uniques: [{ columns: ['org_id', 'reference'], name: 'invoices_org_reference_key', nullsNotDistinct: true }],
      // INCLUDE columns are not key parts.
      indexes: [plainIndex('invoices_issued_at_idx', ['issued_at'])],
      checks: [
        { name: 'invoices_total_check', expression: '((total >= (0)::numeric) AND (total < (1000000)::numeric))' },
      ],
    }),
    tbl('public', 'event_notes', {
      columns: [
        col('id', 'integer', false, undefined, { identity: 'BY DEFAULT' }),
        col('event_id', 'bigint', false),
        col('happened_at', 'date', false),
        col('note', 'text', false, undefined, { comment: "Free text; may contain 'quotes'" }),
        col('during', 'tstzrange', true),
      ],
      primaryKey: { columns: ['id'], name: 'event_notes_pkey' },
      foreignKeys: [
        {
          columns: ['event_id', 'happened_at'],
          target: { schema: 'public', table: 'events', columns: ['id', 'happened_at'] },
          onDelete: 'SET DEFAULT',
          onUpdate: 'RESTRICT',
          name: 'event_notes_event_fk',
        },
      ],
      checks: [{ name: 'event_notes_not_a_partition', expression: '(tableoid <> (0)::oid)' }],
    }),
    tbl('public', 'events', {
      partitioned: true,
      columns: [col('id', 'bigint', false), col('happened_at', 'date', false), col('payload', 'jsonb', true)],
      primaryKey: { columns: ['id', 'happened_at'], name: 'events_pkey' },
      indexes: [
        {
          name: 'events_payload_idx',
          columns: ['payload'],
          parts: [{ column: 'payload', opclass: 'jsonb_path_ops' }],
          unique: false,
          method: 'gin',
        },
      ],
    }),
    tbl('public', 'people', {
      comment: 'Everyone who can log in',
      columns: [
        // serial: the raw default, and its sequence is not listed (the column owns it).
        col('id', 'integer', false, "nextval('people_id_seq'::regclass)"),
        col('email', 'character varying(64)', false, undefined, { comment: 'Login; unique ignoring case' }),
        col('display_name', 'text', true),
        col('handle', 'citext', true),
        col('public_id', 'uuid', false, 'uuid_generate_v4()'),
        col('current_mood', 'mood', true, "'happy'::mood"),
        col('nicknames', 'character varying(20)[]', true),
        col('createdAt', 'timestamp(3) with time zone', false, 'now()'),
        col('updated_at', 'timestamp without time zone', false, 'CURRENT_TIMESTAMP'),
        col('note', 'text', true, "'none'::text"),
        col('legacy_no', 'integer', true),
      ],
      primaryKey: { columns: ['id'], name: 'people_pkey' },
      indexes: [
        { ...plainIndex('people_display_name_idx', ['display_name']), where: '(display_name IS NOT NULL)' },
        {
          name: 'people_display_name_pattern_idx',
          columns: ['display_name'],
          parts: [{ column: 'display_name', opclass: 'text_pattern_ops' }],
          unique: false,
        },
        { name: 'people_lower_email_idx', columns: [], parts: [{ expression: 'lower((email)::text)' }], unique: true },
        { ...plainIndex('people_public_id_idx', ['public_id']), method: 'hash' },
        {
          name: 'people_sort_idx',
          columns: ['handle', 'createdAt', 'id'],
          parts: [
            { column: 'handle', order: 'DESC' },
            { column: 'createdAt', nulls: 'FIRST' },
            { expression: "(note || '-'::text)", order: 'DESC', nulls: 'LAST' },
            { column: 'id' },
          ],
          unique: false,
        },
      ],
      checks: [{ name: 'people_email_check', expression: "((email)::text <> ''::text)" }],
      rls: { enabled: true, policies: ['people_own', 'people_read'] },
    }),
  ],
  enums: [
    { schema: 'billing', name: 'invoice_status', values: ['draft', 'open', 'paid'] },
    { schema: 'public', name: 'mood', values: ['happy', 'meh', 'sad'] },
  ],
  sequences: [
    { schema: 'billing', name: 'invoice_numbers' },
    { schema: 'public', name: 'ticket_seq' },
  ],
  diagnostics: [
    { message: 'exclusion constraint event_notes_no_overlap on event_notes is not compared' },
    { message: 'exclusion constraint event_notes_one_note on event_notes is not compared' },
  ],
};

describe('catalog features', () => {
  let db: TestDatabase;
  let live: SchemaModel;
  beforeAll(async () => {
    db = await createTestDatabase(path.join(ROOT, FEATURES_SQL));
    live = await read(db.url);
  });
  afterAll(() => db?.drop());

  it('reads every listed fact, exactly, from a live server', () => {
    expect(live).toStrictEqual({ source: 'database', kind: 'database', ...FEATURES });
  });

  it('is read identically from PGlite', async () => {
    expect(await read(FEATURES_SQL)).toStrictEqual(live);
  });

  it("is read identically from the schema's pg_dump --schema-only output", async () => {
    expect(await read(FEATURES_DUMP)).toStrictEqual(live);
  });

  it('reads only the schemas asked for, tables, enums and sequences alike', async () => {
    const billing = await read(db.url, { schemas: ['billing'] });
    expect(keys(billing)).toEqual(['billing.accounts', 'billing.invoices']);
    expect(billing.tables).toStrictEqual(live.tables.slice(0, 2));
    expect(billing.enums).toStrictEqual([FEATURES.enums![0]]);
    expect(billing.sequences).toStrictEqual([FEATURES.sequences![0]]);
    expect(billing.diagnostics).toEqual([]);
  });

  it('filters tables by include and exclude globs on `table` and `schema.table`', async () => {
    const filtered = (tables: { include?: string[]; exclude?: string[] }) => read(db.url, { tables }).then(keys);
    expect(await filtered({ include: ['billing.*'] })).toEqual(['billing.accounts', 'billing.invoices']);
    expect(await filtered({ include: ['event*', 'people'] })).toEqual(['public.event_notes', 'public.events', 'public.people']);
    expect(await filtered({ exclude: ['*s'] })).toEqual(['public.people']);
    expect(await filtered({ include: ['*'], exclude: ['public.event?notes', 'billing.*'] })).toEqual([
      'public.events',
      'public.people',
    ]);
    // A note goes with its table.
    expect((await read(db.url, { tables: { exclude: ['event_notes'] } })).diagnostics).toEqual([]);
    // The same filter on PGlite.
    expect(keys(await read(FEATURES_SQL, { schemas: ['public'], tables: { exclude: ['people'] } }))).toEqual([
      'public.event_notes',
      'public.events',
    ]);
  });

  it('runs the same 9 queries however many tables there are', async () => {
    const example = await createTestDatabase(path.join(ROOT, EXAMPLE_SQL));
    const empty = await createTestDatabase();
    try {
      const counts = await Promise.all([db.url, example.url, empty.url].map((url) => countQueries(url)));
      expect(counts).toEqual([9, 9, 9]);
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
    expect(model.tables).toStrictEqual([tbl('public', 't', { columns: [col('id', 'integer', false), col('m', 'mood', true, "'ok'::mood")] })]);
    expect(model.enums).toStrictEqual([{ schema: 'public', name: 'mood', values: ['ok'] }]);
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
    expect(posts.indexes).toStrictEqual([plainIndex('posts_author_id_idx', ['author_id'])]);
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
    expect(table(model, 'users').indexes).toStrictEqual([plainIndex('users_email_idx', ['email'], true)]);
  });

  it('applies an old drizzle-kit journal (version 5, dialect pg, DO $$ blocks, no breakpoints)', async () => {
    const model = await read('test/fixtures/sql/migrations-drizzle-old-journal');
    // 0002_unlisted.sql would drop posts: it is not in the journal.
    expect(keys(model)).toEqual(['public.posts', 'public.users']);
    expect(table(model, 'posts').columns.map((c) => c.name)).toEqual(['id', 'author_id', 'title', 'published_at']);
    expect(table(model, 'posts').foreignKeys.map((fk) => [fk.name, fk.onDelete])).toEqual([['posts_author_id_users_id_fk', 'CASCADE']]);
    expect(table(model, 'users').indexes).toStrictEqual([plainIndex('users_email_idx', ['email'], true)]);
    expect(model.enums).toStrictEqual([{ schema: 'public', name: 'role', values: ['admin', 'member'] }]);
  });

  it("applies drizzle-kit 1.0's layout: one folder per migration, no journal, in name order", async () => {
    const model = await read('test/fixtures/sql/migrations-drizzle-folders');
    expect(keys(model)).toEqual(['public.posts', 'public.users']);
    expect(table(model, 'users')).toStrictEqual(
      tbl('public', 'users', {
        columns: [
          col('id', 'integer', false, undefined, { identity: 'ALWAYS' }),
          col('email', 'character varying(256)', false),
          col('role', 'role', false, "'member'::role"),
        ],
        primaryKey: { columns: ['id'], name: 'users_pkey' },
        uniques: [{ columns: ['email'], name: 'users_email_key' }],
      }),
    );
    expect(table(model, 'posts').foreignKeys.map((fk) => fk.target)).toEqual([{ schema: 'public', table: 'users', columns: ['id'] }]);
    expect(table(model, 'posts').indexes).toStrictEqual([plainIndex('posts_author_id_idx', ['author_id'])]);
    // Identity sequences belong to their columns.
    expect(model.sequences).toEqual([]);
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

  it('reports a catalog query that outlasts the statement timeout, as one line', async () => {
    const db = await createTestDatabase();
    // Holding pg_policy (a catalog of this database only) locked stops the table query at its start.
    const locker = new pg.Client({ connectionString: db.url });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE pg_catalog.pg_policy IN ACCESS EXCLUSIVE MODE');
      const error = await failure(() => read(db.url, { statementTimeoutMs: 300 }));
      expect(error).toBeInstanceOf(DatabaseError);
      expect(error.message).toMatch(
        /^cannot read the schema of 127\.0\.0\.1:\d+\/schemadrift_test_\w+: a catalog query took longer than the 0\.3 s statement timeout$/,
      );
    } finally {
      await locker.query('ROLLBACK');
      await locker.end();
      await db.drop();
    }
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
