// Key fixers: uniqueness and plain indexes (single- and multi-column), and single-column primary keys.

import type { ComparedFinding } from '../../compare/finding.ts';
import { indexObjects } from '../../compare/rules/indexes.ts';
import type { KeyedObject } from '../../compare/rules/keyed.ts';
import { isUniqueConstraintIndex, uniqueObjects } from '../../compare/rules/uniques.ts';
import type { Column, Table } from '../../model/schema.ts';
import type { FixAction } from '../action.ts';
import { columnOptions, columns, declaredInTable, partlyRead, within, type FixContext, type Fixer } from './shared.ts';

/**
 * The column a single-column keyed finding (unique, index) is about, in the source being fixed, when a
 * transform can find it: written in the table itself, with an identifier key in Drizzle (`t.key` in a config),
 * a class attribute in Python. Multi-column objects (labelled `(a, b)`) have fixers of their own (multiUnique,
 * multiIndex), which ask this of each of their columns.
 */
export function keyedColumn(ctx: FixContext): Column | undefined {
  const name = ctx.finding.column;
  if (!name || name.startsWith('(')) return undefined;
  const { model, table } = ctx.target;
  const have = table.columns.find((c) => c.name === name);
  if (!have?.loc || !have.binding || !declaredInTable(model.kind, table, have) || partlyRead(model, have)) return undefined;
  if (model.kind === 'drizzle' && !/^[A-Za-z_$][\w$]*$/.test(have.binding)) return undefined;
  return have;
}

/** The object a keyed finding shows for `source`, by the value it printed. */
export function shownObject(objects: readonly KeyedObject[] | undefined, finding: ComparedFinding, source: string): KeyedObject | undefined {
  const value = finding.values[source];
  return value ? objects?.find((o) => o.value === value && o.columns.length === 1) : undefined;
}

/** Whether the table has a plain single-column btree index on `column`: `INDEX (column)` with nothing more. */
export function hasPlainIndex(table: Table, column: string): boolean {
  return (indexObjects(table) ?? []).some((o) => o.value === `INDEX (${column})` && (o.detail === undefined || o.detail === o.value));
}

/**
 * Whether a UNIQUE constraint over `columns` would repeat the table's primary key. SQLAlchemy writes it inside
 * CREATE TABLE, where PostgreSQL drops it, and the Python reader drops it likewise; only an ALTER TABLE gives a
 * database one, and no Python declaration can, so such a finding is left to the user.
 */
function repeatsPrimaryKey(table: Table, columns: readonly string[]): boolean {
  const pk = table.primaryKey?.columns;
  return !!pk && pk.length === columns.length && columns.every((c) => pk.includes(c));
}

/**
 * Single-column uniqueness added where the truth has it and the source does not, or removed where the source
 * has it and the truth does not. Removing changes only what the database enforces, so no caller breaks: safe.
 * NULLS NOT DISTINCT is not written. A Python `index=True` on the column is kept when the truth also indexes
 * it, and goes otherwise (with `unique=True` it was one unique index, not a plain one).
 */
export function uniqueFixer(transform: FixAction['transform']): Fixer {
  return (ctx) => {
    if (ctx.finding.column?.startsWith('(')) return multiUnique(ctx, transform);
    const have = keyedColumn(ctx);
    if (!have) return undefined;
    const { finding, target, truth } = ctx;
    const python = target.model.kind === 'sqlmodel';
    if (finding.presence[target.model.source] === 'absent') {
      const want = shownObject(uniqueObjects(truth.table), finding, finding.truth);
      if (!want || want.value.includes('NULLS NOT DISTINCT')) return undefined;
      // `index=True` with `unique=True` is one unique index: a plain index the truth also has would be lost.
      if (python && hasPlainIndex(target.table, have.name) && hasPlainIndex(truth.table, have.name)) return undefined;
      if (python && repeatsPrimaryKey(target.table, [have.name])) return undefined;
      return {
        file: have.loc!.file,
        transform,
        options: { ...columnOptions(ctx, have), unique: 'true', ...(!python && want.name !== undefined && { name: want.name }) },
        description: `${finding.table}.${have.name}: unique`,
      };
    }
    if (finding.presence[finding.truth] !== 'absent') return undefined;
    const extra = shownObject(uniqueObjects(target.table), finding, target.model.source);
    // Python declares it on the column (`unique=`, or `index=True, unique=True`); Drizzle on the column or in the table's config.
    if (!extra || !within(extra.loc, python ? have.loc : target.table.loc)) return undefined;
    // A unique index removed only as `uniqueIndex().on(t.col)`: not one with a method, sort order or operator class.
    const asIndex = target.table.indexes.find((i) => i.loc === extra.loc);
    if (asIndex && (asIndex.method || asIndex.parts?.some((p) => p.order || p.nulls || p.opclass))) return undefined;
    return {
      file: have.loc!.file,
      transform,
      options: { ...columnOptions(ctx, have), unique: 'false', ...(python && { keepIndex: String(hasPlainIndex(truth.table, have.name)) }) },
      description: `${finding.table}.${have.name}: not unique`,
    };
  };
}

