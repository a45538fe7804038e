// Which rule can be fixed in which kind of source, and the transform options that do it. A fixer sees the
// finding and the models (read-only) and says what to change, or nothing when it cannot do so safely.

import type { ComparedFinding } from '../compare/finding.ts';
import { normalizeDefault } from '../compare/normalize/sql-default.ts';
import { fkKey, findForeignKey } from '../compare/rules/foreign-keys.ts';
import { indexObjects } from '../compare/rules/indexes.ts';
import type { KeyedObject } from '../compare/rules/keyed.ts';
import { uniqueObjects } from '../compare/rules/uniques.ts';
import { tableKey } from '../model/names.ts';
import type { Column, ForeignKey, SchemaModel, SourceKind, Span, Table } from '../model/schema.ts';
import type { FixAction } from './action.ts';
import { moduleSpecifier } from './module-specifier.ts';

export interface FixContext {
  finding: ComparedFinding;
  /** The source being fixed and the truth, both modelling the finding's table. */
  target: { model: SchemaModel; table: Table };
  truth: { model: SchemaModel; table: Table };
  /** The rules the user named (`fix --rule …`), when they named any. */
  rules?: readonly string[];
}

type Fixer = (ctx: FixContext) => Omit<FixAction, 'rule' | 'source' | 'finding'> | undefined;

function foreignKeys(ctx: FixContext): { have: ForeignKey; want: ForeignKey } | undefined {
  const column = ctx.finding.column;
  // Multi-column keys (labelled `(a, b)`) are reported but not yet rewritten.
  if (!column || column.startsWith('(')) return undefined;
  const have = findForeignKey(ctx.target.table, fkKey([column]));
  const want = findForeignKey(ctx.truth.table, fkKey([column]));
  return have && want && have.loc ? { have, want } : undefined;
}

/** `users.id`, or `auth.users.id` outside public: how SQLAlchemy's `ForeignKey("…")` names a column. */
function pythonTarget(fk: ForeignKey): string {
  return `${tableKey(fk.target)}.${fk.target.columns[0]}`;
}

const drizzleFkTarget: Fixer = (ctx) => {
  const fks = foreignKeys(ctx);
  if (!fks) return undefined;
  const { target } = fks.want;
  // The new target must be a table the Drizzle schema declares, so there is a variable to point at.
  const table = ctx.target.model.tables.find((t) => t.schema === target.schema && t.name === target.table);
  const column = table?.columns.find((c) => c.name === target.columns[0]);
  if (!table?.binding || !column?.binding || !table.loc) return undefined;
  // A key that is no identifier (`"user-id": text(…)`) needs `t["user-id"]`, which the reader does not read back.
  if (!/^[A-Za-z_$][\w$]*$/.test(column.binding)) return undefined;
  const file = fks.have.loc!.file;
  const options: Record<string, string> = {
    table: ctx.target.table.name,
    column: fks.have.columns[0]!,
    target: pythonTarget(fks.want),
    targetBinding: `${table.binding}.${column.binding}`,
  };
  if (table.loc.file !== file) options.importFrom = moduleSpecifier(file, table.loc.file);
  return {
    file,
    transform: 'drizzle-fk-target',
    options,
    description: `${ctx.finding.table}.${ctx.finding.column}: references → ${options.targetBinding}`,
  };
};

/** A fixer that edits the FK where the source declares it, with options read off the truth's FK. */
function fkFixer(
  transform: FixAction['transform'],
  change: (want: ForeignKey) => { option: string; value: string; label: string },
  declines: (ctx: FixContext, have: ForeignKey) => boolean = () => false,
): Fixer {
  return (ctx) => {
    const fks = foreignKeys(ctx);
    if (!fks || declines(ctx, fks.have)) return undefined;
    const { option, value, label } = change(fks.want);
    const name = fks.have.columns[0]!;
    const binding = ctx.target.table.columns.find((c) => c.name === name)?.binding;
    // A column with no binding is one of a Python `Table(...)`: no class attribute for the transform to find.
    if (ctx.target.model.kind === 'sqlmodel' && !binding) return undefined;
    return {
      file: fks.have.loc!.file,
      transform,
      options: {
        table: ctx.target.table.name,
        column: name,
        // SQLModel finds a field by its attribute: `team: str = Field(sa_column=Column("team_id", ForeignKey(…)))`.
        ...(ctx.target.model.kind === 'sqlmodel' && binding !== name && { attribute: binding! }),
        [option]: value,
      },
      description: `${ctx.finding.table}.${ctx.finding.column}: ${label} → ${value}`,
    };
  };
}

