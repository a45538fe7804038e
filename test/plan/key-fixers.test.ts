// What plan asks the transforms to do for unique-missing/-extra, index-missing/-extra and primary-key, and
// when it declines: small hand-built models through the real compare, exact actions.

import { describe, expect, it } from 'vitest';
import { compare } from '../../src/compare/index.ts';
import type { Column, Index, SchemaModel, SourceKind, Span, Table, UniqueConstraint } from '../../src/model/schema.ts';
import { plan } from '../../src/plan/index.ts';

const at = (file: string, start: number, end = start + 10): Span => ({ file, line: 1, column: start + 1, start, end });
const col = (name: string, nullable = false, extra: Partial<Column> = {}): Column => ({ name, type: { sql: 'text' }, nullable, ...extra });
const model = (source: string, kind: SourceKind, tables: Table[]): SchemaModel => ({ source, kind, tables, diagnostics: [] });

/** A table as a code source reads it: columns `id`, `name`, `note` written 100 characters apart in `file`. */
function coded(file: string, extra: Partial<Table> = {}, binding: (name: string) => string = (n) => n): Table {
  const columns = ['id', 'name', 'note'].map((name, i) => col(name, name === 'note', { loc: at(file, 100 * i + 10, 100 * i + 90), binding: binding(name) }));
  return { schema: 'public', name: 'teams', columns, foreignKeys: [], uniques: [], indexes: [], primaryKey: { columns: ['id'], loc: at(file, 20, 30) }, loc: at(file, 0, 1000), ...extra };
}
const truth = (extra: Partial<Table> = {}): SchemaModel =>
  model('database', 'database', [
    { schema: 'public', name: 'teams', columns: [col('id'), col('name'), col('note', true)], foreignKeys: [], uniques: [], indexes: [], primaryKey: { columns: ['id'], name: 'teams_pkey' }, ...extra },
  ]);
const unique = (columns: string[], extra: Partial<UniqueConstraint> = {}): UniqueConstraint => ({ columns, ...extra });
const index = (columns: string[], extra: Partial<Index> = {}): Index => ({ columns, unique: false, ...extra });

function actions(models: SchemaModel[], rules: string[]) {
  const findings = compare(models, { truth: 'database' });
  return plan(findings, models, { rules }).actions.map(({ rule, source, transform, options, description, unsafe }) => ({
    rule, source, transform, options, description, ...(unsafe && { unsafe }),
  }));
}

