// Table fixers: a whole table written for a source that must model it and lacks it, or (unsafely) removed from a
// source that declares a table the truth lacks.

import type { ComparedFinding } from '../../compare/finding.ts';
import { normalizeDefault } from '../../compare/normalize/sql-default.ts';
import { tableKey } from '../../model/names.ts';
import type { Column, Index, SchemaModel, Table } from '../../model/schema.ts';
import type { FixAction } from '../action.ts';
import { plainDatetime, pythonTarget } from './shared.ts';

/** What a fixer that writes a whole table sees: the source lacks the table, so it has only the model. */
export interface TableFixContext {
  finding: ComparedFinding;
  /** `newTableFile`: where config says this source's new tables go; else the file holding most related tables. */
  target: { model: SchemaModel; newTableFile?: string };
  truth: { model: SchemaModel; table: Table };
  rules?: readonly string[];
}

export type TableFixer = (ctx: TableFixContext) => Omit<FixAction, 'rule' | 'source' | 'finding'> | undefined;

/** The file most of `tables` are written in, first seen on a tie; undefined when none is written anywhere. */
export function mostCommonFile(tables: readonly Table[]): string | undefined {
  const counts = new Map<string, number>();
  for (const t of tables) if (t.loc) counts.set(t.loc.file, (counts.get(t.loc.file) ?? 0) + 1);
  let best: string | undefined;
  for (const [file, n] of counts) if (best === undefined || n > counts.get(best)!) best = file;
  return best;
}

export const sameTable = (t: Table, ref: { schema: string; table: string }) => t.schema === ref.schema && t.name === ref.table;

/** A uniqueness fact a table-add transform writes with the table: a UNIQUE constraint or a unique index. */
interface UniqueOption {
  columns: string[];
  name?: string;
  form?: 'index';
}

/** A plain btree index a table-add transform writes with the table. */
interface IndexOption {
  columns: string[];
  name?: string;
}

/**
 * The truth table's uniqueness facts and plain indexes that the table-add transforms write back exactly, as
 * uniqueObjects/indexObjects compare them: UNIQUE constraints and unique indexes over plain columns, plain btree
 * indexes over plain columns, in order; nothing with a predicate, an expression, another method, a sort order,
 * NULLS placement, an operator class or NULLS NOT DISTINCT; nor an object whose meaning another one written
 * already has (the comparison keys them alike). A unique over the primary key's columns is written when the
 * truth has one (PostgreSQL drops it from a CREATE TABLE with the key, so only an ALTER TABLE adds it): left
 * out, it would be unique-missing, and the next fix would write it on the column. In Python an index over several columns cannot be written
 * without a name (SQLAlchemy's `Index`); in Drizzle one over a column whose key might not follow `t.` is left
 * out. What is left out stays drift of its own after the table is written: a table with most of its facts
 * beats no table.
 */
function keyedOptions(want: Table, tool: 'drizzle' | 'python'): { uniques: UniqueOption[]; indexes: IndexOption[] } {
  // A Drizzle config names columns as `t.key`, and a key is the name or its camelCase: both identifiers only for these.
  const isColumn = (name: string) => want.columns.some((c) => c.name === name) && (tool === 'python' || /^[A-Za-z]\w*$/.test(name));
  const named = tool === 'python';
  const plain = (i: Index) =>
    (i.method === undefined || i.method === 'btree') &&
    i.where === undefined &&
    i.columns.length > 0 &&
    i.columns.every(isColumn) &&
    (i.parts === undefined || (i.parts.length === i.columns.length && i.parts.every((p, n) => p.column === i.columns[n] && !p.expression && !p.order && !p.nulls && !p.opclass)));
  const sorted = (columns: readonly string[]) => [...columns].sort().join(',');
  const seen = new Set<string>();
  const uniques: UniqueOption[] = [];
  const addUnique = (columns: string[], name: string | undefined, form: 'constraint' | 'index') => {
    const key = sorted(columns);
    if (seen.has(key) || (named && form === 'index' && columns.length > 1 && name === undefined)) return;
    seen.add(key);
    uniques.push({ columns, ...(name !== undefined && { name }), ...(form === 'index' && { form }) });
  };
  for (const u of want.uniques) if (!u.nullsNotDistinct && u.columns.length > 0 && u.columns.every(isColumn)) addUnique(u.columns, u.name, 'constraint');
  for (const i of want.indexes) if (i.unique && plain(i)) addUnique(i.columns, i.name, 'index');
  const indexed = new Set<string>();
  const indexes: IndexOption[] = [];
  for (const i of want.indexes) {
    const key = i.columns.join(',');
    if (i.unique || !plain(i) || indexed.has(key) || (named && i.columns.length > 1 && i.name === undefined)) continue;
    indexed.add(key);
    indexes.push({ columns: i.columns, ...(i.name !== undefined && { name: i.name }) });
  }
  return { uniques, indexes };
}

