import { Node } from 'ts-morph';
import type { ForeignKey } from '../../model/schema.ts';
import { type Chain, accessPath, flattenChain, returnedExpression, unwrap } from './chain.ts';
import { actionOf } from './columns.ts';
import { type ColumnRef, type TableDraft, span, warn } from './context.ts';
import { findProperty, stringValue } from './literals.ts';
import { pgCoreName } from './pg-core.ts';

/** Reads the third argument of pgTable: `(t) => [ ... ]` or the older `(t) => ({ ... })`. */
export function readExtraConfig(draft: TableDraft, arg: Node): void {
  const ctx = draft.ctx;
  const fn = unwrap(arg);
  const body = returnedExpression(fn);
  const params = Node.isArrowFunction(fn) || Node.isFunctionExpression(fn) ? fn.getParameters() : [];
  const paramNode = params[0]?.getNameNode();
  if (!body || (paramNode && !Node.isIdentifier(paramNode))) {
    warn(ctx, `table config of ${draft.table.name} is not \`(t) => [...]\`; ignored`, arg);
    return;
  }
  const param = paramNode?.getText();
  let items: Node[];
  if (Node.isArrayLiteralExpression(body)) {
    items = body.getElements();
  } else if (Node.isObjectLiteralExpression(body)) {
    items = body.getProperties().map((p) => (Node.isPropertyAssignment(p) ? p.getInitializerOrThrow() : p));
  } else {
    warn(ctx, `table config of ${draft.table.name} does not return an array or object literal; ignored`, body);
    return;
  }
  for (const item of items) readItem(draft, item, param);
}

function readItem(draft: TableDraft, item: Node, param: string | undefined): void {
  const chain = flattenChain(item);
  const kind = chain && pgCoreName(draft.ctx, chain.root.getExpression());
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
    default:
      warn(draft.ctx, `unsupported table config ${kind ?? item.getText()} in ${draft.table.name} ignored`, item);
  }
}

function readPrimaryKey(draft: TableDraft, chain: Chain, item: Node, param: string | undefined): void {
  const args = chain.root.getArguments();
  const config = args.length === 1 && Node.isObjectLiteralExpression(unwrap(args[0]!)) ? args[0] : undefined;
  const refs = config ? arrayElements(propertyValue(config, 'columns')) : args;
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
  const name = stringValue(propertyValue(config, 'name'));
  draft.table.primaryKey = { columns, ...(name !== undefined && { name }), loc: span(draft.ctx, item) };
  // PostgreSQL makes primary key columns NOT NULL whether or not the schema says `.notNull()`.
  for (const column of draft.table.columns) if (columns.includes(column.name)) column.nullable = false;
}

function readForeignKey(draft: TableDraft, chain: Chain, item: Node, param: string | undefined): void {
  const ctx = draft.ctx;
  const config = chain.root.getArguments()[0];
  const local = arrayElements(propertyValue(config, 'columns'));
  const foreignArray = propertyValue(config, 'foreignColumns');
  const foreign = arrayElements(foreignArray);
  if (!local || !foreign || !foreignArray) {
    warn(ctx, `foreignKey in ${draft.table.name} is not \`foreignKey({ columns: [...], foreignColumns: [...] })\`; ignored`, item);
    return;
  }
  const columns = localColumns(draft, local, param, item);
  if (!columns) return;
  const targets: ColumnRef[] = [];
  for (const node of foreign) {
    const ref = columnRef(node, param);
    if (!ref) {
      warn(ctx, `foreign column ${node.getText()} is not \`table.column\`; foreignKey ignored`, node);
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
  const name = stringValue(propertyValue(config, 'name'));
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

function readUnique(draft: TableDraft, chain: Chain, item: Node, param: string | undefined): void {
  const on = chain.calls.find((c) => c.name === 'on');
  if (!on) {
    warn(draft.ctx, `unique(...) without .on(...) in ${draft.table.name} ignored`, item);
    return;
  }
  const columns = localColumns(draft, on.args, param, item);
  if (!columns) return;
  const name = stringValue(chain.root.getArguments()[0]);
  draft.table.uniques.push({
    columns,
    ...(name !== undefined && { name }),
    ...(chain.calls.some((c) => c.name === 'nullsNotDistinct') && { nullsNotDistinct: true }),
    loc: span(draft.ctx, item),
  });
}

// Ordering and operator-class modifiers (`t.a.desc()`) do not change which column is indexed.
const INDEX_COLUMN_MODIFIERS = new Set(['asc', 'desc', 'nullsFirst', 'nullsLast', 'op']);

function readIndex(draft: TableDraft, chain: Chain, item: Node, param: string | undefined, unique: boolean): void {
  const on = chain.calls.find((c) => c.name === 'on' || c.name === 'onOnly' || c.name === 'using');
  if (!on) {
    warn(draft.ctx, `index without .on(...) in ${draft.table.name} ignored`, item);
    return;
  }
  const refs = (on.name === 'using' ? on.args.slice(1) : on.args).map(stripIndexModifiers);
  const columns = localColumns(draft, refs, param, item);
  if (!columns) return;
  const name = stringValue(chain.root.getArguments()[0]);
  draft.table.indexes.push({ ...(name !== undefined && { name }), columns, unique, loc: span(draft.ctx, item) });
}

function stripIndexModifiers(node: Node): Node {
  let current = unwrap(node);
  for (;;) {
    if (!Node.isCallExpression(current)) return current;
    const callee = current.getExpression();
    if (!Node.isPropertyAccessExpression(callee) || !INDEX_COLUMN_MODIFIERS.has(callee.getName())) return current;
    current = unwrap(callee.getExpression());
  }
}

/** SQL names of `t.a, t.b` (or `tableVar.a`) in this table; undefined, with a diagnostic, if any is not one. */
function localColumns(draft: TableDraft, refs: Node[], param: string | undefined, item: Node): string[] | undefined {
  if (refs.length === 0) {
    warn(draft.ctx, `${describe(item)} in ${draft.table.name} lists no columns; ignored`, item);
    return undefined;
  }
  const names: string[] = [];
  for (const node of refs) {
    const ref = columnRef(node, param);
    const key =
      ref?.kind === 'self' ? ref.key : ref?.path.length === 2 && ref.path[0] === draft.variable ? ref.path[1] : undefined;
    const column = key === undefined ? undefined : draft.byKey.get(key);
    if (!column) {
      warn(draft.ctx, `${node.getText()} is not a column of ${draft.table.name}; ${describe(item)} ignored`, node);
      return undefined;
    }
    names.push(column.name);
  }
  return names;
}

function columnRef(node: Node, param: string | undefined): ColumnRef | undefined {
  const path = accessPath(node);
  if (!path || path.length < 2) return undefined;
  if (path.length === 2 && path[0] === param) return { kind: 'self', key: path[1]!, node: unwrap(node) };
  return { kind: 'path', path, node: unwrap(node) };
}

function describe(item: Node): string {
  const text = item.getText();
  const call = text.indexOf('(');
  return call > 0 ? `${text.slice(0, call)}(...)` : 'table config';
}

function propertyValue(obj: Node | undefined, key: string): Node | undefined {
  const prop = findProperty(obj, key);
  return prop && Node.isPropertyAssignment(prop) ? unwrap(prop.getInitializerOrThrow()) : undefined;
}

function arrayElements(node: Node | undefined): Node[] | undefined {
  return node && Node.isArrayLiteralExpression(node) ? node.getElements() : undefined;
}