describe('unique-missing and unique-extra', () => {
  it('adds the truth’s uniqueness to the column, naming it in Drizzle, and finds a Python field by its attribute', () => {
    const db = truth({ uniques: [unique(['name'], { name: 'teams_name_key' })] });
    const drizzle = model('drizzle', 'drizzle', [coded('schema.ts')]);
    const sqlmodel = model('sqlmodel', 'sqlmodel', [coded('models.py', {}, (n) => (n === 'name' ? 'title' : n))]);
    expect(actions([db, drizzle, sqlmodel], ['unique-missing'])).toEqual([
      {
        rule: 'unique-missing', source: 'drizzle', transform: 'drizzle-unique',
        options: { table: 'teams', column: 'name', unique: 'true', name: 'teams_name_key' }, description: 'teams.name: unique',
      },
      {
        rule: 'unique-missing', source: 'sqlmodel', transform: 'sqlmodel-unique',
        options: { table: 'teams', column: 'name', attribute: 'title', unique: 'true' }, description: 'teams.name: unique',
      },
    ]);
  });

  it('leaves Python a UNIQUE over the primary key’s columns, which CREATE TABLE would drop, and writes it in Drizzle', () => {
    // Only an ALTER TABLE gives a database this constraint; SQLAlchemy emits it inside CREATE TABLE, where
    // PostgreSQL drops it, and the Python reader drops it as well: a planned fix would never settle the finding.
    const pk = { primaryKey: { columns: ['id', 'name'], loc: at('x', 20, 30) } };
    const db = truth({ primaryKey: { columns: ['id', 'name'], name: 'teams_pkey' }, uniques: [unique(['id'], { name: 'teams_id_key' }), unique(['name', 'id'], { name: 'teams_name_id_key' })] });
    const drizzle = model('drizzle', 'drizzle', [coded('schema.ts', { primaryKey: { columns: ['id'], loc: at('schema.ts', 20, 30) } })]);
    const sqlmodel = model('sqlmodel', 'sqlmodel', [coded('models.py', pk), { ...coded('models.py', pk), name: 'other' }]);
    const sqlmodelOne = model('sqlmodel', 'sqlmodel', [coded('models.py')]);
    // UNIQUE (id) is not the key (id, name) in Python, so it is written there; UNIQUE (name, id) is, so it is not.
    expect(actions([db, drizzle, sqlmodel], ['unique-missing']).map((a) => [a.source, a.options.column ?? a.options.columns])).toEqual([
      ['drizzle', 'id'],
      ['sqlmodel', 'id'],
      ['drizzle', 'name,id'],
    ]);
    expect(actions([truth({ uniques: [unique(['id'], { name: 'teams_id_key' })] }), sqlmodelOne], ['unique-missing'])).toEqual([]);
  });

  it('removes uniqueness the truth does not enforce, as a safe fix, keeping a Python index the truth has', () => {
    const db = truth({ indexes: [index(['note'], { name: 'teams_note_idx' })] });
    // Drizzle writes it in the table's config, Python as `index=True, unique=True` on the column.
    const drizzle = model('drizzle', 'drizzle', [coded('schema.ts', { uniques: [unique(['note'], { loc: at('schema.ts', 900, 950) })], indexes: [index(['note'], { name: 'teams_note_idx', loc: at('schema.ts', 950, 990) })] })]);
    const sqlmodel = model('sqlmodel', 'sqlmodel', [coded('models.py', { indexes: [index(['note'], { unique: true, name: 'ix_teams_note', loc: at('models.py', 230, 240) })] })]);
    expect(actions([db, drizzle, sqlmodel], ['unique-extra'])).toEqual([
      {
        rule: 'unique-extra', source: 'drizzle', transform: 'drizzle-unique',
        options: { table: 'teams', column: 'note', unique: 'false' }, description: 'teams.note: not unique',
      },
      {
        rule: 'unique-extra', source: 'sqlmodel', transform: 'sqlmodel-unique',
        options: { table: 'teams', column: 'note', unique: 'false', keepIndex: 'true' }, description: 'teams.note: not unique',
      },
    ]);
  });

  it('leaves NULLS NOT DISTINCT uniqueness (of one column or several), and Python uniqueness outside the column, to the user', () => {
    const db = truth({ uniques: [unique(['name', 'note'], { nullsNotDistinct: true }), unique(['id'], { nullsNotDistinct: true })] });
    const drizzle = model('drizzle', 'drizzle', [coded('schema.ts')]);
    const sqlmodel = model('sqlmodel', 'sqlmodel', [coded('models.py', { uniques: [unique(['name'], { loc: at('models.py', 950, 990) })] })]);
    const findings = compare([db, drizzle, sqlmodel], { truth: 'database' }).filter((f) => f.rule.startsWith('unique-'));
    expect(findings.map((f) => [f.rule, f.column])).toEqual([
      ['unique-missing', '(name, note)'],
      ['unique-missing', 'id'],
      ['unique-extra', 'name'],
    ]);
    expect(actions([db, drizzle, sqlmodel], ['unique-missing', 'unique-extra'])).toEqual([]);
  });

  it('leaves a Drizzle unique index with a method or operator class to the user', () => {
    const hashed = index(['note'], { unique: true, method: 'hash', loc: at('schema.ts', 950, 990) });
    const opclass = index(['name'], { unique: true, parts: [{ column: 'name', opclass: 'text_pattern_ops' }], loc: at('schema.ts', 900, 940) });
    const drizzle = model('drizzle', 'drizzle', [coded('schema.ts', { indexes: [hashed, opclass] })]);
    const findings = compare([truth(), drizzle], { truth: 'database' }).filter((f) => f.rule === 'unique-extra');
    expect(findings.map((f) => f.column)).toEqual(['note', 'name']);
    expect(actions([truth(), drizzle], ['unique-extra'])).toEqual([]);
  });
});

