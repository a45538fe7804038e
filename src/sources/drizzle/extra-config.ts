import type { ts } from 'ts-morph';
import type { ForeignKey, Index, IndexPart } from '../../model/schema.ts';
import { type Chain, accessPath, flattenChain, returnedExpression, unwrap } from './chain.ts';
import { actionOf } from './columns.ts';
import { type ColumnRef, type FileContext, type TableDraft, ownColumn, span, text, warn } from './context.ts';
import { findProperty, stringValue } from './literals.ts';
import { nodeText } from './node-text.ts';
import { pgCoreName } from './pg-core.ts';
import { sqlTemplateText } from './sql-template.ts';
import {
  isArrayLiteralExpression,
  isArrowFunction,
  isCallExpression,
  isFunctionExpression,
  isIdentifier,
  isObjectLiteralExpression,
  isPropertyAccessExpression,
  isPropertyAssignment,
} from './syntax-guards.ts';

/** Reads the third argument of pgTable: `(t) => [ ... ]` or the older `(t) => ({ ... })`. */
export function readExtraConfig(draft: TableDraft, arg: ts.Node): void {
  const ctx = draft.ctx;
  const fn = unwrap(arg);
  const body = returnedExpression(fn);
  const params = isArrowFunction(fn) || isFunctionExpression(fn) ? fn.parameters : [];
  const paramNode = params[0]?.name;
  if (!body || (paramNode && !isIdentifier(paramNode))) {
    warn(ctx, `table config of ${draft.table.name} is not \`(t) => [...]\`; ignored`, arg);
    return;
  }
  const param = paramNode && text(ctx, paramNode);
  let items: readonly ts.Node[];
  if (isArrayLiteralExpression(body)) {
    items = body.elements;
  } else if (isObjectLiteralExpression(body)) {
    items = body.properties.map((p) => (isPropertyAssignment(p) ? p.initializer : p));
  } else {
    warn(ctx, `table config of ${draft.table.name} does not return an array or object literal; ignored`, body);
    return;
  }
  for (const item of items) readItem(draft, item, param);
}

function readItem(draft: TableDraft, item: ts.Node, param: string | undefined): void {
  const chain = flattenChain(item, draft.ctx.file.sourceFile);
  const kind = chain && pgCoreName(draft.ctx, chain.root.expression);
  switch (chain && kind) {
    case 'primaryKey':
      return readPrimaryKey(draft, chain!, item, param);
    case 'foreignKey':
      return readForeignKey(draft, chain!, item, param);
    case 'unique':
      return readUnique(draft, chain!, item, param);
    case 'index':
    case 'uniqueIndex':
      return readIndex(draft, chain!, item, param, kind === 'uniqueIndex');
    case 'check':
      return readCheck(draft, chain!, item, param);
    default:
      warn(draft.ctx, `unsupported table config ${kind ?? text(draft.ctx, item)} in ${draft.table.name} ignored`, item);
  }
}

function readPrimaryKey(draft: TableDraft, chain: Chain, item: ts.Node, param: string | undefined): void {
  const args = chain.root.arguments;
  const config = args.length === 1 && isObjectLiteralExpression(unwrap(args[0]!)) ? args[0] : undefined;
  const refs = config ? arrayElements(propertyValue(draft.ctx, config, 'columns')) : args;
  if (!refs || refs.length === 0) {
    warn(draft.ctx, `primaryKey in ${draft.table.name} lists no columns; ignored`, item);
    return;
  }
  const columns = localColumns(draft, refs, param, item);
  if (!columns) return;
  if (draft.table.primaryKey) {
    warn(draft.ctx, `table ${draft.table.name} has more than one primary key; primaryKey(...) ignored`, item);
    return;
  }
  const name = stringValue(propertyValue(draft.ctx, config, 'name'));
  draft.table.primaryKey = { columns, ...(name !== undefined && { name }), loc: span(draft.ctx, item) };
  // PostgreSQL makes primary key columns NOT NULL whether or not the schema says `.notNull()`.
  for (const column of draft.table.columns) if (columns.includes(column.name)) column.nullable = false;
}

