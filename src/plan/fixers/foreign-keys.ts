// Foreign-key fixers: the target, ON DELETE and ON UPDATE, in every form the transforms edit.

import { fkKey, findForeignKey } from '../../compare/rules/foreign-keys.ts';
import type { ForeignKey } from '../../model/schema.ts';
import type { FixAction } from '../action.ts';
import { moduleSpecifier } from '../module-specifier.ts';
import { pythonTarget, type FixContext, type Fixer } from './shared.ts';

export function foreignKeys(ctx: FixContext): { have: ForeignKey; want: ForeignKey } | undefined {
  const column = ctx.finding.column;
  // Multi-column keys (labelled `(a, b)`) are reported but not yet rewritten.
  if (!column || column.startsWith('(')) return undefined;
  const have = findForeignKey(ctx.target.table, fkKey([column]));
  const want = findForeignKey(ctx.truth.table, fkKey([column]));
  return have && want && have.loc ? { have, want } : undefined;
}

export const drizzleFkTarget: Fixer = (ctx) => {
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
export function fkFixer(
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

export const drizzleFkOnDelete = fkFixer('drizzle-fk-on-delete', (fk) => ({ option: 'onDelete', value: fk.onDelete, label: 'onDelete' }));

export const drizzleFkOnUpdate = fkFixer('drizzle-fk-on-update', (fk) => ({ option: 'onUpdate', value: fk.onUpdate, label: 'onUpdate' }));

export const sqlmodelForeignKey = fkFixer('sqlmodel-foreign-key', (fk) => ({ option: 'target', value: pythonTarget(fk), label: 'foreign_key' }));

export const sqlmodelOnDelete = fkFixer('sqlmodel-on-delete', (fk) => ({ option: 'onDelete', value: fk.onDelete, label: 'ondelete' }));

export const sqlmodelOnUpdate = fkFixer('sqlmodel-on-update', (fk) => ({ option: 'onUpdate', value: fk.onUpdate, label: 'onupdate' }), declaredByField);

/**
 * Whether the key is SQLModel's `Field(foreign_key=…)`, which cannot say ON UPDATE. The reader places that
 * key at the `Field(...)` call, the column's own value, so it ends where the column's statement ends; a
 * `ForeignKey(...)` ends inside its `Column(...)`/`mapped_column(...)`, a `ForeignKeyConstraint` is elsewhere.
 */
export function declaredByField(ctx: FixContext, have: ForeignKey): boolean {
  const column = ctx.target.table.columns.find((c) => c.name === have.columns[0]);
  return !!column?.loc && column.loc.file === have.loc!.file && column.loc.end === have.loc!.end;
}
