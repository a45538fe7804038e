import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-sync.ts';
import { readSqlModel } from '../../src/sources/sqlmodel/index.ts';
import { pinnedVersion, resolveSqlModelVersion } from '../../src/sources/sqlmodel/version.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SHOP = 'test/oracle/python/packages/shop_sqlmodel/__init__.py';

describe('the SQLModel version a project pins', () => {
  it('is read from each kind of pin file, and a range is not a pin', () => {
    expect(pinnedVersion('uv.lock', '[[package]]\nname = "sqlmodel"\nversion = "0.0.22"\nsource = {}\n')).toBe('0.0.22');
    expect(pinnedVersion('poetry.lock', '[[package]]\nname = "sqlalchemy"\nversion = "2.0.1"\n\n[[package]]\nname = "sqlmodel"\nversion = "0.0.46"\n')).toBe('0.0.46');
    expect(pinnedVersion('Pipfile.lock', JSON.stringify({ default: { sqlmodel: { version: '==0.0.16' } } }))).toBe('0.0.16');
    expect(pinnedVersion('requirements.txt', 'fastapi==0.110\nSQLModel[standard] == 0.0.45  # pinned\n')).toBe('0.0.45');
    expect(pinnedVersion('requirements.txt', 'sqlmodel>=0.0.22\n')).toBeUndefined();
    expect(pinnedVersion('pyproject.toml', '[project]\ndependencies = ["sqlmodel==0.0.24", "x"]\n')).toBe('0.0.24');
    expect(pinnedVersion('pyproject.toml', '[tool.poetry.dependencies]\nsqlmodel = "^0.0.21"\n')).toBe('0.0.21');
    expect(pinnedVersion('pyproject.toml', '[tool.poetry.dependencies]\nsqlmodel = { version = "0.0.48", extras = [] }\n')).toBe('0.0.48');
    expect(pinnedVersion('pyproject.toml', '[tool.poetry.dependencies]\nsqlmodel = ">=0.0.8"\n')).toBeUndefined();
  });

  const dir = mkdtempSync(path.join(tmpdir(), 'schemadrift-version-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('comes from the pin nearest the models, lock files before manifests', () => {
    mkdirSync(path.join(dir, '.git'));
    mkdirSync(path.join(dir, 'api/models'), { recursive: true });
    writeFileSync(path.join(dir, 'requirements.txt'), 'sqlmodel==0.0.47\n');
    writeFileSync(path.join(dir, 'api/pyproject.toml'), '[project]\ndependencies = ["sqlmodel==0.0.46"]\n');
    writeFileSync(path.join(dir, 'api/poetry.lock'), '[[package]]\nname = "sqlmodel"\nversion = "0.0.22"\n');
    const found = resolveSqlModelVersion(['api/models/x.py'], dir);
    expect(found).toEqual({
      version: '0.0.22',
      utcDatetime: false,
      note: 'SQLModel 0.0.22 assumed (pinned in api/poetry.lock): a plain datetime is timestamp without time zone',
    });
    expect(resolveSqlModelVersion(['models.py'], dir).note).toBe(
      'SQLModel 0.0.47 assumed (pinned in requirements.txt): a plain datetime is timestamp with time zone',
    );
    expect(resolveSqlModelVersion(['models.py'], dir, '0.0.44').note).toBe(
      'SQLModel 0.0.44 assumed (sqlmodelVersion in the config): a plain datetime is timestamp without time zone',
    );
  });

  it('defaults to before 0.0.45 when nothing is pinned, as for the example', async () => {
    const model = await readSqlModel({ name: 'sqlmodel', files: ['examples/credits-app/fastapi/models/credits.py'], cwd: root });
    expect(model.notes).toEqual([
      'SQLModel before 0.0.45 assumed (no pin found in uv.lock, poetry.lock, Pipfile.lock, requirements*.txt or pyproject.toml near the models; set "sqlmodelVersion" on the source to change it): a plain datetime is timestamp without time zone',
    ]);
  });

  it('decides what a plain datetime is, and the config overrides the pin', async () => {
    const type = async (sqlmodelVersion?: string) => {
      const model = await readSqlModel({ name: 'sqlmodel', files: [SHOP], cwd: root, sqlmodelVersion });
      const customers = model.tables.find((t) => t.name === 'customers')!;
      return [customers.columns.find((c) => c.name === 'created_at')!.type.sql, model.notes![0]];
    };
    expect(await type()).toEqual([
      'timestamp with time zone',
      'SQLModel 0.0.47 assumed (pinned in test/oracle/python/packages/shop_sqlmodel/requirements.txt): a plain datetime is timestamp with time zone',
    ]);
    expect((await type('0.0.22'))[0]).toBe('timestamp without time zone');
  });

  it('is a source setting in the config file', () => {
    writeFileSync(
      path.join(dir, 'schemadrift.config.json'),
      JSON.stringify({ sources: { database: { url: 'postgres://x/y' }, api: { kind: 'sqlmodel', files: ['api'], sqlmodelVersion: '0.0.22' } } }),
    );
    expect(loadConfig({ cwd: dir, env: {} }).sources[1]).toMatchObject({ name: 'api', kind: 'sqlmodel', sqlmodelVersion: '0.0.22' });
    writeFileSync(
      path.join(dir, 'schemadrift.config.json'),
      JSON.stringify({ sources: { database: { url: 'postgres://x/y' }, api: { kind: 'sqlmodel', files: ['api'], sqlmodelVersion: 'latest' } } }),
    );
    expect(() => loadConfig({ cwd: dir, env: {} })).toThrow('source "api": "sqlmodelVersion" must be a version such as "0.0.22"');
  });
});
