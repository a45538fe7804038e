// drizzle.config.ts / .js / .json read without running them, and a project with only a drizzle config
// needing no schemadrift config.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-sync.ts';
import { ConfigError } from '../../src/errors.ts';
import { discoverDrizzleConfig } from '../../src/sources/drizzle/config.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const project = path.join(root, 'test/fixtures/drizzle/project');

function dirWith(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'schemadrift-drizzle-config-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

describe('discoverDrizzleConfig', () => {
  it('reads drizzle.config.ts statically: a variable, a template, filters, casing and process.env', () => {
    expect(discoverDrizzleConfig(project)).toEqual({
      file: path.join(project, 'drizzle.config.ts'),
      schema: [path.join(project, 'src/db/index.ts')],
      schemaFilter: ['public'],
      tablesFilter: ['app_*'],
      casing: 'snake_case',
      urlEnv: 'APP_DATABASE_URL',
      notes: [],
    });
  });

  it('is undefined where there is no drizzle config', () => {
    expect(discoverDrizzleConfig(dirWith({}))).toBeUndefined();
  });

  it('reads module.exports in .js and a literal URL', () => {
    const dir = dirWith({
      'drizzle.config.js': 'const config = { schema: "./db/*.ts", dbCredentials: { url: "postgres://u@h/db" } };\nmodule.exports = config;\n',
    });
    expect(discoverDrizzleConfig(dir)).toMatchObject({ schema: [path.join(dir, 'db/*.ts')], url: 'postgres://u@h/db', notes: [] });
  });

  it('reads drizzle.config.json, and notes what it cannot read', () => {
    const dir = dirWith({ 'drizzle.config.json': '{ "schema": ["./a.ts", "./b.ts"], "casing": "kebab", "dbCredentials": { "host": "x" } }' });
    expect(discoverDrizzleConfig(dir)).toMatchObject({
      schema: [path.join(dir, 'a.ts'), path.join(dir, 'b.ts')],
      notes: ['casing "kebab" not understood; ignored'],
    });
  });

  it('prefers the .ts config, as drizzle-kit does, and notes a computed value', () => {
    const dir = dirWith({
      'drizzle.config.ts': 'export default defineConfig({ schema: "./s.ts", tablesFilter: tables() });',
      'drizzle.config.json': '{ "schema": "./other.ts" }',
    });
    expect(discoverDrizzleConfig(dir)).toMatchObject({
      schema: [path.join(dir, 's.ts')],
      notes: ['tablesFilter tables() cannot be read without running the config; ignored'],
    });
  });

  it('throws ConfigError naming the file when schema cannot be read, or the file does not parse', () => {
    expect(() => discoverDrizzleConfig(dirWith({ 'drizzle.config.ts': 'export default { schema: getSchema() };' }))).toThrow(
      new ConfigError('drizzle.config.ts: no "schema" that can be read without running the config'),
    );
    expect(() => discoverDrizzleConfig(dirWith({ 'drizzle.config.ts': 'export default { schema: "./a.ts",, };' }))).toThrow(
      /^drizzle\.config\.ts:1:35: syntax error: /,
    );
  });
});

describe('loadConfig with only a drizzle config', () => {
  it('takes the drizzle source (with casing) and the database from dbCredentials.url, with its filters', () => {
    const config = loadConfig({ cwd: project, env: { APP_DATABASE_URL: 'postgres://app@localhost/app' } });
    expect(config.sources).toEqual([
      { name: 'database', kind: 'database', url: 'postgres://app@localhost/app', schemas: ['public'], tables: { include: ['app_*'] } },
      { name: 'drizzle', kind: 'drizzle', files: [path.join(project, 'src/db/index.ts')], casing: 'snake_case' },
    ]);
    expect(config.truth).toBe('database');
  });

  it('reads `!` in tablesFilter as an exclusion, and keeps the filters when --db names another server', () => {
    const dir = dirWith({
      'drizzle.config.ts': 'export default { schema: "./s.ts", tablesFilter: ["!*_archive", "!audit"], dbCredentials: { url: "postgres://u@h/db" } };',
      's.ts': '',
    });
    const expected = { name: 'database', kind: 'database', tables: { exclude: ['*_archive', 'audit'] } };
    expect(loadConfig({ cwd: dir, env: {} }).sources[0]).toEqual({ ...expected, url: 'postgres://u@h/db' });
    expect(loadConfig({ cwd: dir, env: {}, db: 'postgres://v@k/other' }).sources[0]).toEqual({ ...expected, url: 'postgres://v@k/other' });
  });

  it('lets --db stand in when the URL variable is not set', () => {
    const config = loadConfig({ cwd: project, db: 'postgres://other@localhost/x', env: {} });
    expect(config.sources.map((s) => s.name)).toEqual(['drizzle', 'database']);
  });
});

describe('loadConfig with an unreadable drizzle config', () => {
  const dir = dirWith({ 'drizzle.config.ts': 'export default { schema: getSchema() };', 'schema.ts': '' });

  it('names the file when nothing else says where the schema is', () => {
    expect(() => loadConfig({ cwd: dir, db: 'postgres://u@h/db', env: {} })).toThrow(
      'drizzle.config.ts: no "schema" that can be read without running the config',
    );
  });

  it('does not need it when --drizzle names the files', () => {
    const config = loadConfig({ cwd: dir, db: 'postgres://u@h/db', drizzle: ['schema.ts'], env: {} });
    expect(config.sources).toEqual([
      { name: 'database', kind: 'database', url: 'postgres://u@h/db' },
      { name: 'drizzle', kind: 'drizzle', files: [path.join(dir, 'schema.ts')] },
    ]);
  });
});
