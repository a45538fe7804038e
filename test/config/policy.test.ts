// The comparison policy in schemadrift.config.json and the source-selection flags: what loadConfig makes of
// them, and the one-line errors for what does not make sense.

import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-sync.ts';

const SOURCES = {
  local: { kind: 'database', url: 'db/local.sql' },
  prod: { kind: 'database', url: 'postgres://app@prod/db' },
  drizzle: { kind: 'drizzle', files: ['src/schema.ts'] },
  sqlmodel: { kind: 'sqlmodel', files: ['models'] },
};

function withConfig(config: object) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'schemadrift-config-'));
  writeFileSync(path.join(dir, 'schemadrift.config.json'), JSON.stringify(config));
  return dir;
}
const load = (config: object, flags: Partial<Parameters<typeof loadConfig>[0]> = {}) =>
  loadConfig({ cwd: withConfig(config), env: {}, ...flags });

describe('policy', () => {
  it('reads owners, per-source tables, rule severities, equivalences and ignore entries', () => {
    const config = load({
      truth: 'local',
      owners: { users: 'drizzle', 'user_*': 'sqlmodel', '*': 'local' },
      sources: {
        ...SOURCES,
        drizzle: { ...SOURCES.drizzle, tables: { exclude: ['_*'], required: true } },
        sqlmodel: { ...SOURCES.sqlmodel, tables: ['credit_*', 'teams', '!credit_archive'] },
      },
      rules: { 'column-type': 'off', 'fk-on-delete': 'critical' },
      equivalences: { varcharText: false },
      ignore: [{ rule: 'column-type', table: 'teams', column: '*' }],
    });
    expect(config.truth).toBe('local');
    expect(config.sources.map((s) => s.name)).toEqual(['local', 'prod', 'drizzle', 'sqlmodel']);
    expect(config.policy).toEqual({
      owners: [
        { pattern: 'users', source: 'drizzle' },
        { pattern: 'user_*', source: 'sqlmodel' },
        { pattern: '*', source: 'local' },
      ],
      tables: {
        drizzle: { exclude: ['_*'], required: true },
        sqlmodel: { include: ['credit_*', 'teams'], exclude: ['credit_archive'] },
      },
      rules: { 'column-type': 'off', 'fk-on-delete': 'critical' },
      equivalences: { varcharText: false },
      ignore: [{ rule: 'column-type', table: 'teams', column: '*' }],
    });
  });

  it('is empty when the config says nothing', () => {
    expect(load({ sources: SOURCES }).policy).toEqual({ owners: [], tables: {}, rules: {}, equivalences: {}, ignore: [] });
  });

  it.each([
    [{ owners: { users: 'nope' } }, 'owners "users": "nope" is not a source (sources: local, prod, drizzle, sqlmodel)'],
    [{ owners: ['users'] }, '"owners" must be an object of table glob → source name'],
    [{ rules: { 'column-typo': 'off' } }, 'rules: unknown rule "column-typo" (run schemadrift explain for the list)'],
    [{ rules: { 'column-type': 'error' } }, 'rules "column-type": must be one of critical, warning, info, off'],
    [{ equivalences: { varcharText: 'yes' } }, 'equivalences.varcharText must be true or false'],
    [{ equivalences: { serial: true } }, 'equivalences: unknown key "serial" (varcharText)'],
    [{ ignore: [{ rule: 'column-type', tabel: 'teams' }] }, 'ignore[0]: unknown key "tabel" (rule, table, column)'],
    [{ ignore: {} }, '"ignore" must be a list of { rule, table, column }'],
  ])('%j is refused', (policy, message) => {
    expect(() => load({ sources: SOURCES, ...policy })).toThrow(message);
  });

  it('refuses a bad tables setting, naming the source', () => {
    const bad = { sources: { ...SOURCES, drizzle: { ...SOURCES.drizzle, tables: { required: 'yes' } } } };
    expect(() => load(bad)).toThrow('source "drizzle": "tables".required must be true or false');
    const unknown = { sources: { ...SOURCES, drizzle: { ...SOURCES.drizzle, tables: { includes: ['x'] } } } };
    expect(() => load(unknown)).toThrow('source "drizzle": "tables": unknown key "includes" (include, exclude, required, mustModel)');
  });
});

describe('--only-source and --ignore-source', () => {
  it('keep or drop sources by name, in config order', () => {
    expect(load({ truth: 'local', sources: SOURCES }, { onlySources: ['sqlmodel', 'local'] }).sources.map((s) => s.name)).toEqual(['local', 'sqlmodel']);
    expect(load({ truth: 'local', sources: SOURCES }, { ignoreSources: ['prod'] }).sources.map((s) => s.name)).toEqual(['local', 'drizzle', 'sqlmodel']);
  });

  it('an owner left out by the flags is allowed (compare skips it)', () => {
    const config = load({ truth: 'local', owners: { '*': 'prod' }, sources: SOURCES }, { ignoreSources: ['prod'] });
    expect(config.policy.owners).toEqual([{ pattern: '*', source: 'prod' }]);
  });

  it('refuses unknown names and a truth that was left out', () => {
    expect(() => load({ sources: SOURCES }, { onlySources: ['staging'] })).toThrow(
      '--only-source staging: no such source (sources: local, prod, drizzle, sqlmodel)',
    );
    expect(() => load({ truth: 'local', sources: SOURCES }, { ignoreSources: ['local'] })).toThrow('truth "local" is not a source');
    expect(load({ truth: 'local', sources: SOURCES }, { ignoreSources: ['local'], truth: 'prod' }).truth).toBe('prod');
  });
});