/** The `uniques`/`indexes` options, JSON, only when there is something to write. */
function keyedJson(keyed: ReturnType<typeof keyedOptions>): { uniques?: string; indexes?: string } {
  return {
    ...(keyed.uniques.length > 0 && { uniques: JSON.stringify(keyed.uniques) }),
    ...(keyed.indexes.length > 0 && { indexes: JSON.stringify(keyed.indexes) }),
  };
}

/**
 * The truth's table written as a `pgTable(…)` at the end of the file holding most of the tables it references
 * or is referenced by (else most of the source's tables). Only what the transform writes back exactly is
 * planned: public tables with at most a single-column primary key, columns of a type with a builder or a
 * pgEnum the source declares (serial ones too), no identity or generated columns, and single-column foreign keys to
 * tables with a variable in that file. Anything else is left to the user: a half-written table would hide
 * the drift it leaves. Its uniques and plain indexes come with it (keyedOptions); one the transform cannot
 * write exactly is left out and stays a finding of its own (unique-missing, index-missing).
 */
export const drizzleTableAdd: TableFixer = (ctx) => {
  const { model } = ctx.target;
  const want = ctx.truth.table;
  if (want.schema !== 'public' || want.columns.length === 0 || (want.primaryKey?.columns.length ?? 0) > 1) return undefined;
  // A serial column's own sequence default is written as serial(); any other sequence default is not.
  const ownSerial = (c: Column) => normalizeDefault(c.default) === normalizeDefault(`nextval('${want.name}_${c.name}_seq'::regclass)`);
  if (want.columns.some((c) => !c.type.sql || c.identity || c.generated !== undefined || (c.default?.startsWith('nextval(') && !ownSerial(c)))) return undefined;
  if (want.foreignKeys.some((fk) => fk.columns.length !== 1 || fk.deferrable || fk.match)) return undefined;
  const related = model.tables.filter(
    (t) =>
      want.foreignKeys.some((fk) => sameTable(t, fk.target)) ||
      t.foreignKeys.some((fk) => fk.target.schema === want.schema && fk.target.table === want.name),
  );
  const file = ctx.target.newTableFile ?? mostCommonFile(related) ?? mostCommonFile(model.tables);
  if (!file) return undefined;
  const foreignKeys: { column: string; references: string; onDelete: string; onUpdate: string }[] = [];
  for (const fk of want.foreignKeys) {
    const target = model.tables.find((t) => sameTable(t, fk.target));
    const column = target?.columns.find((c) => c.name === fk.target.columns[0]);
    if (target?.loc?.file !== file || !target.binding || !column?.binding || !/^[A-Za-z_$][\w$]*$/.test(column.binding)) return undefined;
    foreignKeys.push({ column: fk.columns[0]!, references: `${target.binding}.${column.binding}`, onDelete: fk.onDelete, onUpdate: fk.onUpdate });
  }
  const columns = want.columns.map((c) => {
    const enumType = model.enums?.find((e) => e.name === c.type.sql && e.binding);
    return {
      name: c.name,
      type: c.type.sql!,
      nullable: c.nullable,
      ...(c.default !== undefined && { default: c.default }),
      ...(want.primaryKey?.columns[0] === c.name && { primaryKey: true }),
      ...(enumType && { enum: enumType.binding! }),
    };
  });
  const variable = want.name.replace(/_+([a-zA-Z0-9])/g, (_, ch: string) => ch.toUpperCase());
  if (!/^[A-Za-z_$][\w$]*$/.test(variable)) return undefined;
  return {
    file,
    transform: 'drizzle-table-add',
    options: {
      table: want.name,
      variable,
      columns: JSON.stringify(columns),
      ...(foreignKeys.length > 0 && { foreignKeys: JSON.stringify(foreignKeys) }),
      ...keyedJson(keyedOptions(want, 'drizzle')),
    },
    description: `${ctx.finding.table}: add pgTable ${variable} (${want.columns.length} column${want.columns.length === 1 ? '' : 's'})`,
  };
};

/**
 * The truth's table written as a SQLModel or SQLAlchemy 2.0 class (as the file's classes are) at the end of the
 * file chosen as for Drizzle. Foreign keys are strings (`"users.id"`), so their targets need only be tables the
 * source models. Left to the user: tables outside `public`, composite keys, identity and generated columns, and
 * sequence defaults other than a lone integer key's own serial one (which SQLAlchemy writes by itself). Uniques
 * and plain indexes come with the class as for Drizzle; an index over several columns needs a name there.
 */
