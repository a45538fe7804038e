// What every fixer sees (FixContext) and the questions several families of fixers ask of a model: where
// a column is written, whether the reader understood it, how Python names a foreign key's target.

import type { ComparedFinding } from '../../compare/finding.ts';
import { tableKey } from '../../model/names.ts';
import type { Column, ForeignKey, SchemaModel, SourceKind, Span, Table } from '../../model/schema.ts';
import type { FixAction } from '../action.ts';

export interface FixContext {
  finding: ComparedFinding;
  /** The source being fixed and the truth, both modelling the finding's table. */
  target: { model: SchemaModel; table: Table };
  truth: { model: SchemaModel; table: Table };
  /** The rules the user named (`fix --rule …`), when they named any. */
  rules?: readonly string[];
}

export type Fixer = (ctx: FixContext) => Omit<FixAction, 'rule' | 'source' | 'finding'> | undefined;

/** `users.id`, or `auth.users.id` outside public: how SQLAlchemy's `ForeignKey("…")` names a column. */
export function pythonTarget(fk: ForeignKey): string {
  return `${tableKey(fk.target)}.${fk.target.columns[0]}`;
}

/** The finding's column in the source being fixed and in the truth, when both declare it where code can be edited. */
export function columns(ctx: FixContext): { have: Column; want: Column } | undefined {
  const name = ctx.finding.column;
  const have = name ? ctx.target.table.columns.find((c) => c.name === name) : undefined;
  const want = name ? ctx.truth.table.columns.find((c) => c.name === name) : undefined;
  return have?.loc && want ? { have, want } : undefined;
}

/**
 * A column the reader only partly understood (a diagnostic inside its declaration) may say more than the
 * model shows, so an edit could not be relied on to settle the finding; it is left to the user.
 */
export function partlyRead(model: SchemaModel, column: Column): boolean {
  const loc = column.loc!;
  return model.diagnostics.some((d) => d.loc && d.loc.file === loc.file && d.loc.start >= loc.start && d.loc.end <= loc.end);
}

/** Whether the column is written where a column transform looks for it, not spread in or inherited from elsewhere. */
export function declaredInTable(kind: SourceKind, table: Table, column: Column): boolean {
  const [loc, tableLoc] = [column.loc!, table.loc];
  if (!tableLoc || loc.file !== tableLoc.file) return false;
  // Drizzle edits the pgTable(...) call's own column object; Python also finds same-file base classes.
  return kind !== 'drizzle' || (loc.start >= tableLoc.start && loc.end <= tableLoc.end);
}

/**
 * Whether adding `name` alone would leave the table short of something the truth builds with it: a primary key
 * (the source's table has another, or none), or a constraint or index over several columns. Those need the
 * user's hand; a single-column unique, index or foreign key is reported on its own once the column is there.
 */
export function inMultiColumnConstraint(table: Table, name: string): boolean {
  if (table.primaryKey?.columns.includes(name)) return true;
  const groups = [...table.uniques, ...table.indexes, ...table.foreignKeys].map((c) => c.columns);
  return groups.some((columns) => columns.length > 1 && columns.includes(name));
}

/** What a plain `datetime` is for the SQLModel the reader assumed (its note says), as the transform's option. */
export function plainDatetime(model: SchemaModel): string | undefined {
  const said = model.notes?.map((n) => /a plain datetime is (timestamp (?:with|without) time zone)$/.exec(n)?.[1]).find(Boolean);
  return said ?? undefined;
}

/** Whether `inner` is written inside `outer`, in the same file. */
export function within(inner: Span | undefined, outer: Span | undefined): boolean {
  return !!inner && !!outer && inner.file === outer.file && inner.start >= outer.start && inner.end <= outer.end;
}

/** Transform options that find a column: SQLModel by its attribute when that is not the column's name. */
export function columnOptions(ctx: FixContext, column: Column): Record<string, string> {
  return {
    table: ctx.target.table.name,
    column: column.name,
    ...(ctx.target.model.kind === 'sqlmodel' && column.binding !== column.name && { attribute: column.binding! }),
  };
}