describe('index-missing and index-extra', () => {
  it('adds a plain single-column index under the truth’s name: in Drizzle’s config, in Python as Index(…) or index=True', () => {
    const db = truth({ indexes: [index(['name'], { name: 'teams_name_idx', parts: [{ column: 'name' }] })] });
    const drizzle = model('drizzle', 'drizzle', [coded('schema.ts')]);
    const sqlmodel = model('sqlmodel', 'sqlmodel', [coded('models.py')]);
    expect(actions([db, drizzle, sqlmodel], ['index-missing'])).toEqual([
      {
        rule: 'index-missing', source: 'drizzle', transform: 'drizzle-index',
        options: { table: 'teams', column: 'name', index: 'true', name: 'teams_name_idx' }, description: 'teams.name: index teams_name_idx',
      },
      // index=True would be named ix_teams_name by SQLAlchemy: the truth's name needs Index("teams_name_idx", "name").
      {
        rule: 'index-missing', source: 'sqlmodel', transform: 'sqlmodel-index',
        options: { table: 'teams', columns: 'name', index: 'true', name: 'teams_name_idx' }, description: 'teams.name: index teams_name_idx',
      },
    ]);
    // The name SQLAlchemy gives `index=True` itself, or none: the flag on the column.
    for (const name of ['ix_teams_name', undefined]) {
      const named = truth({ indexes: [index(['name'], { ...(name && { name }), parts: [{ column: 'name' }] })] });
      expect(actions([named, sqlmodel], ['index-missing']).map((a) => a.options)).toEqual([{ table: 'teams', column: 'name', index: 'true' }]);
    }
  });

  it('removes a plain index the truth does not have, where the table or the column declares it', () => {
    const db = truth();
    const drizzle = model('drizzle', 'drizzle', [coded('schema.ts', { indexes: [index(['note'], { name: 'teams_note_idx', loc: at('schema.ts', 950, 990) })] })]);
    const sqlmodel = model('sqlmodel', 'sqlmodel', [coded('models.py', { indexes: [index(['note'], { name: 'ix_teams_note', loc: at('models.py', 230, 240) })] })]);
    expect(actions([db, drizzle, sqlmodel], ['index-extra'])).toEqual([
      {
        rule: 'index-extra', source: 'drizzle', transform: 'drizzle-index',
        options: { table: 'teams', column: 'note', index: 'false' }, description: 'teams.note: remove the index teams_note_idx',
      },
      {
        rule: 'index-extra', source: 'sqlmodel', transform: 'sqlmodel-index',
        options: { table: 'teams', column: 'note', index: 'false' }, description: 'teams.note: remove the index ix_teams_note',
      },
    ]);
  });

  it('leaves partial, sorted, non-btree and sorted multi-column indexes, and index=True beside unique=True, to the user', () => {
    const db = truth({
      indexes: [
        index(['name'], { where: 'name IS NOT NULL' }),
        index(['note'], { parts: [{ column: 'note', order: 'DESC', nulls: 'LAST' }] }),
        index(['id'], { method: 'hash' }),
        index(['name', 'note'], { parts: [{ column: 'name' }, { column: 'note', order: 'DESC' }] }),
      ],
    });
    const drizzle = model('drizzle', 'drizzle', [coded('schema.ts')]);
    const findings = compare([db, drizzle], { truth: 'database' }).filter((f) => f.rule === 'index-missing');
    expect(findings).toHaveLength(4);
    expect(actions([db, drizzle], ['index-missing'])).toEqual([]);

    const plainDb = truth({ indexes: [index(['name'])] });
    const sqlmodel = model('sqlmodel', 'sqlmodel', [coded('models.py', { uniques: [unique(['name'], { loc: at('models.py', 130, 140) })] })]);
    expect(actions([plainDb, sqlmodel], ['index-missing'])).toEqual([]);
  });
});