/**
 * A plain single-column btree index (no predicate, method, sort order or operator class) added where the
 * truth has it, or removed where the truth has none. Drizzle writes the truth's name; SQLAlchemy names
 * `index=True` itself (`ix_<table>_<column>`), so a truth named otherwise leaves a constraint-name note.
 */
export function indexFixer(transform: FixAction['transform']): Fixer {
  return (ctx) => {
    if (ctx.finding.column?.startsWith('(')) return multiIndex(ctx, transform);
    const have = keyedColumn(ctx);
    if (!have) return undefined;
    const { finding, target, truth } = ctx;
    const python = target.model.kind === 'sqlmodel';
    const plain = (o: KeyedObject | undefined) => !!o && o.value === `INDEX (${have.name})` && (o.detail === undefined || o.detail === o.value);
    if (finding.presence[target.model.source] === 'absent') {
      const want = shownObject(indexObjects(truth.table), finding, finding.truth);
      if (!plain(want)) return undefined;
      // `index=True` beside `unique=True` makes the unique index, not this one.
      if (python && uniqueObjects(target.table).some((o) => o.columns.length === 1 && o.columns[0] === have.name && within(o.loc, have.loc))) return undefined;
      // SQLAlchemy names `index=True` ix_<table>_<column>; any other name the truth has is kept by writing
      // Index("name", "column") in __table_args__, as for several columns.
      if (python && want!.name !== undefined && want!.name !== `ix_${target.table.name}_${have.name}`) {
        if (!target.table.loc || !keyedColumns(ctx, [have.name])) return undefined;
        return {
          file: target.table.loc.file,
          transform,
          options: { table: target.table.name, columns: have.name, index: 'true', name: want!.name },
          description: `${finding.table}.${have.name}: index ${want!.name}`,
        };
      }
      return {
        file: have.loc!.file,
        transform,
        options: { ...columnOptions(ctx, have), index: 'true', ...(!python && want!.name !== undefined && { name: want!.name }) },
        description: `${finding.table}.${have.name}: index${!python && want!.name ? ` ${want!.name}` : ''}`,
      };
    }
    if (finding.presence[finding.truth] !== 'absent') return undefined;
    const extra = shownObject(indexObjects(target.table), finding, target.model.source);
    if (!plain(extra) || !within(extra!.loc, python ? have.loc : target.table.loc)) return undefined;
    // The unique-missing fix turns this `index=True` into the truth's unique index (`unique=True` beside it).
    const uniqueOn = (t: Table) => uniqueObjects(t).some((o) => o.columns.length === 1 && o.columns[0] === have.name);
    if (python && uniqueOn(truth.table) && !uniqueOn(target.table)) return undefined;
    return {
      file: have.loc!.file,
      transform,
      options: { ...columnOptions(ctx, have), index: 'false' },
      description: `${finding.table}.${have.name}: remove the index${extra!.name ? ` ${extra!.name}` : ''}`,
    };
  };
}

/**
 * The truth's single-column primary key, given to a source with none or moved from the source's own single
 * column, where both are written on their columns (`.primaryKey()`, `primary_key=True`). The old key column
 * stays NOT NULL unless the truth has it nullable. Moving a key changes what ORM code looks rows up by
 * (`session.get`, identity maps), so that is unsafe; giving a table its first key is not.
 */
