// Key fixers: single-column uniqueness, plain indexes and primary keys.

import type { ComparedFinding } from '../../compare/finding.ts';
import { indexObjects } from '../../compare/rules/indexes.ts';
import type { KeyedObject } from '../../compare/rules/keyed.ts';
import { uniqueObjects } from '../../compare/rules/uniques.ts';
import type { Column, Table } from '../../model/schema.ts';
import type { FixAction } from '../action.ts';
import { columnOptions, columns, declaredInTable, partlyRead, within, type FixContext, type Fixer } from './shared.ts';

/**
 * The column a single-column keyed finding (unique, index) is about, in the source being fixed, when a
 * transform can find it: written in the table itself, with an identifier key in Drizzle (`t.key` in a config),
 * a class attribute in Python. Multi-column objects (labelled `(a, b)`) are left to the user.
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
 * Single-column uniqueness added where the truth has it and the source does not, or removed where the source
 * has it and the truth does not. Removing changes only what the database enforces, so no caller breaks: safe.
 * NULLS NOT DISTINCT is not written. A Python `index=True` on the column is kept when the truth also indexes
 * it, and goes otherwise (with `unique=True` it was one unique index, not a plain one).
 */
export function uniqueFixer(transform: FixAction['transform']): Fixer {
  return (ctx) => {
    const have = keyedColumn(ctx);
    if (!have) return undefined;
    const { finding, target, truth } = ctx;
    const python = target.model.kind === 'sqlmodel';
    if (finding.presence[target.model.source] === 'absent') {
      const want = shownObject(uniqueObjects(truth.table), finding, finding.truth);
      if (!want || want.value.includes('NULLS NOT DISTINCT')) return undefined;
      // `index=True` with `unique=True` is one unique index: a plain index the truth also has would be lost.
      if (python && hasPlainIndex(target.table, have.name) && hasPlainIndex(truth.table, have.name)) return undefined;
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
