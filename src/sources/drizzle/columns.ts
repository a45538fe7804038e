import type { ts } from 'ts-morph';
import type { Column, ForeignKey } from '../../model/schema.ts';
import { columnNameFromKey } from './casing.ts';
import { type ChainCall, accessPath, flattenChain, returnedExpression, unwrap } from './chain.ts';
import { findColumnHelper } from './column-helpers.ts';
import { SERIAL_BUILDERS, columnSqlType, isColumnBuilder, typeOptionNames } from './column-types.ts';
import { type FileContext, type TableDraft, span, text, warn } from './context.ts';
import { defaultSql } from './defaults.ts';
import { fkActionFromDrizzle } from './fk-actions.ts';
import { findProperty, literalObject, literalValue, propertyKey, quoteIdent, quoteSqlString, stringValue } from './literals.ts';
import { classifyCallee } from './pg-core.ts';
import { isIdentifier, isObjectLiteralExpression, isPropertyAssignment, isSpreadAssignment } from './syntax-guards.ts';

/** Reads the column object of `pgTable("x", { ... })`; `helperParam` is `t` in `pgTable("x", (t) => ({ ... }))`. */
export function readColumns(draft: TableDraft, columns: ts.Node, helperParam?: string, spreading = new Set<ts.Node>()): void {
  const ctx = draft.ctx;
  const obj = unwrap(columns);
  if (!isObjectLiteralExpression(obj)) {
    warn(ctx, `columns of table ${draft.table.name} are not an object literal; table read without columns`, columns);
    return;
  }
  for (const prop of obj.properties) {
    if (isPropertyAssignment(prop)) {
      const key = propertyKey(prop, ctx.file.sourceFile);
      if (key === undefined) warn(ctx, `computed column key in table ${draft.table.name} ignored`, prop);
      else readColumn(draft, prop, key, prop.initializer, helperParam);
    } else if (isSpreadAssignment(prop)) {
      readSpread(draft, prop, helperParam, spreading);
    } else {
      warn(ctx, `unsupported column definition in table ${draft.table.name} ignored`, prop);
    }
  }
}

// Shared column sets (`...timestamps`) are common. Their columns are read in the file they are written in
// (its imports name the builders; spans point there), into the table that spreads them.
function readSpread(draft: TableDraft, spread: ts.SpreadAssignment, helperParam: string | undefined, spreading: Set<ts.Node>): void {
  const expr = unwrap(spread.expression);
  const helper = isIdentifier(expr) ? findColumnHelper(draft.ctx, text(draft.ctx, expr)) : undefined;
  if (helper && !spreading.has(helper.object)) {
    const inFile = helper.ctx === draft.ctx ? draft : { ...draft, ctx: helper.ctx };
    readColumns(inFile, helper.object, helper.ctx === draft.ctx ? helperParam : undefined, new Set([...spreading, helper.object]));
  } else {
    warn(draft.ctx, `spread ${text(draft.ctx, expr)} in table ${draft.table.name} cannot be read statically; ignored`, spread);
  }
}

function readColumn(draft: TableDraft, prop: ts.Node, key: string, value: ts.Node, helperParam?: string): void {
  const ctx = draft.ctx;
  const chain = flattenChain(value, ctx.file.sourceFile);
  const callee = chain && classifyCallee(ctx, chain.root.expression, helperParam);
  if (!chain || !callee) {
    warn(ctx, `unsupported column definition ${draft.table.name}.${key} ignored`, prop);
    return;
  }
  const args = chain.root.arguments;
  const name = stringValue(args[0]) ?? columnNameFromKey(key, ctx.casing);
  const column: Column = {
    name,
    type: { sql: null, written: text(ctx, chain.root) },
    nullable: true,
    loc: span(ctx, prop),
    binding: key,
  };
  if (draft.byKey.has(key) || draft.table.columns.some((c) => c.name === name)) {
    warn(ctx, `column ${draft.table.name}.${name} declared twice; the second is ignored`, prop);
    return;
  }

  const builder = callee.kind === 'pg' ? callee.name : undefined;
  let isArray = false;
  for (const call of chain.calls) {
    if (call.name === 'array') isArray = true;
    else readModifier(draft, column, call, builder);
  }

  if (callee.kind === 'pg') {
    column.type.sql = builderType(ctx, callee.name, args, chain.root);
    if (SERIAL_BUILDERS.has(callee.name)) {
      column.nullable = false;
      column.default ??= serialDefault(draft, name);
    }
  } else {
    draft.pendingTypes.push({ ctx, column, path: callee.path, isArray, node: chain.root });
  }
  if (isArray && column.type.sql) column.type.sql += '[]';

  draft.table.columns.push(column);
  draft.byKey.set(key, column);
}

function builderType(ctx: FileContext, builder: string, args: readonly ts.Node[], root: ts.Node): string | null {
  if (!isColumnBuilder(builder)) {
    warn(ctx, `unsupported column builder ${builder} ignored`, root);
    return null;
  }
  const optsNode = args.find((a) => isObjectLiteralExpression(unwrap(a)));
  const opts = literalObject(optsNode, ctx.file.sourceFile);
  const unreadable = typeOptionNames(builder).filter((o) => opts?.unknown.has(o));
  if (unreadable.length > 0) {
    warn(ctx, `${builder} option ${unreadable.join(', ')} is not a literal; column type left unknown`, root);
    return null;
  }
  return columnSqlType(builder, opts?.values ?? new Map()) ?? null;
}

