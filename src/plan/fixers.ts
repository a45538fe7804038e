// Which rule can be fixed in which kind of source, and the transform options that do it. A fixer sees the
// finding and the models (read-only) and says what to change, or nothing when it cannot do so safely.

import type { ComparedFinding } from '../compare/finding.ts';
import { fkKey, findForeignKey } from '../compare/rules/foreign-keys.ts';
import { tableKey } from '../model/names.ts';
import type { ForeignKey, SchemaModel, SourceKind, Table } from '../model/schema.ts';
import type { FixAction } from './action.ts';
import { moduleSpecifier } from './module-specifier.ts';

export interface FixContext {
  finding: ComparedFinding;
  /** The source being fixed and the truth, both modelling the finding's table. */
  target: { model: SchemaModel; table: Table };
  truth: { model: SchemaModel; table: Table };
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
): Fixer {
  return (ctx) => {
    const fks = foreignKeys(ctx);
    if (!fks) return undefined;
    const { option, value, label } = change(fks.want);
    return {
      file: fks.have.loc!.file,
      transform,
      options: { table: ctx.target.table.name, column: fks.have.columns[0]!, [option]: value },
      description: `${ctx.finding.table}.${ctx.finding.column}: ${label} → ${value}`,
    };
  };
}

const drizzleFkOnDelete = fkFixer('drizzle-fk-on-delete', (fk) => ({ option: 'onDelete', value: fk.onDelete, label: 'onDelete' }));
const sqlmodelForeignKey = fkFixer('sqlmodel-foreign-key', (fk) => ({ option: 'target', value: pythonTarget(fk), label: 'foreign_key' }));
const sqlmodelOnDelete = fkFixer('sqlmodel-on-delete', (fk) => ({ option: 'onDelete', value: fk.onDelete, label: 'ondelete' }));

export const FIXERS: Partial<Record<string, Partial<Record<SourceKind, Fixer>>>> = {
  'fk-target': { drizzle: drizzleFkTarget, sqlmodel: sqlmodelForeignKey },
  'fk-on-delete': { drizzle: drizzleFkOnDelete, sqlmodel: sqlmodelOnDelete },
};
