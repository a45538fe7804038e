// The trust a tool that rewrites source files and reads production databases has to earn: it never runs
// the user's code, only reads the database, never shows a password, and writes only where it should.

import { mkdtempSync, readFileSync, symlinkSync, unlinkSync, writeFileSync, existsSync, cpSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_FORMATS } from '../../src/cli/report.ts';
import { introspect } from '../../src/sources/database/introspect.ts';
import { pgQueryable, type Queryable } from '../../src/sources/database/queryable.ts';
import { copyExample, EXAMPLE, runCli } from '../helpers/cli.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';

const SCHEMA_TS = 'nextjs/src/database/schema.ts';
const CREDITS_PY = 'fastapi/models/credits.py';

describe('schema files are read, never run', () => {
  it('check and fix leave no trace of the files\' top-level code', () => {
    const dir = copyExample();
    const tsMarker = path.join(dir, 'ts-ran');
    const pyMarker = path.join(dir, 'py-ran');
    const ts = path.join(dir, SCHEMA_TS);
    writeFileSync(ts, `import { writeFileSync } from "node:fs";\nwriteFileSync(${JSON.stringify(tsMarker)}, "ran");\n${readFileSync(ts, 'utf8')}`);
    const py = path.join(dir, CREDITS_PY);
    writeFileSync(py, `open(${JSON.stringify(pyMarker)}, "w").write("ran")\n${readFileSync(py, 'utf8')}`);

    expect(runCli(['check'], dir).code).toBe(1);
    expect(runCli(['fix', '--dry-run'], dir).code).toBe(1);
    expect(existsSync(tsMarker)).toBe(false);
    expect(existsSync(pyMarker)).toBe(false);
  }, 180_000);
});

describe('database access is read-only', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(path.join(EXAMPLE, 'db/schema.sql'));
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('every catalog query runs inside a READ ONLY transaction', async () => {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const inner = pgQueryable(client);
      const seen: { sql: string; readOnly: string | undefined }[] = [];
      let inTransaction = false;
      const probe: Queryable = {
        async query(sql, params) {
          const result = await inner.query(sql, params);
          if (/^\s*BEGIN\b/i.test(sql)) inTransaction = true;
          const state = inTransaction ? (await client.query('SHOW transaction_read_only')).rows[0].transaction_read_only : undefined;
          if (/^\s*(COMMIT|ROLLBACK)\b/i.test(sql)) inTransaction = false;
          seen.push({ sql: sql.trim().split('\n')[0]!, readOnly: state });
          return result as never;
        },
      };
      await introspect(probe);
      expect(seen[0]!.sql).toMatch(/^BEGIN READ ONLY/);
      const catalog = seen.filter((s) => !/^(BEGIN|COMMIT|ROLLBACK)/.test(s.sql));
      expect(catalog.length).toBeGreaterThan(0);
      for (const s of catalog) expect(s).toEqual({ sql: s.sql, readOnly: 'on' });
    } finally {
      await client.end();
    }
  });

  it('works for a role that may only connect (no table privileges, no writes)', async () => {
    const role = `reader_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
    const dbName = new URL(db.url).pathname.slice(1);
    try {
      await admin.query(`CREATE ROLE ${role} LOGIN PASSWORD 'reader-pw' NOSUPERUSER NOCREATEDB NOCREATEROLE`);
      await admin.query(`GRANT CONNECT ON DATABASE "${dbName}" TO ${role}`);
      const url = new URL(db.url);
      url.username = role;
      url.password = 'reader-pw';
      const asReader = runCli(['check', '--format', 'json', '--db', url.toString()], EXAMPLE);
      const asOwner = runCli(['check', '--format', 'json', '--db', db.url], EXAMPLE);
      expect(asReader.stderr).toBe('');
      expect(asReader.code).toBe(1);
      expect(asReader.stdout).toBe(asOwner.stdout);
    } finally {
      await admin.query(`REVOKE ALL ON DATABASE "${dbName}" FROM ${role}`).catch(() => undefined);
      await admin.query(`DROP ROLE IF EXISTS ${role}`).catch(() => undefined);
      await admin.end();
    }
  });

  it('never prints the password of the URL it was given', () => {
    const password = new URL(db.url).password;
    expect(password.length).toBeGreaterThan(3);
    for (const format of REPORT_FORMATS) {
      const r = runCli(['check', '--format', format, '--db', db.url], EXAMPLE);
      expect(r.code).toBe(1);
      expect(r.stdout + r.stderr).not.toContain(password);
    }
    const wrongDb = new URL(db.url);
    wrongDb.pathname = '/no_such_database';
    const r = runCli(['check', '--db', wrongDb.toString()], EXAMPLE);
    expect(r.code).toBe(2);
    expect(r.stdout + r.stderr).not.toContain(password);
    const pulled = runCli(['pull', '--db', db.url], EXAMPLE);
    expect(pulled.code).toBe(0);
    expect(pulled.stdout).not.toContain(password);
  }, 300_000);
});

describe('--write writes only source files inside the project', () => {
  it('refuses a source file that is a symlink to outside the project, writing nothing', () => {
    const dir = copyExample();
    const outside = mkdtempSync(path.join(os.tmpdir(), 'schemadrift-outside-'));
    const target = path.join(outside, 'credits.py');
    cpSync(path.join(dir, CREDITS_PY), target);
    unlinkSync(path.join(dir, CREDITS_PY));
    symlinkSync(target, path.join(dir, CREDITS_PY));
    const before = { py: readFileSync(target, 'utf8'), ts: readFileSync(path.join(dir, SCHEMA_TS), 'utf8') };

    const r = runCli(['fix', '--write'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(`${CREDITS_PY}: links to ${target}, outside the project root`);
    expect(readFileSync(target, 'utf8')).toBe(before.py);
    expect(readFileSync(path.join(dir, SCHEMA_TS), 'utf8')).toBe(before.ts);
  });

  it('refuses source files outside the project root when named from elsewhere', () => {
    const dir = copyExample();
    const elsewhere = mkdtempSync(path.join(os.tmpdir(), 'schemadrift-cwd-'));
    const args = ['fix', '--write', '--db', path.join(dir, 'db/schema.sql'), '--drizzle', path.join(dir, SCHEMA_TS), '--sqlmodel', path.join(dir, CREDITS_PY)];
    const before = readFileSync(path.join(dir, SCHEMA_TS), 'utf8');
    const r = runCli(args, elsewhere);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is outside the project root .*; refusing to write anything/);
    expect(readFileSync(path.join(dir, SCHEMA_TS), 'utf8')).toBe(before);
  });
});