function readForeignKey(draft: TableDraft, chain: Chain, item: ts.Node, param: string | undefined): void {
  const ctx = draft.ctx;
  const config = chain.root.arguments[0];
  const local = arrayElements(propertyValue(draft.ctx, config, 'columns'));
  const foreignArray = propertyValue(draft.ctx, config, 'foreignColumns');
  const foreign = arrayElements(foreignArray);
  if (!local || !foreign || !foreignArray) {
    warn(ctx, `foreignKey in ${draft.table.name} is not \`foreignKey({ columns: [...], foreignColumns: [...] })\`; ignored`, item);
    return;
  }
  const columns = localColumns(draft, local, param, item);
  if (!columns) return;
  const targets: ColumnRef[] = [];
  for (const node of foreign) {
    const ref = columnRef(draft.ctx, node, param);
    if (!ref) {
      warn(ctx, `foreign column ${text(ctx, node)} is not \`table.column\`; foreignKey ignored`, node);
      return;
    }
    targets.push(ref);
  }
  if (targets.length !== columns.length) {
    warn(ctx, `foreignKey in ${draft.table.name} has ${columns.length} columns but ${targets.length} foreign columns; ignored`, item);
    return;
  }
  const onDeleteCall = chain.calls.find((c) => c.name === 'onDelete');
  const onUpdateCall = chain.calls.find((c) => c.name === 'onUpdate');
  const name = stringValue(propertyValue(draft.ctx, config, 'name'));
  // A lone target is spliced as `users.id`; several only make sense replaced as the whole array.
  const targetNode = foreign.length === 1 ? foreign[0]! : foreignArray;
  const fk: ForeignKey = {
    columns,
    target: { schema: 'public', table: '', columns: [] },
    onDelete: onDeleteCall ? actionOf(ctx, onDeleteCall.args[0] ?? onDeleteCall.call) : 'NO ACTION',
    onUpdate: onUpdateCall ? actionOf(ctx, onUpdateCall.args[0] ?? onUpdateCall.call) : 'NO ACTION',
    ...(name !== undefined && { name }),
    loc: span(ctx, item),
    targetLoc: span(ctx, targetNode),
    ...(onDeleteCall && { onDeleteLoc: span(ctx, onDeleteCall.nameNode, onDeleteCall.call) }),
  };
  draft.pendingFks.push({ fk, targets, node: item });
}

function readUnique(draft: TableDraft, chain: Chain, item: ts.Node, param: string | undefined): void {
  const on = chain.calls.find((c) => c.name === 'on');
  if (!on) {
    warn(draft.ctx, `unique(...) without .on(...) in ${draft.table.name} ignored`, item);
    return;
  }
  const columns = localColumns(draft, on.args, param, item);
  if (!columns) return;
  const name = stringValue(chain.root.arguments[0]);
  draft.table.uniques.push({
    columns,
    ...(name !== undefined && { name }),
    ...(chain.calls.some((c) => c.name === 'nullsNotDistinct') && { nullsNotDistinct: true }),
    loc: span(draft.ctx, item),
  });
}

function readIndex(draft: TableDraft, chain: Chain, item: ts.Node, param: string | undefined, unique: boolean): void {
  const ctx = draft.ctx;
  const on = chain.calls.find((c) => c.name === 'on' || c.name === 'onOnly' || c.name === 'using');
  if (!on) {
    warn(ctx, `index without .on(...) in ${draft.table.name} ignored`, item);
    return;
  }
  const parts = readIndexParts(draft, on.name === 'using' ? on.args.slice(1) : on.args, param, item);
  if (!parts) return;
  const index: Index = { columns: parts.every((p) => p.column !== undefined) ? parts.map((p) => p.column!) : [], parts, unique };
  const name = stringValue(chain.root.arguments[0]);
  if (name !== undefined) index.name = name;
  const method = on.name === 'using' ? stringValue(on.args[0]) : undefined;
  if (on.name === 'using' && method === undefined) {
    warn(ctx, `index method ${on.args[0] ? text(ctx, on.args[0]) : '()'} in ${draft.table.name} is not a string literal; index ignored`, item);
    return;
  }
  if (method !== undefined && method.toLowerCase() !== 'btree') index.method = method.toLowerCase();
  const where = chain.calls.find((c) => c.name === 'where');
  if (where) {
    const predicate = where.args[0] && sqlTemplateText(where.args[0], ctx.file.sourceFile, (path) => ownColumn(draft, path, param));
    if (predicate === undefined) {
      warn(ctx, `index predicate ${where.args[0] ? text(ctx, where.args[0]) : '()'} in ${draft.table.name} cannot be read statically; index ignored`, where.call);
      return;
    }
    index.where = predicate;
  }
  index.loc = span(ctx, item);
  draft.table.indexes.push(index);
}

/**
 * `t.a`, `t.a.desc().nullsFirst()`, `t.a.op("text_pattern_ops")` or `sql\`lower(${t.a})\``. drizzle-kit
 * writes NULLS LAST unless told otherwise, whatever the order; a part records NULLS only where that
 * differs from PostgreSQL's default (LAST for ASC, FIRST for DESC), as the catalog does.
 */
