// User mistakes end with exit 2 and one line that names the file, line or host: no stack trace, no
// password, nothing written.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyExample, ROOT, runCli } from '../helpers/cli.ts';

const oneLine = (text: string) => expect(text.trimEnd().split('\n')).toHaveLength(1);

describe('exit codes and error messages', () => {
  it('no command is a usage error', () => {
    const r = runCli([], ROOT);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Name a command: check, fix, pull, hook or explain.');
  });

  it('an unknown flag is a usage error', () => {
    const r = runCli(['check', '--nope'], ROOT);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Unknown argument: nope');
  });

  it('an unknown rule is a usage error', () => {
    const r = runCli(['fix', '--rule', 'fk-nope'], ROOT);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Invalid values');
  });

  it('--write and --dry-run together are refused', () => {
    const r = runCli(['fix', '--write', '--dry-run'], ROOT);
    expect(r.code).toBe(2);
  });

  it('fewer than two sources is a configuration error', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'schemadrift-empty-'));
    const r = runCli(['check'], dir);
    expect(r.code).toBe(2);
    oneLine(r.stderr);
    expect(r.stderr).toMatch(/^schemadrift: need at least two sources to compare, found 0/);
  });

  it('a config that is not JSON names the file', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'schemadrift-badcfg-'));
    writeFileSync(path.join(dir, 'schemadrift.config.json'), '{ "sources": ');
    const r = runCli(['check'], dir);
    expect(r.code).toBe(2);
    oneLine(r.stderr);
    expect(r.stderr).toContain('schemadrift.config.json: not valid JSON');
  });

  it('a missing schema file is named', () => {
    const dir = copyExample();
    const r = runCli(['check', '--drizzle', 'nope/schema.ts'], dir);
    expect(r.code).toBe(2);
    oneLine(r.stderr);
    expect(r.stderr).toContain('nope/schema.ts');
  });

  it('a Python syntax error is reported with file and line, and fix writes nothing', () => {
    const dir = copyExample();
    const file = path.join(dir, 'fastapi/models/credits.py');
    const broken = readFileSync(file, 'utf8').replace('class Team(SQLModel, table=True):', 'class Team(SQLModel, table=True:');
    writeFileSync(file, broken);
    const schemaBefore = readFileSync(path.join(dir, 'nextjs/src/database/schema.ts'), 'utf8');
    const r = runCli(['fix', '--write'], dir);
    expect(r.code).toBe(2);
    oneLine(r.stderr);
    expect(r.stderr).toMatch(/^schemadrift: fastapi\/models\/credits\.py:\d+:\d+: /);
    expect(readFileSync(file, 'utf8')).toBe(broken);
    expect(readFileSync(path.join(dir, 'nextjs/src/database/schema.ts'), 'utf8')).toBe(schemaBefore);
  });

  it('a TypeScript syntax error is reported with file and line', () => {
    const dir = copyExample();
    const file = path.join(dir, 'nextjs/src/database/schema.ts');
    writeFileSync(file, readFileSync(file, 'utf8').replace('export const teams = pgTable("teams", {', 'export const teams = pgTable("teams", {{'));
    const r = runCli(['check'], dir);
    expect(r.code).toBe(2);
    oneLine(r.stderr);
    expect(r.stderr).toMatch(/^schemadrift: nextjs\/src\/database\/schema\.ts:\d+:\d+: /);
  });

  it('an unreachable database names the host and never the password', () => {
    const dir = copyExample();
    const r = runCli(['check', '--db', 'postgres://app:s3cret-pw@127.0.0.1:1/app'], dir);
    expect(r.code).toBe(2);
    oneLine(r.stderr);
    expect(r.stderr).toContain('127.0.0.1:1');
    expect(r.stderr + r.stdout).not.toContain('s3cret-pw');
  });

  it('a SQL file that fails to apply names the file and line', () => {
    const dir = copyExample();
    writeFileSync(path.join(dir, 'db/schema.sql'), 'CREATE TABLE a (id int);\n\nCREATE TABLE b (id nosuchtype);\n');
    const r = runCli(['check'], dir);
    expect(r.code).toBe(2);
    oneLine(r.stderr);
    expect(r.stderr).toContain('schema.sql');
    expect(r.stderr).toContain(':3');
  });
});
