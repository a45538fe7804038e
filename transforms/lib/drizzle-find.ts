import {
  type ArrayExpression,
  type CallExpression,
  type Chain,
  type ChainCall,
  type Identifier,
  type ImportDeclaration,
  type ImportSpecifier,
  type Node,
  type ObjectExpression,
  type ObjectProperty,
  type VariableDeclarator,
  accessPath,
  findProperty,
  flattenChain,
  is,
  isFunction,
  propertyName,
  returnedExpression,
  stringValue,
  unwrap,
} from './drizzle-ast.ts';
import { CannotApply } from './cannot-apply.ts';
import type { ParsedSource } from './drizzle-source.ts';

const PG_CORE = 'drizzle-orm/pg-core';

/** A `pgTable("name", { ... }, extra?)` call. */
export interface TableSite {
  name: string;
  call: CallExpression;
  /** The variable the table is bound to, when it is. */
  variable?: string;
  columns?: ObjectExpression;
  extra?: Node;
}

export interface ColumnSite {
  key: string;
  /** SQL name: the builder's name argument, else the key. */
  name: string;
  prop: ObjectProperty;
  chain: Chain;
}

export type FkSite =
  | {
      kind: 'references';
      /** The `.references(...)` call. */
      ref: ChainCall;
      /** `users.id` in `() => users.id`. */
      target: Node;
      /** `{ onDelete: … }`, when there is one. */
      actions?: ObjectExpression;
    }
  | {
      kind: 'foreignKey';
      /** `foreignKey({ … }).onDelete(…)` as a chain. */
      chain: Chain;
      /** The element of `foreignColumns` paired with the column. */
      target: Node;
    };

/** What pg-core's exports are called in this file: `{ pgTable as table }` and `* as pg` included. */
export function pgCoreNames(parsed: ParsedSource): { named: Map<string, string>; namespaces: Set<string> } {
  const named = new Map<string, string>();
  const namespaces = new Set<string>();
  for (const decl of parsed.nodesOfType<ImportDeclaration>('ImportDeclaration')) {
    if (decl.source.value !== PG_CORE && !decl.source.value.startsWith(`${PG_CORE}/`)) continue;
    for (const spec of decl.specifiers) {
      if (is<ImportSpecifier>(spec, 'ImportSpecifier')) {
        const imported = is<Identifier>(spec.imported, 'Identifier') ? spec.imported.name : stringValue(spec.imported);
        if (imported) named.set(spec.local.name, imported);
      } else if (spec.type === 'ImportNamespaceSpecifier') {
        namespaces.add((spec as Node & { local: Identifier }).local.name);
      }
    }
  }
  return { named, namespaces };
}

/** Reads a callee as the pg-core export it names (`pgTable`, `foreignKey`), if it names one. */
export function pgCoreCallee(names: ReturnType<typeof pgCoreNames>, callee: Node): string | undefined {
  const path = accessPath(callee);
  if (path?.length === 1) return names.named.get(path[0]!) ?? path[0];
  if (path?.length === 2 && names.namespaces.has(path[0]!)) return path[1];
  return undefined;
}

export function findTables(parsed: ParsedSource): TableSite[] {
  const names = pgCoreNames(parsed);
  const variables = new Map<Node, string>();
  const schemas = new Set<string>();
  for (const decl of parsed.nodesOfType<VariableDeclarator>('VariableDeclarator')) {
    if (!decl.init || !is<Identifier>(decl.id, 'Identifier')) continue;
    const init = unwrap(decl.init);
    variables.set(init, decl.id.name);
    if (is<CallExpression>(init, 'CallExpression') && pgCoreCallee(names, init.callee) === 'pgSchema') {
      schemas.add(decl.id.name);
    }
  }
  const tables: TableSite[] = [];
  for (const call of parsed.nodesOfType<CallExpression>('CallExpression')) {
    const path = accessPath(call.callee);
    const isTable =
      pgCoreCallee(names, call.callee) === 'pgTable' ||
      (path?.length === 2 && path[1] === 'table' && schemas.has(path[0]!));
    const name = isTable ? stringValue(call.arguments[0]) : undefined;
    if (name === undefined) continue;
    const [, columnsArg, extra] = call.arguments;
    const columns = columnsArg && (isFunction(unwrap(columnsArg)) ? returnedExpression(columnsArg) : unwrap(columnsArg));
    const variable = variables.get(call);
    tables.push({
      name,
      call,
      ...(variable !== undefined && { variable }),
      ...(is<ObjectExpression>(columns, 'ObjectExpression') && { columns }),
      ...(extra && { extra }),
    });
  }
  return tables;
}

