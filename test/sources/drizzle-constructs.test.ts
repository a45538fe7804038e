// The pg-core constructs beyond plain columns and keys, on a small project that uses a drizzle config,
// a tsconfig with path aliases (through `extends`), a barrel and a column helper in another file.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { SchemaModel, Table } from '../../src/model/schema.ts';
import { columnNameFromKey } from '../../src/sources/drizzle/casing.ts';
import { readDrizzle } from '../../src/sources/drizzle/index.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const project = path.join(root, 'test/fixtures/drizzle/project');

function table(model: SchemaModel, name: string): Table {
  const found = model.tables.find((t) => t.name === name);
  if (!found) throw new Error(`no table ${name} in ${model.tables.map((t) => t.name).join(', ')}`);
  return found;
}

describe('readDrizzle on a project with aliases, a barrel, helpers and casing', async () => {
  const model = await readDrizzle({ name: 'drizzle', files: ['src/db/index.ts'], cwd: project, casing: 'snake_case' });
  const items = table(model, 'app_items');
  const column = (name: string) => items.columns.find((c) => c.name === name)!;

  // No program or type checker may be built: it would be slow and would load every module the schema
  // imports; nor may user code be loaded. The reader works on syntax trees from ts.createSourceFile alone,
  // and ts-morph's `ts` is frozen, so this is held as an invariant of the reader's source.
  it('never builds a TypeScript program or type checker, and never loads the schema as code', () => {
    const dir = path.join(root, 'src/sources/drizzle');
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const text = readFileSync(path.join(dir, file), 'utf8');
      expect([file, text.match(/createProgram|getTypeChecker|new Project\b|\bimport\(|\brequire\(/g)]).toEqual([file, null]);
    }
  });

  it('follows the barrel to the tables, names them through pgTableCreator, and says what it cannot', () => {
    expect(model.tables.map((t) => t.name)).toEqual(['app_items']);
    expect(model.diagnostics.map((d) => `${d.loc?.file}:${d.loc?.line}: ${d.message}`)).toEqual([
      'src/db/tables.ts:29: table name function of pgTableCreator dynamicTable is not `(name) => `prefix_${name}``; table skipped ignored',
    ]);
  });

  it('derives snake_case names from keys, the way drizzle splits words', () => {
    expect(items.columns.map((c) => c.name)).toEqual([
      'item_id', 'http_status', 'label', 'price', 'doubled', 'meta', 'note', 'created_at', 'updated_at',
    ]);
    expect(columnNameFromKey('streetLine1', 'snake_case')).toBe('street_line1');
    expect(columnNameFromKey('HTTPStatus', 'camelCase')).toBe('httpStatus');
    expect(columnNameFromKey('already_snake', 'camelCase')).toBe('alreadySnake');
    expect(columnNameFromKey('userId', undefined)).toBe('userId');
  });

  it('reads identity, generated, custom types and typed defaults', () => {
    expect(column('item_id')).toMatchObject({ identity: 'BY DEFAULT', nullable: false, type: { sql: 'integer' } });
    expect(column('label').type.sql).toBe('citext');
    expect(column('price').default).toBe("'-1.50'::numeric");
    expect(column('doubled')).toMatchObject({ generated: 'price * 2', nullable: true });
    expect(column('doubled').default).toBeUndefined();
    expect(column('meta').default).toBe('\'{"b": [true, null], "aa": "x", "zeta": 1}\'::jsonb');
    expect(items.uniques).toMatchObject([{ columns: ['note'], name: 'items_note_key', nullsNotDistinct: true }]);
  });

  it('reads spread helper columns from an aliased import, located in the helper file', () => {
    expect(column('created_at')).toMatchObject({
      type: { sql: 'timestamp with time zone' },
      nullable: false,
      default: 'now()',
      loc: { file: 'src/lib/columns.ts', line: 5 },
    });
    // `$onUpdate` runs in the application: no database default.
    expect(column('updated_at').default).toBeUndefined();
  });

  it('reads index methods, operator classes, orderings, predicates and checks', () => {
    expect(items.indexes.map(({ loc: _, ...i }) => i)).toEqual([
      { name: 'items_label_idx', columns: ['label'], parts: [{ column: 'label', opclass: 'gin_trgm_ops' }], unique: false, method: 'gin' },
      {
        name: 'items_live_idx',
        columns: ['label', 'item_id'],
        parts: [{ column: 'label', nulls: 'FIRST' }, { column: 'item_id', order: 'DESC' }],
        unique: true,
        where: 'note is not null',
      },
    ]);
    expect(items.checks?.map(({ loc: _, ...c }) => c)).toEqual([{ name: 'items_price_positive', expression: 'price > 0' }]);
  });
});

describe('readDrizzle casing from a drizzle() call', () => {
  it('takes casing from drizzle(client, { casing }) in a file read, when none is configured', async () => {
    const dir = path.join(root, 'test/fixtures/drizzle/casing-call');
    const model = await readDrizzle({ name: 'drizzle', files: ['db.ts'], cwd: dir });
    expect(model.tables.map((t) => [t.name, t.columns.map((c) => c.name)])).toEqual([['users', ['user_id', 'display_name', 'Explicit']]]);
  });
});

describe('readDrizzle checks it cannot read', () => {
  it('leaves the checks of that table unknown rather than incomplete', async () => {
    const dir = path.join(root, 'test/fixtures/drizzle/casing-call');
    const model = await readDrizzle({ name: 'drizzle', files: ['checks.ts'], cwd: dir });
    expect(model.tables[0]!.checks).toBeUndefined();
    expect(model.diagnostics.map((d) => `${d.loc?.line}: ${d.message}`)).toEqual([
      '9: check check("dynamic", sql`${t.n} > ${limit}`) in limits cannot be read statically; the table\'s checks are not compared',
    ]);
  });
});
