// Column fixers: nullability, server default, type, and a column added or (unsafely) removed.

import { normalizeDefault } from '../../compare/normalize/sql-default.ts';
import type { Column } from '../../model/schema.ts';
import type { FixAction } from '../action.ts';
import { columns, declaredInTable, inMultiColumnConstraint, partlyRead, plainDatetime, type Fixer } from './shared.ts';

/**
 * NOT NULL ↔ nullable. Never towards nullable for a column that is NOT NULL by construction — a primary
 * key, an identity or serial column (PostgreSQL makes those NOT NULL whatever the code says).
 */
export function nullableFixer(transform: FixAction['transform']): Fixer {
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

/**
 * A server default the source declares differently from the truth, rewritten to the truth's. Plan never asks
 * for a default only the truth has: `check` reports that as `info`, since the application may fill the value
 * itself (`$defaultFn`, `default_factory=`), so adding one is the user's call. Serial, identity and generated
 * columns get their value from what they are, not from a default a transform could write.
 */
export function defaultFixer(transform: FixAction['transform']): Fixer {
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

/**
 * A column the truth has and a source modelling the table lacks, added after the nearest column before it in
 * the truth that the source writes in the table itself (first when there is none). Columns whose value comes
 * from what they are (identity, generated, serial), or that belong to a primary key or to a multi-column
 * constraint, are left to the user.
 */
export function missingColumnFixer(transform: FixAction['transform']): Fixer {
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
export function typeFixer(transform: FixAction['transform']): Fixer {
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

/**
 * A column the source declares and the truth's table does not have, removed from the table or class. Code
 * may still read it, so the action is unsafe: planned always (the dry run shows it), applied only with
 * `--unsafe`. Columns declared outside the table's own text (a spread helper, a mixin) are left alone.
 */
export function extraColumnFixer(transform: FixAction['transform']): Fixer {
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