export const sqlmodelTableAdd: TableFixer = (ctx) => {
  const { model } = ctx.target;
  const want = ctx.truth.table;
  if (want.schema !== 'public' || want.columns.length === 0 || (want.primaryKey?.columns.length ?? 0) > 1) return undefined;
  if (want.columns.some((c) => !c.type.sql || c.identity || c.generated !== undefined)) return undefined;
  if (want.foreignKeys.some((fk) => fk.columns.length !== 1 || fk.deferrable || fk.match || !model.tables.some((t) => sameTable(t, fk.target)))) return undefined;
  const related = model.tables.filter(
    (t) =>
      want.foreignKeys.some((fk) => sameTable(t, fk.target)) ||
      t.foreignKeys.some((fk) => fk.target.schema === want.schema && fk.target.table === want.name),
  );
  const file = ctx.target.newTableFile ?? mostCommonFile(related) ?? mostCommonFile(model.tables);
  if (!file) return undefined;
  const columns = want.columns.map((c) => ({
    name: c.name,
    type: c.type.sql!,
    nullable: c.nullable,
    ...(c.default !== undefined && { default: c.default }),
    ...(want.primaryKey?.columns[0] === c.name && { primaryKey: true }),
  }));
  const foreignKeys = want.foreignKeys.map((fk) => ({ column: fk.columns[0]!, target: pythonTarget(fk), onDelete: fk.onDelete, onUpdate: fk.onUpdate }));
  const className = want.name.replace(/(?:^|_+)([a-zA-Z0-9])/g, (_, ch: string) => ch.toUpperCase());
  if (!/^[A-Za-z_]\w*$/.test(className)) return undefined;
  const datetime = plainDatetime(model);
  return {
    file,
    transform: 'sqlmodel-table-add',
    options: {
      table: want.name,
      className,
      columns: JSON.stringify(columns),
      ...(foreignKeys.length > 0 && { foreignKeys: JSON.stringify(foreignKeys) }),
      ...(datetime && { datetime }),
      ...keyedJson(keyedOptions(want, 'python')),
    },
    description: `${ctx.finding.table}: add class ${className} (${want.columns.length} column${want.columns.length === 1 ? '' : 's'})`,
  };
};

/** What a fixer that removes a whole table sees: the truth lacks the table, so it has only the truth's model. */
export interface TableRemoveContext {
  finding: ComparedFinding;
  target: { model: SchemaModel; table: Table };
  truth: { model: SchemaModel };
  rules?: readonly string[];
}

export type TableRemover = (ctx: TableRemoveContext) => Omit<FixAction, 'rule' | 'source' | 'finding'> | undefined;

/**
 * Whether the source declares the table once, where a transform can find it: written somewhere, bound to a
 * name, and not a second declaration the reader set aside (its diagnostic names the table; the transform
 * would leave the other one behind).
 */
function declaredOnce(model: SchemaModel, table: Table): boolean {
  if (!table.loc || !table.binding) return false;
  return !model.diagnostics.some((d) => d.duplicateTable === tableKey(table));
}

/**
 * Whether another table of the source has a foreign key to this one. Removing the table would leave that key
 * pointing at nothing: a Drizzle `.references(() => x.id)` that no longer compiles, a SQLAlchemy
 * `ForeignKey("x.id")` that fails when the metadata is built. The truth lacks the table, so those keys are
 * drift of their own (`fk-extra`, or a wrong `fk-target`) for the user to settle first; a key of the table to
 * itself goes with it.
 */
function referencedByOthers(model: SchemaModel, table: Table): boolean {
  return model.tables.some((t) => t !== table && t.foreignKeys.some((fk) => fk.target.schema === table.schema && fk.target.table === table.name));
}

/**
 * A table the source declares and the truth lacks (`table-missing` with the truth `absent`), removed whole from
 * the file declaring it. Code elsewhere may import it, so the action is unsafe: planned always (the dry run shows
 * it), applied only with `--unsafe`. Left to the user: a table without a place or name the transform can find,
 * one declared twice, and one other tables of the source reference.
 */
function tableRemover(transform: 'drizzle-table-remove' | 'sqlmodel-table-remove', option: 'variable' | 'binding'): TableRemover {
  return (ctx) => {
    const { model, table } = ctx.target;
    if (ctx.finding.presence[ctx.finding.truth] !== 'absent' || ctx.truth.model.tables.some((t) => tableKey(t) === tableKey(table))) return undefined;
    if (!declaredOnce(model, table) || referencedByOthers(model, table)) return undefined;
    return {
      file: table.loc!.file,
      transform,
      // The SQL name finds the table; the binding tells apart same-named tables of different schemas.
      options: { table: table.name, [option]: table.binding! },
      description: `${ctx.finding.table}: remove the table (unsafe)`,
      unsafe: true,
    };
  };
}

/** `export const x = pgTable(…)` removed (transform `drizzle-table-remove`). */
export const drizzleTableRemove: TableRemover = tableRemover('drizzle-table-remove', 'variable');

/** The SQLModel/SQLAlchemy class or `x = Table(…)` removed (transform `sqlmodel-table-remove`). */
export const sqlmodelTableRemove: TableRemover = tableRemover('sqlmodel-table-remove', 'binding');
