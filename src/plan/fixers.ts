// Which rule can be fixed in which kind of source, and the transform options that do it. A fixer sees the
// finding and the models (read-only) and says what to change, or nothing when it cannot do so safely.

import type { ComparedFinding } from '../compare/finding.ts';
import { normalizeDefault } from '../compare/normalize/sql-default.ts';
import { fkKey, findForeignKey } from '../compare/rules/foreign-keys.ts';
import { tableKey } from '../model/names.ts';
import type { Column, ForeignKey, SchemaModel, SourceKind, Table } from '../model/schema.ts';
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
const drizzleFkOnUpdate = fkFixer('drizzle-fk-on-update', (fk) => ({ option: 'onUpdate', value: fk.onUpdate, label: 'onUpdate' }));
const sqlmodelForeignKey = fkFixer('sqlmodel-foreign-key', (fk) => ({ option: 'target', value: pythonTarget(fk), label: 'foreign_key' }));
const sqlmodelOnDelete = fkFixer('sqlmodel-on-delete', (fk) => ({ option: 'onDelete', value: fk.onDelete, label: 'ondelete' }));

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

// SQLModel's Field(foreign_key=…) has no ON UPDATE (SQLAlchemy's ForeignKey(onupdate=…) inside sa_column is
// read, but its FK is not where the sqlmodel transforms edit), so fk-on-update is fixed in Drizzle only.
export const FIXERS: Partial<Record<string, Partial<Record<SourceKind, Fixer>>>> = {
  'fk-target': { drizzle: drizzleFkTarget, sqlmodel: sqlmodelForeignKey },
  'fk-on-delete': { drizzle: drizzleFkOnDelete, sqlmodel: sqlmodelOnDelete },
  'fk-on-update': { drizzle: drizzleFkOnUpdate },
  'column-nullable': { drizzle: nullableFixer('drizzle-column-nullable'), sqlmodel: nullableFixer('sqlmodel-column-nullable') },
  'column-default': { drizzle: defaultFixer('drizzle-column-default'), sqlmodel: defaultFixer('sqlmodel-column-default') },
};