describe('multi-column uniques and indexes', () => {
  it('adds the truth’s UNIQUE (name, note) in its own declaration, naming it where the source’s tool would not', () => {
    const db = truth({ uniques: [unique(['name', 'note'], { name: 'teams_name_note_key' })], indexes: [index(['note', 'id'], { unique: true, name: 'teams_note_id_idx' })] });
    const drizzle = model('drizzle', 'drizzle', [coded('schema.ts')]);
    const sqlmodel = model('sqlmodel', 'sqlmodel', [coded('models.py')]);
    expect(actions([db, drizzle, sqlmodel], ['unique-missing'])).toEqual([
      {
        rule: 'unique-missing', source: 'drizzle', transform: 'drizzle-unique',
        options: { table: 'teams', columns: 'name,note', unique: 'true', name: 'teams_name_note_key' }, description: 'teams(name, note): unique teams_name_note_key',
      },
      // PostgreSQL names an unnamed UniqueConstraint teams_name_note_key itself.
      {
        rule: 'unique-missing', source: 'sqlmodel', transform: 'sqlmodel-unique',
        options: { table: 'teams', columns: 'name,note', unique: 'true' }, description: 'teams(name, note): unique',
      },
      {
        rule: 'unique-missing', source: 'drizzle', transform: 'drizzle-unique',
        options: { table: 'teams', columns: 'note,id', unique: 'true', name: 'teams_note_id_idx', form: 'index' }, description: 'teams(note, id): unique teams_note_id_idx',
      },
      {
        rule: 'unique-missing', source: 'sqlmodel', transform: 'sqlmodel-unique',
        options: { table: 'teams', columns: 'note,id', unique: 'true', name: 'teams_note_id_idx', form: 'index' }, description: 'teams(note, id): unique teams_note_id_idx',
      },
    ]);
    const named = truth({ uniques: [unique(['name', 'note'], { name: 'uq_team_name' })] });
    expect(actions([named, sqlmodel], ['unique-missing']).map((a) => a.options)).toEqual([
      { table: 'teams', columns: 'name,note', unique: 'true', name: 'uq_team_name' },
    ]);
  });

  it('removes a multi-column uniqueness the truth does not enforce, as a safe fix, saying when it is NULLS NOT DISTINCT', () => {
    const drizzle = model('drizzle', 'drizzle', [coded('schema.ts', { uniques: [unique(['note', 'name'], { nullsNotDistinct: true, loc: at('schema.ts', 900, 950) })] })]);
    const sqlmodel = model('sqlmodel', 'sqlmodel', [coded('models.py', { indexes: [index(['name', 'note'], { unique: true, name: 'ix_pair', loc: at('models.py', 950, 990) })] })]);
    expect(actions([truth(), drizzle, sqlmodel], ['unique-extra'])).toEqual([
      {
        rule: 'unique-extra', source: 'drizzle', transform: 'drizzle-unique',
        options: { table: 'teams', columns: 'note,name', unique: 'false', nullsNotDistinct: 'true' }, description: 'teams(note, name): not unique',
      },
      {
        rule: 'unique-extra', source: 'sqlmodel', transform: 'sqlmodel-unique',
        options: { table: 'teams', columns: 'name,note', unique: 'false' }, description: 'teams(name, note): not unique (ix_pair)',
      },
    ]);
  });

  it('adds and removes a plain multi-column index, with the truth’s name', () => {
    const db = truth({ indexes: [index(['note', 'name'], { name: 'teams_note_name_idx', parts: [{ column: 'note' }, { column: 'name' }] })] });
    const drizzle = model('drizzle', 'drizzle', [coded('schema.ts', { indexes: [index(['id', 'name'], { name: 'teams_id_name_idx', loc: at('schema.ts', 950, 990) })] })]);
    const sqlmodel = model('sqlmodel', 'sqlmodel', [coded('models.py')]);
    expect(actions([db, drizzle, sqlmodel], ['index-missing', 'index-extra'])).toEqual([
      {
        rule: 'index-missing', source: 'drizzle', transform: 'drizzle-index',
        options: { table: 'teams', columns: 'note,name', index: 'true', name: 'teams_note_name_idx' }, description: 'teams(note, name): index teams_note_name_idx',
      },
      {
        rule: 'index-missing', source: 'sqlmodel', transform: 'sqlmodel-index',
        options: { table: 'teams', columns: 'note,name', index: 'true', name: 'teams_note_name_idx' }, description: 'teams(note, name): index teams_note_name_idx',
      },
      {
        rule: 'index-extra', source: 'drizzle', transform: 'drizzle-index',
        options: { table: 'teams', columns: 'id,name', index: 'false' }, description: 'teams(id, name): remove the index teams_id_name_idx',
      },
    ]);
  });

  it('leaves what it cannot write back exactly to the user', () => {
    const db = truth({
      uniques: [unique(['id', 'name'], { nullsNotDistinct: true })],
      indexes: [
        index(['name', 'note'], { where: 'note IS NOT NULL' }),
        index(['id', 'note'], { method: 'gin' }),
        index(['note', 'id'], { parts: [{ column: 'note', opclass: 'text_pattern_ops' }, { column: 'id' }] }),
        index([], { parts: [{ expression: 'lower(name)' }, { column: 'note' }] }),
        // A unique index with a sort order is a uniqueness fact the transforms would not write back as it is.
        index(['name', 'id'], { unique: true, name: 'teams_name_id_idx', parts: [{ column: 'name', order: 'DESC' }, { column: 'id' }] }),
      ],
    });
    const drizzle = model('drizzle', 'drizzle', [coded('schema.ts')]);
    const findings = compare([db, drizzle], { truth: 'database' }).filter((f) => f.rule === 'unique-missing' || f.rule === 'index-missing');
    expect(findings.map((f) => f.column)).toEqual(['(id, name)', '(name, id)', '(name, note)', '(id, note)', '(note, id)', '(lower(name), note)']);
    expect(actions([db, drizzle], ['unique-missing', 'index-missing'])).toEqual([]);

    // A column the source spreads in from elsewhere, a Python attribute named unlike its column, an object declared outside the table.
    const plain = truth({ uniques: [unique(['name', 'note'])], indexes: [index(['id', 'note'], { name: 'teams_id_note_idx' })] });
    const spread = coded('schema.ts');
    spread.columns[2] = { ...spread.columns[2]!, loc: at('helpers.ts', 10, 20) };
    expect(actions([plain, model('drizzle', 'drizzle', [spread])], ['unique-missing', 'index-missing'])).toEqual([]);
    const renamed = model('sqlmodel', 'sqlmodel', [coded('models.py', {}, (n) => (n === 'note' ? 'memo' : n))]);
    expect(actions([plain, renamed], ['unique-missing', 'index-missing'])).toEqual([]);
    const outside = model('sqlmodel', 'sqlmodel', [coded('models.py', { uniques: [unique(['id', 'name'], { loc: at('base.py', 10, 20) })] })]);
    expect(actions([truth(), outside], ['unique-extra'])).toEqual([]);
    // An index the source writes with an explicit method (`.using("btree", …)`), plain as it is, is not the `.on(…)` the transform removes.
    const using = model('drizzle', 'drizzle', [coded('schema.ts', { indexes: [index(['id', 'name'], { method: 'btree', loc: at('schema.ts', 950, 990) })] })]);
    expect(compare([truth(), using], { truth: 'database' }).filter((f) => f.rule === 'index-extra').map((f) => f.column)).toEqual(['(id, name)']);
    expect(actions([truth(), using], ['index-extra'])).toEqual([]);
  });
});