const drizzleFkOnDelete = fkFixer('drizzle-fk-on-delete', (fk) => ({ option: 'onDelete', value: fk.onDelete, label: 'onDelete' }));
const drizzleFkOnUpdate = fkFixer('drizzle-fk-on-update', (fk) => ({ option: 'onUpdate', value: fk.onUpdate, label: 'onUpdate' }));
const sqlmodelForeignKey = fkFixer('sqlmodel-foreign-key', (fk) => ({ option: 'target', value: pythonTarget(fk), label: 'foreign_key' }));
const sqlmodelOnDelete = fkFixer('sqlmodel-on-delete', (fk) => ({ option: 'onDelete', value: fk.onDelete, label: 'ondelete' }));
const sqlmodelOnUpdate = fkFixer('sqlmodel-on-update', (fk) => ({ option: 'onUpdate', value: fk.onUpdate, label: 'onupdate' }), declaredByField);

/**
 * Whether the key is SQLModel's `Field(foreign_key=…)`, which cannot say ON UPDATE. The reader places that
 * key at the `Field(...)` call, the column's own value, so it ends where the column's statement ends; a
 * `ForeignKey(...)` ends inside its `Column(...)`/`mapped_column(...)`, a `ForeignKeyConstraint` is elsewhere.
 */
function declaredByField(ctx: FixContext, have: ForeignKey): boolean {
  const column = ctx.target.table.columns.find((c) => c.name === have.columns[0]);
  return !!column?.loc && column.loc.file === have.loc!.file && column.loc.end === have.loc!.end;
}

/** The finding's column in the source being fixed and in the truth, when both declare it where code can be edited. */
function columns(ctx: FixContext): { have: Column; want: Column } | undefined {
  const name = ctx.finding.column;
  const have = name ? ctx.target.table.columns.find((c) => c.name === name) : undefined;
  const want = name ? ctx.truth.table.columns.find((c) => c.name === name) : undefined;
  return have?.loc && want ? { have, want } : undefined;
}

/**
 * A column the reader only partly understood (a diagnostic inside its declaration) may say more than the
 * model shows, so an edit could not be relied on to settle the finding; it is left to the user.
 */
function partlyRead(model: SchemaModel, column: Column): boolean {
  const loc = column.loc!;
  return model.diagnostics.some((d) => d.loc && d.loc.file === loc.file && d.loc.start >= loc.start && d.loc.end <= loc.end);
}

/**
 * NOT NULL ↔ nullable. Never towards nullable for a column that is NOT NULL by construction — a primary
 * key, an identity or serial column (PostgreSQL makes those NOT NULL whatever the code says).
 */
function nullableFixer(transform: FixAction['transform']): Fixer {
  return (ctx) => {
    const cols = columns(ctx);
    if (!cols || cols.have.nullable === cols.want.nullable || partlyRead(ctx.target.model, cols.have)) return undefined;
    // A column with no binding is one of a Python `Table(...)`: no class attribute for the transform to find.
    if (!cols.have.binding) return undefined;
    const { have, want } = cols;
    if (want.nullable) {
      const inPk = ctx.target.table.primaryKey?.columns.includes(have.name);
      if (inPk || have.identity || have.default?.startsWith('nextval(')) return undefined;
    }
    return {
      file: have.loc!.file,
      transform,
      options: { table: ctx.target.table.name, column: have.name, nullable: String(want.nullable) },
      description: `${ctx.finding.table}.${have.name}: ${want.nullable ? 'nullable' : 'NOT NULL'}`,
    };
  };
}