export function findTable(parsed: ParsedSource, name: string): TableSite | undefined {
  const matches = findTables(parsed).filter((t) => t.name === name);
  if (matches.length > 1) throw new Error(`more than one pgTable("${name}") in this file`);
  return matches[0];
}

export function findColumn(table: TableSite, name: string): ColumnSite | undefined {
  for (const prop of table.columns?.properties ?? []) {
    const key = propertyName(prop);
    if (key === undefined || !is<ObjectProperty>(prop, 'ObjectProperty')) continue;
    const chain = flattenChain(prop.value);
    if (!chain) continue;
    const columnName = stringValue(chain.root.arguments[0]) ?? key;
    if (columnName === name) return { key, name: columnName, prop, chain };
  }
  return undefined;
}

/** The column's `.references(...)`, else a `foreignKey({ columns: [t.col], … })` in the table's config. */
export function findForeignKey(parsed: ParsedSource, table: TableSite, column: ColumnSite): FkSite | undefined {
  const ref = column.chain.calls.find((c) => c.name === 'references');
  if (ref) {
    const target = returnedExpression(ref.call.arguments[0]);
    if (!target || !accessPath(target)) {
      throw new Error(`the references(...) of ${table.name}.${column.name} is not written as \`() => table.column\``);
    }
    const actions = ref.call.arguments[1] && unwrap(ref.call.arguments[1]);
    if (actions && !is<ObjectExpression>(actions, 'ObjectExpression')) {
      throw new Error(`the second argument of references(...) for ${table.name}.${column.name} is not an object literal`);
    }
    return { kind: 'references', ref, target, ...(actions && { actions }) };
  }
  return findConfigForeignKey(parsed, table, column);
}

function findConfigForeignKey(parsed: ParsedSource, table: TableSite, column: ColumnSite): FkSite | undefined {
  const fn = table.extra && unwrap(table.extra);
  const body = returnedExpression(fn);
  if (!isFunction(fn) || !body) return undefined;
  const param = fn.params[0] && is<Identifier>(fn.params[0], 'Identifier') ? fn.params[0].name : undefined;
  const items = is<ArrayExpression>(body, 'ArrayExpression')
    ? body.elements
    : is<ObjectExpression>(body, 'ObjectExpression')
      ? body.properties.map((p) => (is<ObjectProperty>(p, 'ObjectProperty') ? p.value : p))
      : [];
  const names = pgCoreNames(parsed);
  for (const item of items) {
    const chain = item && flattenChain(item);
    if (!chain || pgCoreCallee(names, chain.root.callee) !== 'foreignKey') continue;
    const config = chain.root.arguments[0] && unwrap(chain.root.arguments[0]);
    if (!is<ObjectExpression>(config, 'ObjectExpression')) continue;
    const columns = findProperty(config, 'columns')?.value;
    const foreign = findProperty(config, 'foreignColumns')?.value;
    if (!is<ArrayExpression>(columns, 'ArrayExpression') || !is<ArrayExpression>(foreign, 'ArrayExpression')) continue;
    const index = columns.elements.findIndex((el) => {
      const path = el && accessPath(el);
      return path?.length === 2 && (path[0] === param || path[0] === table.variable) && path[1] === column.key;
    });
    const target = foreign.elements[index];
    if (index >= 0 && target) return { kind: 'foreignKey', chain, target };
  }
  return undefined;
}

/** Finds table, column and FK, or throws naming what is missing: the planner only asks for FKs it read. */
export function locateForeignKey(parsed: ParsedSource, tableName: string, columnName: string) {
  const table = findTable(parsed, tableName);
  if (!table) throw new CannotApply(`no pgTable("${tableName}") in this file`);
  const column = findColumn(table, columnName);
  if (!column) throw new CannotApply(`table ${tableName} has no column ${columnName}`);
  const fk = findForeignKey(parsed, table, column);
  if (!fk) throw new CannotApply(`${tableName}.${columnName} has no .references(...) or foreignKey(...)`);
  return { table, column, fk };
}