export function primaryKeyFixer(transform: FixAction['transform']): Fixer {
  return (ctx) => {
    const { target, truth } = ctx;
    const want = truth.table.primaryKey?.columns;
    const current = target.table.primaryKey;
    if (want?.length !== 1 || (current && current.columns.length !== 1)) return undefined;
    const column = { ...ctx, finding: { ...ctx.finding, column: want[0]! } };
    const have = keyedColumn(column);
    if (!have) return undefined;
    const from = current && target.table.columns.find((c) => c.name === current.columns[0]);
    if (current && (!from?.loc || !from.binding || !within(current.loc, from.loc) || !declaredInTable(target.model.kind, target.table, from))) return undefined;
    const fromNullable = from && truth.table.columns.find((c) => c.name === from.name)?.nullable;
    const python = target.model.kind === 'sqlmodel';
    return {
      file: have.loc!.file,
      transform,
      options: {
        ...columnOptions(column, have),
        ...(from && {
          from: from.name,
          ...(python && from.binding !== from.name && { fromAttribute: from.binding! }),
          fromNullable: String(fromNullable ?? false),
        }),
      },
      description: `${ctx.finding.table}: primary key ${from ? `${from.name} → ` : ''}${have.name}${from ? ' (unsafe)' : ''}`,
      ...(from && { unsafe: true as const }),
    };
  };
}

/**
 * The columns of a multi-column object, in the source being fixed, when a transform can name every one of them
 * the way it writes them: as `t.key` in a Drizzle config, as the column's own name in Python (a string in
 * `UniqueConstraint("a", "b")`/`Index("ix", "a", "b")`, so an attribute named unlike its column is left alone).
 */
function keyedColumns(ctx: FixContext, names: readonly string[]): Column[] | undefined {
  const found: Column[] = [];
  for (const name of names) {
    const have = keyedColumn({ ...ctx, finding: { ...ctx.finding, column: name } });
    if (!have || (ctx.target.model.kind === 'sqlmodel' && have.binding !== name)) return undefined;
    found.push(have);
  }
  return found;
}

/** The multi-column object a keyed finding shows for `source`, by the value it printed. */
function shownObjects(objects: readonly KeyedObject[] | undefined, finding: ComparedFinding, source: string): KeyedObject | undefined {
  const value = finding.values[source];
  return value ? objects?.find((o) => o.value === value && o.columns.length > 1) : undefined;
}

/**
 * How the table declares a uniqueness fact: a UNIQUE constraint, or a unique index over plain columns (a
 * btree one without sort order or operator class: nothing a transform would not write back); undefined else.
 */
function uniqueForm(table: Table, object: KeyedObject): 'constraint' | 'index' | undefined {
  const same = (o: { columns: readonly string[]; name?: string; loc?: unknown }) =>
    o.columns.join() === object.columns.join() && o.name === object.name && o.loc === object.loc;
  if (table.uniques.some((u) => same(u))) return 'constraint';
  const index = table.indexes.find((i) => isUniqueConstraintIndex(i) && same(i));
  if (!index || (index.method && index.method !== 'btree') || index.parts?.some((p) => p.order || p.nulls || p.opclass)) return undefined;
  return 'index';
}

/**
 * A UNIQUE over several columns, added where the truth has it (a `unique().on(t.a, t.b)` or `uniqueIndex()` in
 * the Drizzle config, a `UniqueConstraint("a", "b")` or `Index(…, unique=True)` in Python, as the truth declares
 * it) or removed where the truth has none (safe: only what the database enforces changes). NULLS NOT DISTINCT
 * is not written. The truth's name is written where the source's tool would name it otherwise: Drizzle's
 * default (`<table>_<a>_<b>_unique`) is left out by the transform, PostgreSQL's (`<table>_<a>_<b>_key`, what an
 * unnamed `UniqueConstraint` gets) by the planner; a Python `Index` always needs one.
 */