describe('primary-key', () => {
  const db = truth({ primaryKey: { columns: ['name'] } });

  it('moves a single-column key written on its column, as an unsafe fix, keeping the old column NOT NULL as the truth has it', () => {
    const drizzle = model('drizzle', 'drizzle', [coded('schema.ts')]);
    expect(actions([db, drizzle], ['primary-key'])).toEqual([
      {
        rule: 'primary-key', source: 'drizzle', transform: 'drizzle-primary-key',
        options: { table: 'teams', column: 'name', from: 'id', fromNullable: 'false' }, description: 'teams: primary key id → name (unsafe)', unsafe: true,
      },
    ]);
  });

  it('gives a source without a key the truth’s, as a safe fix, naming Python attributes', () => {
    const sqlmodel = model('sqlmodel', 'sqlmodel', [coded('models.py', { primaryKey: undefined }, (n) => `${n}_`)]);
    expect(actions([db, sqlmodel], ['primary-key'])).toEqual([
      {
        rule: 'primary-key', source: 'sqlmodel', transform: 'sqlmodel-primary-key',
        options: { table: 'teams', column: 'name', attribute: 'name_' }, description: 'teams: primary key name',
      },
    ]);
  });

  it('leaves composite keys, a key declared apart from its column, and a truth without a key to the user', () => {
    const composite = truth({ primaryKey: { columns: ['id', 'name'] } });
    expect(actions([composite, model('drizzle', 'drizzle', [coded('schema.ts')])], ['primary-key'])).toEqual([]);
    const inConfig = model('drizzle', 'drizzle', [coded('schema.ts', { primaryKey: { columns: ['id'], loc: at('schema.ts', 950, 990) } })]);
    expect(actions([db, inConfig], ['primary-key'])).toEqual([]);
    const keyless = truth({ primaryKey: undefined });
    expect(actions([keyless, model('drizzle', 'drizzle', [coded('schema.ts')])], ['primary-key'])).toEqual([]);
  });
});