/** Whether the column is written where a column transform looks for it, not spread in or inherited from elsewhere. */
function declaredInTable(kind: SourceKind, table: Table, column: Column): boolean {
  const [loc, tableLoc] = [column.loc!, table.loc];
  if (!tableLoc || loc.file !== tableLoc.file) return false;
  // Drizzle edits the pgTable(...) call's own column object; Python also finds same-file base classes.
  return kind !== 'drizzle' || (loc.start >= tableLoc.start && loc.end <= tableLoc.end);
}

/**
 * A server default the source declares differently from the truth, rewritten to the truth's. Plan never asks
 * for a default only the truth has: `check` reports that as `info`, since the application may fill the value
 * itself (`$defaultFn`, `default_factory=`), so adding one is the user's call. Serial, identity and generated
 * columns get their value from what they are, not from a default a transform could write.
 */
function defaultFixer(transform: FixAction['transform']): Fixer {
  return (ctx) => {
    const cols = columns(ctx);
    if (!cols || !cols.have.binding || partlyRead(ctx.target.model, cols.have)) return undefined;
    const { have, want } = cols;
    const [haveSql, wantSql] = [normalizeDefault(have.default), normalizeDefault(want.default)];
    if (haveSql === undefined || wantSql === undefined || haveSql === wantSql) return undefined;
    if ([haveSql, wantSql].some((d) => d.startsWith('nextval(')) || /^(\w+\.)?(small|big)?serial\(/.test(have.type.written ?? '')) return undefined;
    if (have.identity || want.identity || have.generated !== undefined || want.generated !== undefined) return undefined;
    if (!declaredInTable(ctx.target.model.kind, ctx.target.table, have)) return undefined;
    return {
      file: have.loc!.file,
      transform,
      options: {
        table: ctx.target.table.name,
        column: have.name,
        // SQLModel finds a field by its attribute: `team_size: int = Field(sa_column=Column("size", …))`.
        ...(ctx.target.model.kind === 'sqlmodel' && have.binding !== have.name && { attribute: have.binding! }),
        default: want.default!,
      },
      description: `${ctx.finding.table}.${have.name}: default → ${want.default}`,
    };
  };
}

/** Rules whose fixers add what a source lacks, so plan asks them about sources where the fact is `absent`. */
export const ADDS_ABSENT: ReadonlySet<string> = new Set(['column-missing', 'unique-missing', 'index-missing', 'table-missing']);

/**
 * Whether adding `name` alone would leave the table short of something the truth builds with it: a primary key
 * (the source's table has another, or none), or a constraint or index over several columns. Those need the
 * user's hand; a single-column unique, index or foreign key is reported on its own once the column is there.
 */
function inMultiColumnConstraint(table: Table, name: string): boolean {
  if (table.primaryKey?.columns.includes(name)) return true;
  const groups = [...table.uniques, ...table.indexes, ...table.foreignKeys].map((c) => c.columns);
  return groups.some((columns) => columns.length > 1 && columns.includes(name));
}

/** What a plain `datetime` is for the SQLModel the reader assumed (its note says), as the transform's option. */
function plainDatetime(model: SchemaModel): string | undefined {
  const said = model.notes?.map((n) => /a plain datetime is (timestamp (?:with|without) time zone)$/.exec(n)?.[1]).find(Boolean);
  return said ?? undefined;
}

/**
 * A column the truth has and a source modelling the table lacks, added after the nearest column before it in
 * the truth that the source writes in the table itself (first when there is none). Columns whose value comes
 * from what they are (identity, generated, serial), or that belong to a primary key or to a multi-column
 * constraint, are left to the user.
 */
function missingColumnFixer(transform: FixAction['transform']): Fixer {
  return (ctx) => {
    const name = ctx.finding.column;
    const { model, table } = ctx.target;
    if (!name || ctx.finding.presence[model.source] !== 'absent' || table.columns.some((c) => c.name === name)) return undefined;
    const index = ctx.truth.table.columns.findIndex((c) => c.name === name);
    const want = ctx.truth.table.columns[index];
    if (!want?.type.sql || !table.loc) return undefined;
    if (want.identity || want.generated !== undefined || want.default?.startsWith('nextval(')) return undefined;
    if (inMultiColumnConstraint(ctx.truth.table, name)) return undefined;
    // A Python `__table__ = Table(...)` has columns but no attributes: not a class the transform writes into.
    if (table.columns.some((c) => !c.loc || !c.binding)) return undefined;
    const own = (c: Column) => declaredInTable(model.kind, table, c) && c.loc!.start >= table.loc!.start && c.loc!.end <= table.loc!.end;
    const after = ctx.truth.table.columns
      .slice(0, index)
      .reverse()
      .map((c) => table.columns.find((have) => have.name === c.name))
      .find((have) => have !== undefined && own(have));
    const enumType = model.enums?.find((e) => e.name === want.type.sql && e.binding);
    const datetime = model.kind === 'sqlmodel' ? plainDatetime(model) : undefined;
    const options: Record<string, string> = {
      table: table.name,
      column: name,
      ...(after && { after: after.name }),
      type: want.type.sql,
      nullable: String(want.nullable),
      ...(want.default !== undefined && { default: want.default }),
      ...(model.kind === 'drizzle' && enumType && { enum: enumType.binding! }),
      ...(datetime && { datetime }),
    };
    return {
      file: table.loc.file,
      transform,
      options,
      description: `${ctx.finding.table}.${name}: add ${want.type.sql}${want.nullable ? '' : ' NOT NULL'}${after ? ` after ${after.name}` : ' first'}`,
    };
  };
}

/**
 * The truth's type, where the source declares the column in the table itself. `text` and a length-less
 * `varchar` are one type to PostgreSQL (`check` says `info`), so that spelling is changed only when the user
 * names the rule (`fix --rule column-type`). A serial or identity column's type comes with what it is, and a
 * column the reader only partly understood may say more than its type: both are left to the user.
 */
function typeFixer(transform: FixAction['transform']): Fixer {
  return (ctx) => {
    const cols = columns(ctx);
    if (!cols || !cols.have.binding || partlyRead(ctx.target.model, cols.have)) return undefined;
    const { have, want } = cols;
    if (!want.type.sql || !have.type.sql) return undefined;
    if (ctx.finding.severity === 'info' && !ctx.rules?.includes('column-type')) return undefined;
    if (have.identity || have.default?.startsWith('nextval(') || /^(\w+\.)?(small|big)?serial\b/.test(have.type.written ?? '')) return undefined;
    const { model, table } = ctx.target;
    if (!declaredInTable(model.kind, table, have)) return undefined;
    const enumType = model.enums?.find((e) => e.name === want.type.sql && e.binding);
    const datetime = model.kind === 'sqlmodel' ? plainDatetime(model) : undefined;
    return {
      file: have.loc!.file,
      transform,
      options: {
        table: table.name,
        column: have.name,
        // SQLModel finds a field by its attribute: `team_size: int = Field(sa_column=Column("size", …))`.
        ...(model.kind === 'sqlmodel' && have.binding !== have.name && { attribute: have.binding! }),
        type: want.type.sql,
        ...(model.kind === 'drizzle' && enumType && { enum: enumType.binding! }),
        ...(datetime && { datetime }),
      },
      description: `${ctx.finding.table}.${have.name}: type → ${want.type.sql}`,
    };
  };
}

/** Rules whose fixers remove what the truth lacks, so plan asks them although the truth has no value. */
export const REMOVES_PRESENT: ReadonlySet<string> = new Set(['column-extra', 'unique-extra', 'index-extra']);

/**
 * A column the source declares and the truth's table does not have, removed from the table or class. Code
 * may still read it, so the action is unsafe: planned always (the dry run shows it), applied only with
 * `--unsafe`. Columns declared outside the table's own text (a spread helper, a mixin) are left alone.
 */
function extraColumnFixer(transform: FixAction['transform']): Fixer {
  return (ctx) => {
    const name = ctx.finding.column;
    const { model, table } = ctx.target;
    const have = name ? table.columns.find((c) => c.name === name) : undefined;
    if (!have?.loc || !table.loc || ctx.truth.table.columns.some((c) => c.name === name)) return undefined;
    if (!declaredInTable(model.kind, table, have)) return undefined;
    return {
      file: have.loc.file,
      transform,
      options: { table: table.name, column: have.name },
      description: `${ctx.finding.table}.${have.name}: remove the column (unsafe)`,
      unsafe: true,
    };
  };
}

/** Whether `inner` is written inside `outer`, in the same file. */
function within(inner: Span | undefined, outer: Span | undefined): boolean {
  return !!inner && !!outer && inner.file === outer.file && inner.start >= outer.start && inner.end <= outer.end;
}

/**
 * The column a single-column keyed finding (unique, index) is about, in the source being fixed, when a
 * transform can find it: written in the table itself, with an identifier key in Drizzle (`t.key` in a config),
 * a class attribute in Python. Multi-column objects (labelled `(a, b)`) are left to the user.
 */
function keyedColumn(ctx: FixContext): Column | undefined {
  const name = ctx.finding.column;
  if (!name || name.startsWith('(')) return undefined;
  const { model, table } = ctx.target;
  const have = table.columns.find((c) => c.name === name);
  if (!have?.loc || !have.binding || !declaredInTable(model.kind, table, have) || partlyRead(model, have)) return undefined;
  if (model.kind === 'drizzle' && !/^[A-Za-z_$][\w$]*$/.test(have.binding)) return undefined;
  return have;
}

/** The object a keyed finding shows for `source`, by the value it printed. */
function shownObject(objects: readonly KeyedObject[] | undefined, finding: ComparedFinding, source: string): KeyedObject | undefined {
  const value = finding.values[source];
  return value ? objects?.find((o) => o.value === value && o.columns.length === 1) : undefined;
}

/** Transform options that find a column: SQLModel by its attribute when that is not the column's name. */
function columnOptions(ctx: FixContext, column: Column): Record<string, string> {
  return {
    table: ctx.target.table.name,
    column: column.name,
    ...(ctx.target.model.kind === 'sqlmodel' && column.binding !== column.name && { attribute: column.binding! }),
  };
}

/** Whether the table has a plain single-column btree index on `column`: `INDEX (column)` with nothing more. */
function hasPlainIndex(table: Table, column: string): boolean {
  return (indexObjects(table) ?? []).some((o) => o.value === `INDEX (${column})` && (o.detail === undefined || o.detail === o.value));
}

/**
 * Single-column uniqueness added where the truth has it and the source does not, or removed where the source
 * has it and the truth does not. Removing changes only what the database enforces, so no caller breaks: safe.
 * NULLS NOT DISTINCT is not written. A Python `index=True` on the column is kept when the truth also indexes
 * it, and goes otherwise (with `unique=True` it was one unique index, not a plain one).
 */
function uniqueFixer(transform: FixAction['transform']): Fixer {
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
function indexFixer(transform: FixAction['transform']): Fixer {
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
function primaryKeyFixer(transform: FixAction['transform']): Fixer {
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

// SQLModel's Field(foreign_key=…) has no ON UPDATE, so in Python fk-on-update is fixed only where SQLAlchemy
// declares the key: ForeignKey(…, onupdate=…) in a column, or a ForeignKeyConstraint.
export const FIXERS: Partial<Record<string, Partial<Record<SourceKind, Fixer>>>> = {
  'fk-target': { drizzle: drizzleFkTarget, sqlmodel: sqlmodelForeignKey },
  'fk-on-delete': { drizzle: drizzleFkOnDelete, sqlmodel: sqlmodelOnDelete },
  'fk-on-update': { drizzle: drizzleFkOnUpdate, sqlmodel: sqlmodelOnUpdate },
  'column-nullable': { drizzle: nullableFixer('drizzle-column-nullable'), sqlmodel: nullableFixer('sqlmodel-column-nullable') },
  'column-default': { drizzle: defaultFixer('drizzle-column-default'), sqlmodel: defaultFixer('sqlmodel-column-default') },
  'column-missing': { drizzle: missingColumnFixer('drizzle-column-add'), sqlmodel: missingColumnFixer('sqlmodel-column-add') },
  'column-extra': { drizzle: extraColumnFixer('drizzle-column-remove'), sqlmodel: extraColumnFixer('sqlmodel-column-remove') },
  'unique-missing': { drizzle: uniqueFixer('drizzle-unique'), sqlmodel: uniqueFixer('sqlmodel-unique') },
  'unique-extra': { drizzle: uniqueFixer('drizzle-unique'), sqlmodel: uniqueFixer('sqlmodel-unique') },
  'index-missing': { drizzle: indexFixer('drizzle-index'), sqlmodel: indexFixer('sqlmodel-index') },
  'index-extra': { drizzle: indexFixer('drizzle-index'), sqlmodel: indexFixer('sqlmodel-index') },
  'primary-key': { drizzle: primaryKeyFixer('drizzle-primary-key'), sqlmodel: primaryKeyFixer('sqlmodel-primary-key') },
  'column-type': { drizzle: typeFixer('drizzle-column-type'), sqlmodel: typeFixer('sqlmodel-column-type') },
};

/** What a fixer that writes a whole table sees: the source lacks the table, so it has only the model. */
export interface TableFixContext {
  finding: ComparedFinding;
  target: { model: SchemaModel };
  truth: { model: SchemaModel; table: Table };
  rules?: readonly string[];
}

type TableFixer = (ctx: TableFixContext) => Omit<FixAction, 'rule' | 'source' | 'finding'> | undefined;

/** The file most of `tables` are written in, first seen on a tie; undefined when none is written anywhere. */
function mostCommonFile(tables: readonly Table[]): string | undefined {
  const counts = new Map<string, number>();
  for (const t of tables) if (t.loc) counts.set(t.loc.file, (counts.get(t.loc.file) ?? 0) + 1);
  let best: string | undefined;
  for (const [file, n] of counts) if (best === undefined || n > counts.get(best)!) best = file;
  return best;
}

const sameTable = (t: Table, ref: { schema: string; table: string }) => t.schema === ref.schema && t.name === ref.table;

/**
 * The truth's table written as a `pgTable(…)` at the end of the file holding most of the tables it references
 * or is referenced by (else most of the source's tables). Only what the transform writes back exactly is
 * planned: public tables with at most a single-column primary key, columns of a type with a builder or a
 * pgEnum the source declares (serial ones too), no identity or generated columns, and single-column foreign keys to
 * tables with a variable in that file. Anything else is left to the user: a half-written table would hide
 * the drift it leaves.
 */
const drizzleTableAdd: TableFixer = (ctx) => {
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
  const file = mostCommonFile(related) ?? mostCommonFile(model.tables);
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
    },
    description: `${ctx.finding.table}: add pgTable ${variable} (${want.columns.length} column${want.columns.length === 1 ? '' : 's'})`,
  };
};

/**
 * The truth's table written as a SQLModel or SQLAlchemy 2.0 class (as the file's classes are) at the end of the
 * file chosen as for Drizzle. Foreign keys are strings (`"users.id"`), so their targets need only be tables the
 * source models. Left to the user: tables outside `public`, composite keys, identity and generated columns, and
 * sequence defaults other than a lone integer key's own serial one (which SQLAlchemy writes by itself).
 */
const sqlmodelTableAdd: TableFixer = (ctx) => {
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
  const file = mostCommonFile(related) ?? mostCommonFile(model.tables);
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
    },
    description: `${ctx.finding.table}: add class ${className} (${want.columns.length} column${want.columns.length === 1 ? '' : 's'})`,
  };
};

/** Fixers for rules about a table the source lacks altogether; plan asks them where the source has no such table. */
export const TABLE_FIXERS: Partial<Record<string, Partial<Record<SourceKind, TableFixer>>>> = {
  'table-missing': { drizzle: drizzleTableAdd, sqlmodel: sqlmodelTableAdd },
};