function multiUnique(ctx: FixContext, transform: FixAction['transform']): ReturnType<Fixer> {
  const { finding, target, truth } = ctx;
  const python = target.model.kind === 'sqlmodel';
  const file = target.table.loc?.file;
  if (!file) return undefined;
  if (finding.presence[target.model.source] === 'absent') {
    const want = shownObjects(uniqueObjects(truth.table), finding, finding.truth);
    if (!want || want.value.includes('NULLS NOT DISTINCT') || !keyedColumns(ctx, want.columns)) return undefined;
    const form = uniqueForm(truth.table, want);
    if (!form || (python && form === 'index' && want.name === undefined)) return undefined;
    if (python && form === 'constraint' && repeatsPrimaryKey(target.table, want.columns)) return undefined;
    const postgresDefault = `${target.table.name}_${want.columns.join('_')}_key`;
    const name = want.name !== undefined && (!python || form === 'index' || want.name !== postgresDefault) ? want.name : undefined;
    return {
      file,
      transform,
      options: {
        table: target.table.name,
        columns: want.columns.join(','),
        unique: 'true',
        ...(name !== undefined && { name }),
        ...(form === 'index' && { form }),
      },
      description: `${finding.table}${finding.column}: unique${name ? ` ${name}` : ''}`,
    };
  }
  if (finding.presence[finding.truth] !== 'absent') return undefined;
  const extra = shownObjects(uniqueObjects(target.table), finding, target.model.source);
  if (!extra || !within(extra.loc, target.table.loc) || !keyedColumns(ctx, extra.columns)) return undefined;
  // A unique index with a method, sort order or operator class is more than the transform matches.
  const asIndex = target.table.indexes.find((i) => i.loc === extra.loc);
  if (asIndex && (asIndex.method || asIndex.parts?.some((p) => p.order || p.nulls || p.opclass))) return undefined;
  return {
    file,
    transform,
    options: {
      table: target.table.name,
      columns: extra.columns.join(','),
      unique: 'false',
      ...(extra.value.includes('NULLS NOT DISTINCT') && { nullsNotDistinct: 'true' }),
    },
    description: `${finding.table}${finding.column}: not unique${extra.name ? ` (${extra.name})` : ''}`,
  };
}

/**
 * A plain btree index over several columns (no predicate, method, sort order or operator class), added where
 * the truth has it (`index("name").on(t.a, t.b)`, `Index("name", "a", "b")`) or removed where it has none.
 * The truth's name is written; Python's `Index` cannot be written without one.
 */
function multiIndex(ctx: FixContext, transform: FixAction['transform']): ReturnType<Fixer> {
  const { finding, target, truth } = ctx;
  const python = target.model.kind === 'sqlmodel';
  const file = target.table.loc?.file;
  if (!file) return undefined;
  const plain = (o: KeyedObject | undefined): o is KeyedObject =>
    !!o && o.value === `INDEX (${o.columns.join(', ')})` && (o.detail === undefined || o.detail === o.value);
  if (finding.presence[target.model.source] === 'absent') {
    const want = shownObjects(indexObjects(truth.table), finding, finding.truth);
    if (!plain(want) || !keyedColumns(ctx, want.columns) || (python && want.name === undefined)) return undefined;
    return {
      file,
      transform,
      options: { table: target.table.name, columns: want.columns.join(','), index: 'true', ...(want.name !== undefined && { name: want.name }) },
      description: `${finding.table}${finding.column}: index${want.name ? ` ${want.name}` : ''}`,
    };
  }
  if (finding.presence[finding.truth] !== 'absent') return undefined;
  const extra = shownObjects(indexObjects(target.table), finding, target.model.source);
  if (!plain(extra) || !within(extra.loc, target.table.loc) || !keyedColumns(ctx, extra.columns)) return undefined;
  // `.using("btree", t.a, t.b)` is a plain index too, but not the `.on(t.a, t.b)` the transform takes out.
  if (target.table.indexes.find((i) => i.loc === extra.loc)?.method) return undefined;
  return {
    file,
    transform,
    options: { table: target.table.name, columns: extra.columns.join(','), index: 'false' },
    description: `${finding.table}${finding.column}: remove the index${extra.name ? ` ${extra.name}` : ''}`,
  };
}