function readIndexParts(draft: TableDraft, refs: readonly ts.Node[], param: string | undefined, item: ts.Node): IndexPart[] | undefined {
  if (refs.length === 0) {
    warn(draft.ctx, `${describe(draft.ctx, item)} in ${draft.table.name} lists no columns; ignored`, item);
    return undefined;
  }
  const parts: IndexPart[] = [];
  for (const ref of refs) {
    const expression = sqlTemplateText(ref, draft.ctx.file.sourceFile, (path) => ownColumn(draft, path, param));
    if (expression !== undefined) {
      parts.push({ expression });
      continue;
    }
    const { base, modifiers } = columnModifiers(ref, draft.ctx.file.sourceFile);
    if (modifiers.some((m) => !INDEX_COLUMN_MODIFIERS.has(m.name))) {
      warn(draft.ctx, `index part ${text(draft.ctx, ref)} in ${draft.table.name} not understood; ${describe(draft.ctx, item)} ignored`, ref);
      return undefined;
    }
    const [column] = localColumns(draft, [base], param, item) ?? [];
    if (column === undefined) return undefined;
    const part: IndexPart = { column };
    const desc = modifiers.some((m) => m.name === 'desc');
    const nullsFirst = modifiers.some((m) => m.name === 'nullsFirst');
    if (desc) part.order = 'DESC';
    if (desc && !nullsFirst) part.nulls = 'LAST';
    if (!desc && nullsFirst) part.nulls = 'FIRST';
    const op = modifiers.find((m) => m.name === 'op');
    const opclass = op && stringValue(op.args[0]);
    if (opclass) part.opclass = opclass;
    parts.push(part);
  }
  return parts;
}

const INDEX_COLUMN_MODIFIERS = new Set(['asc', 'desc', 'nullsFirst', 'nullsLast', 'op']);

/** `t.a.desc().nullsFirst()` → `t.a` and the calls made on it, in order. */
function columnModifiers(node: ts.Node, sf: ts.SourceFile): { base: ts.Node; modifiers: { name: string; args: readonly ts.Node[] }[] } {
  const modifiers: { name: string; args: readonly ts.Node[] }[] = [];
  let current = unwrap(node);
  for (;;) {
    const callee = isCallExpression(current) ? current.expression : undefined;
    if (!callee || !isPropertyAccessExpression(callee)) return { base: current, modifiers: modifiers.reverse() };
    modifiers.push({ name: nodeText(callee.name, sf), args: (current as ts.CallExpression).arguments });
    current = unwrap(callee.expression);
  }
}

/** `check("name", sql\`${t.price} > 0\`)`; an unreadable one makes the table's checks unknown, not absent. */
function readCheck(draft: TableDraft, chain: Chain, item: ts.Node, param: string | undefined): void {
  const [nameArg, sqlArg] = chain.root.arguments;
  const name = stringValue(nameArg);
  const expression = sqlArg && sqlTemplateText(sqlArg, draft.ctx.file.sourceFile, (path) => ownColumn(draft, path, param));
  if (name === undefined || expression === undefined) {
    warn(draft.ctx, `check ${text(draft.ctx, item)} in ${draft.table.name} cannot be read statically; the table's checks are not compared`, item);
    draft.checksUnreadable = true;
    return;
  }
  (draft.table.checks ??= []).push({ name, expression, loc: span(draft.ctx, item) });
}

/** SQL names of `t.a, t.b` (or `tableVar.a`) in this table; undefined, with a diagnostic, if any is not one. */
function localColumns(draft: TableDraft, refs: readonly ts.Node[], param: string | undefined, item: ts.Node): string[] | undefined {
  if (refs.length === 0) {
    warn(draft.ctx, `${describe(draft.ctx, item)} in ${draft.table.name} lists no columns; ignored`, item);
    return undefined;
  }
  const names: string[] = [];
  for (const node of refs) {
    const ref = columnRef(draft.ctx, node, param);
    const key =
      ref?.kind === 'self' ? ref.key : ref?.path.length === 2 && ref.path[0] === draft.variable ? ref.path[1] : undefined;
    const column = key === undefined ? undefined : draft.byKey.get(key);
    if (!column) {
      warn(draft.ctx, `${text(draft.ctx, node)} is not a column of ${draft.table.name}; ${describe(draft.ctx, item)} ignored`, node);
      return undefined;
    }
    names.push(column.name);
  }
  return names;
}

function columnRef(ctx: FileContext, node: ts.Node, param: string | undefined): ColumnRef | undefined {
  const path = accessPath(node, ctx.file.sourceFile);
  if (!path || path.length < 2) return undefined;
  if (path.length === 2 && path[0] === param) return { kind: 'self', key: path[1]!, node: unwrap(node) };
  return { kind: 'path', path, node: unwrap(node) };
}

function describe(ctx: FileContext, item: ts.Node): string {
  const written = text(ctx, item);
  const call = written.indexOf('(');
  return call > 0 ? `${written.slice(0, call)}(...)` : 'table config';
}

function propertyValue(ctx: FileContext, obj: ts.Node | undefined, key: string): ts.Node | undefined {
  const prop = findProperty(obj, key, ctx.file.sourceFile);
  return prop && unwrap(prop.initializer);
}

function arrayElements(node: ts.Node | undefined): readonly ts.Node[] | undefined {
  return node && isArrayLiteralExpression(node) ? node.elements : undefined;
}
