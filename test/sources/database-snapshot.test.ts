// The snapshot `schemadrift pull` writes: deterministic, free of secrets, and read back (`--db FILE.json`)
// into the very model the live database gives, so every command finds the same drift from it.

import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseError } from '../../src/errors.ts';
import { formatSnapshot, readDatabase, readIntrospection, type ReadDatabaseOptions } from '../../src/sources/database/index.ts';
import { EXAMPLE, ROOT, runCli } from '../helpers/cli.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';

const FEATURES_SQL = path.join(ROOT, 'test/fixtures/sql/features.sql');
const EXAMPLE_SQL = path.join(EXAMPLE, 'db/schema.sql');

const read = (url: string, options: Partial<ReadDatabaseOptions> = {}) => readDatabase({ name: 'database', url, cwd: scratch, ...options });

let scratch: string;
let features: TestDatabase;
beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'schemadrift-snapshot-test-'));
  features = await createTestDatabase(FEATURES_SQL);
});
afterAll(async () => {
  await features?.drop();
  await rm(scratch, { recursive: true, force: true });
});

async function failure(fn: () => Promise<unknown>): Promise<Error> {
  try {
    await fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a failure');
}

describe('the snapshot format', () => {
  let text: string;
  beforeAll(async () => {
    text = formatSnapshot(await readIntrospection({ url: features.url, cwd: scratch }));
  });

  it('is versioned JSON with every fact, and reads back into the live model', async () => {
    expect(JSON.parse(text)).toMatchObject({ schemadrift: 'snapshot', version: 1 });
    await writeFile(path.join(scratch, 'features.json'), text);
    expect(await read('features.json')).toStrictEqual(await read(features.url));
  });

  it('is byte-identical for the same schema, read live or replayed into PGlite', async () => {
    expect(formatSnapshot(await readIntrospection({ url: features.url, cwd: scratch }))).toBe(text);
    expect(formatSnapshot(await readIntrospection({ url: FEATURES_SQL, cwd: scratch }))).toBe(text);
    // And a snapshot pulled from a snapshot is the snapshot.
    await writeFile(path.join(scratch, 'again.json'), text);
    expect(formatSnapshot(await readIntrospection({ url: 'again.json', cwd: scratch }))).toBe(text);
  });

  it('holds no connection details', () => {
    const url = new URL(features.url);
    for (const secret of [url.password, url.host, url.port, url.pathname.slice(1), url.username]) {
      if (secret) expect(text).not.toContain(secret);
    }
  });

  it('is filtered on reading as the catalog queries would filter', async () => {
    await writeFile(path.join(scratch, 'filtered.json'), text);
    for (const options of [{ schemas: ['billing'] }, { tables: { include: ['event*'] } }, { tables: { exclude: ['people', 'billing.*'] } }]) {
      expect(await read('filtered.json', options)).toStrictEqual(await read(features.url, options));
    }
  });

  it('names what is wrong with a file that is not a snapshot', async () => {
    const cases: Array<[string, string]> = [
      ['{ "tables": ', 'broken.json: not valid JSON: '],
      ['{ "tables": [] }', 'broken.json: not a schemadrift snapshot (write one with: schemadrift pull --out broken.json)'],
      ['{ "schemadrift": "snapshot", "version": 2 }', 'broken.json: snapshot version 2 is newer than this schemadrift reads (it reads version 1)'],
      [
        JSON.stringify({ schemadrift: 'snapshot', version: 1, tables: [{ schema: 'public', name: 't', columns: [{ name: 'id', type: { sql: 'int' } }] }] }),
        'broken.json: not a valid snapshot: tables[0].columns[0].nullable is missing',
      ],
      [
        text.replace('"onDelete": "RESTRICT"', '"onDelete": "restrict"'),
        'broken.json: not a valid snapshot: tables[0].foreignKeys[1].onDelete must be one of "NO ACTION", "RESTRICT", "CASCADE", "SET NULL", "SET DEFAULT"',
      ],
    ];
    for (const [content, message] of cases) {
      await writeFile(path.join(scratch, 'broken.json'), content);
      const error = await failure(() => read('broken.json'));
      expect(error).toBeInstanceOf(DatabaseError);
      expect(error.message.startsWith(message), `${error.message}\n  should start with\n${message}`).toBe(true);
    }
    const missing = await failure(() => read('missing.json'));
    expect(missing.message).toBe('missing.json: no such file or directory');
  });
});

// Each runs the real binary several times, seconds apiece when the machine is busy.
describe('schemadrift pull', { timeout: 180_000 }, () => {
  let example: TestDatabase;
  beforeAll(async () => {
    example = await createTestDatabase(EXAMPLE_SQL);
  });
  afterAll(() => example?.drop());

  it('writes a snapshot that gives `check` the same findings as the live database', async () => {
    const out = path.join(scratch, 'example.json');
    const pulled = runCli(['pull', '--db', example.url, '--out', out], scratch);
    expect(pulled.stderr).toBe('Wrote 8 tables to example.json.\n');
    expect(pulled.code).toBe(0);
    expect(pulled.stdout).toBe('');

    const config = path.join(EXAMPLE, 'schemadrift.config.json');
    const live = runCli(['check', '--config', config, '--db', example.url, '--format', 'json'], scratch);
    const fromSnapshot = runCli(['check', '--config', config, '--db', out, '--format', 'json'], scratch);
    expect(live.code).toBe(1);
    expect(fromSnapshot.code).toBe(live.code);
    expect(JSON.parse(fromSnapshot.stdout)).toEqual(JSON.parse(live.stdout));
    expect(JSON.parse(live.stdout).findings.length).toBeGreaterThan(0);
  });

  it('--schema narrows the database for check as well', () => {
    const config = path.join(EXAMPLE, 'schemadrift.config.json');
    const findings = (args: string[]) =>
      JSON.parse(runCli(['check', '--config', config, '--db', example.url, '--format', 'json', ...args], scratch).stdout)
        .findings as Array<{ values: Record<string, unknown> }>;
    expect(findings(['--schema', 'public']).some((f) => f.values.database != null)).toBe(true);
    // No table of the example is in `billing`: what is left is Drizzle against SQLModel.
    const none = findings(['--schema', 'billing']);
    expect(none.length).toBeGreaterThan(0);
    expect(none.every((f) => f.values.database == null)).toBe(true);
  });

  it('prints to standard output without --out, the same bytes as the file', async () => {
    const out = path.join(scratch, 'features.json');
    expect(runCli(['pull', '--db', features.url, '--out', out], scratch).code).toBe(0);
    const printed = runCli(['pull', '--db', features.url], scratch);
    expect(printed.code).toBe(0);
    expect(printed.stdout).toBe(await readFile(out, 'utf8'));
    // The exclusion constraint the model has no place for is said on stderr.
    expect(printed.stderr).toBe(
      'schemadrift: warning: exclusion constraint event_notes_no_overlap on event_notes is not compared\n' +
        'schemadrift: warning: exclusion constraint event_notes_one_note on event_notes is not compared\n',
    );
  });

  it('takes the database from the config, with its schema and table filters, and --schema over them', async () => {
    await writeFile(
      path.join(scratch, 'schemadrift.config.json'),
      JSON.stringify({ sources: { prod: { kind: 'database', url: features.url, schemas: ['public'], tables: { exclude: ['event_*'] } } } }),
    );
    try {
      const fromConfig = runCli(['pull'], scratch);
      expect(fromConfig.code).toBe(0);
      expect(JSON.parse(fromConfig.stdout).tables.map((t: { name: string }) => t.name)).toEqual(['events', 'people']);
      const billing = runCli(['pull', '--schema', 'billing'], scratch);
      expect(JSON.parse(billing.stdout).tables.map((t: { name: string }) => t.name)).toEqual(['accounts', 'invoices']);
    } finally {
      await rm(path.join(scratch, 'schemadrift.config.json'));
    }
  });

  it('exits 2 with one line when there is no database, or it cannot be read', () => {
    const none = runCli(['pull'], scratch);
    expect(none.code).toBe(2);
    expect(none.stderr).toBe('schemadrift: no database to read: give --db, set DATABASE_URL, or name one in schemadrift.config.json\n');

    const unreachable = runCli(['pull', '--db', 'postgres://u:pw-secret@127.0.0.1:1/app'], scratch);
    expect(unreachable.code).toBe(2);
    expect(unreachable.stderr).toBe('schemadrift: cannot connect to 127.0.0.1:1/app: connection refused\n');
    expect(unreachable.stdout).toBe('');

    const badOut = runCli(['pull', '--db', 'nope.sql', '--out', 'x.json'], scratch);
    expect(badOut.code).toBe(2);
    expect(badOut.stderr).toBe('schemadrift: nope.sql: no such file or directory\n');
  });

  it('rejects a bad filter in the config, naming the file and source', async () => {
    await writeFile(path.join(scratch, 'bad.config.json'), JSON.stringify({ sources: { db: { kind: 'database', url: 'x.sql', tables: ['users'] } } }));
    const r = runCli(['pull', '--config', 'bad.config.json'], scratch);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.config\.json: source "db": "tables" must be \{ "include": \[globs\], "exclude": \[globs\] \}\n$/);
  });
});