// PostgreSQL names a serial column's sequence <table>_<column>_seq and prints the default with it.
function serialDefault(draft: TableDraft, column: string): string {
  const { schema, name } = draft.table;
  const qualified = schema === 'public' ? '' : `${quoteIdent(schema)}.`;
  return `nextval('${qualified}${quoteIdent(`${name}_${column}_seq`)}'::regclass)`;
}

// `$defaultFn`, `$onUpdate` and friends run in the application and never reach the database.
const APP_SIDE = new Set(['$defaultFn', '$default', '$onUpdate', '$onUpdateFn', '$type', '$inferType']);

function readModifier(draft: TableDraft, column: Column, call: ChainCall, builder: string | undefined): void {
  const ctx = draft.ctx;
  switch (call.name) {
    case 'notNull':
      column.nullable = false;
      return;
    case 'generatedAlwaysAsIdentity':
    case 'generatedByDefaultAsIdentity':
      column.nullable = false;
      column.identity = call.name === 'generatedAlwaysAsIdentity' ? 'ALWAYS' : 'BY DEFAULT';
      return;
    case 'generatedAlwaysAs': {
      const arg = call.args[0];
      if (!arg) warn(ctx, `generatedAlwaysAs() of ${draft.table.name}.${column.name} has no expression; ignored`, call.call);
      // Its expression may name columns declared further down, so it is read once the table is complete.
      else draft.pendingGenerated.push({ column, node: arg, ctx });
      return;
    }
    case 'primaryKey':
      column.nullable = false;
      if (draft.table.primaryKey) {
        warn(ctx, `table ${draft.table.name} has more than one primary key; the one on ${column.name} is ignored`, call.call);
      } else {
        draft.table.primaryKey = { columns: [column.name], loc: span(ctx, call.nameNode, call.call) };
      }
      return;
    case 'unique': {
      const name = stringValue(call.args[0]);
      const nulls = literalObject(call.args[1], ctx.file.sourceFile)?.values.get('nulls');
      draft.table.uniques.push({
        columns: [column.name],
        ...(name !== undefined && { name }),
        ...(nulls === 'not distinct' && { nullsNotDistinct: true }),
        loc: span(ctx, call.nameNode, call.call),
      });
      return;
    }
    case 'default':
      readDefault(draft, column, call, builder);
      return;
    case 'defaultNow':
      column.default = 'now()';
      return;
    case 'defaultRandom':
      column.default = 'gen_random_uuid()';
      return;
    case 'references':
      readReferences(draft, column, call);
      return;
    default:
      if (!APP_SIDE.has(call.name)) warn(ctx, `unsupported column modifier ${call.name} ignored`, call.nameNode);
  }
}

function readDefault(draft: TableDraft, column: Column, call: ChainCall, builder: string | undefined): void {
  const arg = call.args[0];
  const sql = arg && defaultSql(arg, builder, draft.ctx.file.sourceFile);
  if (sql === null) return;
  if (sql !== undefined) column.default = sql;
  else warn(draft.ctx, `default ${arg ? text(draft.ctx, arg) : '()'} of column ${column.name} is not a literal; ignored`, call.call);
}

function readReferences(draft: TableDraft, column: Column, call: ChainCall): void {
  const ctx = draft.ctx;
  const [fnArg, actionsArg] = call.args;
  const target = fnArg && returnedExpression(unwrap(fnArg));
  const path = target && accessPath(target, ctx.file.sourceFile);
  if (!target || !path || path.length < 2) {
    warn(ctx, `references target of ${draft.table.name}.${column.name} is not \`() => table.column\`; ignored`, fnArg ?? call.nameNode);
    return;
  }
  const actions = readActions(ctx, actionsArg);
  const fk: ForeignKey = {
    columns: [column.name],
    target: { schema: 'public', table: '', columns: [] },
    onDelete: actions.onDelete,
    onUpdate: actions.onUpdate,
    loc: span(ctx, call.nameNode, call.call),
    targetLoc: span(ctx, target),
    ...(actions.onDeleteNode && { onDeleteLoc: span(ctx, actions.onDeleteNode) }),
  };
  draft.pendingFks.push({ ctx, fk, targets: [{ kind: 'path', path, node: target }], node: call.call });
}

function readActions(ctx: FileContext, obj: ts.Node | undefined) {
  const onDeleteNode = findProperty(obj, 'onDelete', ctx.file.sourceFile);
  return {
    onDelete: actionOf(ctx, onDeleteNode),
    onUpdate: actionOf(ctx, findProperty(obj, 'onUpdate', ctx.file.sourceFile)),
    onDeleteNode,
  };
}

/** The action of an `onDelete: "cascade"` property or an `.onDelete("cascade")` argument. */
export function actionOf(ctx: FileContext, node: ts.Node | undefined): ForeignKey['onDelete'] {
  if (!node) return 'NO ACTION';
  const value = isPropertyAssignment(node) ? node.initializer : node;
  const written = stringValue(value);
  const action = written === undefined ? undefined : fkActionFromDrizzle(written);
  if (!action) warn(ctx, `referential action ${text(ctx, value)} not understood; read as NO ACTION`, value);
  return action ?? 'NO ACTION';
}
