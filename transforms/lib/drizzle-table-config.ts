// The third argument of `pgTable(name, columns, (t) => [ … ])` (or the older `(t) => ({ … })`): reading its
// items as the Drizzle reader does (src/sources/drizzle/extra-config.ts), adding one in the layout it has
// (creating the argument in drizzle 0.36+'s array form when there is none), and removing one. Multi-column
// uniques and indexes name their columns through here too (`configColumns`, `onColumns`).

import {
  type ArrayExpression,
  type Chain,
  type FunctionNode,
  type Identifier,
  type ImportDeclaration,
  type Node,
  type ObjectExpression,
  type ObjectProperty,
  accessPath,
  flattenChain,
  is,
  isFunction,
  propertyName,
  returnedExpression,
  unwrap,
} from './drizzle-ast.ts';
import { CannotApply } from './cannot-apply.ts';
import { type Edit, appendListItem, appendProperty, insertArgumentAfter, removeArgument, removeListElement, removeProperty } from './drizzle-edits.ts';
import { type TableSite, findColumn, pgCoreCallee, pgCoreNames } from './drizzle-find.ts';
import { addNamedImport, localImportName, topLevelNames } from './drizzle-imports.ts';
import { type ParsedSource, eol, indentAt, spansLines } from './drizzle-source.ts';
import { removeImport, unusedImport } from './drizzle-unused-import.ts';

const PG_CORE = 'drizzle-orm/pg-core';

export interface ConfigItem {
  /** The pg-core export that builds it: `index`, `uniqueIndex`, `unique`, `primaryKey`… */
  kind?: string;
  /** The item's expression, and what is removed with it: itself in an array, its property in an object. */
  node: Node;
  element: Node;
  chain?: Chain;
  /** Column keys of `.on(t.a, t.b)` when every part is a plain column; undefined otherwise. */
  keys?: string[];
  /** The chain's calls besides `.on(...)`: `where`, `using`, `concurrently`, `nullsNotDistinct`. */
  otherCalls: string[];
}

export interface TableConfig {
  fn: FunctionNode;
  param?: string;
  body: ArrayExpression | ObjectExpression;
  items: ConfigItem[];
}

/** The table's config, undefined when it has none; refused when it is in a form the reader does not read either. */
export function tableConfig(parsed: ParsedSource, site: TableSite): TableConfig | undefined {
  if (!site.extra) return undefined;
  const fn = unwrap(site.extra);
  const body = returnedExpression(fn);
  if (!isFunction(fn) || !body || (!is<ArrayExpression>(body, 'ArrayExpression') && !is<ObjectExpression>(body, 'ObjectExpression'))) {
    throw new CannotApply(`the config of pgTable("${site.name}") is not \`(t) => [ … ]\`; edit it by hand`);
  }
  const first = fn.params[0];
  if (first && !is<Identifier>(first, 'Identifier')) throw new CannotApply(`the config of pgTable("${site.name}") destructures its parameter; edit it by hand`);
  const param = first ? (first as Identifier).name : undefined;
  const names = pgCoreNames(parsed);
  const elements = is<ArrayExpression>(body, 'ArrayExpression')
    ? body.elements.filter((e): e is Node => e !== null).map((e) => ({ node: e, element: e }))
    : body.properties.map((p) => ({ node: is<ObjectProperty>(p, 'ObjectProperty') ? p.value : p, element: p }));
  const items = elements.map(({ node, element }): ConfigItem => {
    const chain = flattenChain(node);
    const kind = chain && pgCoreCallee(names, chain.root.callee);
    const on = chain?.calls.find((c) => c.name === 'on');
    const paths = on?.call.arguments.map((a) => accessPath(a));
    const keys = paths?.every((p) => p?.length === 2 && (p[0] === param || p[0] === site.variable)) ? paths.map((p) => p![1]!) : undefined;
    return {
      ...(kind !== undefined && { kind }),
      node,
      element,
      ...(chain && { chain }),
      ...(keys && keys.length > 0 && { keys }),
      otherCalls: chain?.calls.filter((c) => c !== on).map((c) => c.name) ?? [],
    };
  });
  return { fn, ...(param !== undefined && { param }), body, items };
}

/**
 * Edits adding an item built by `make(param)`: to the array or object the config returns (an object gets the
 * property `key`, made unique), or as a new third argument `(t) => [item]`.
 */
export function addConfigItem(parsed: ParsedSource, site: TableSite, make: (param: string) => string, key: string): Edit[] {
  const config = tableConfig(parsed, site);
  if (!config) {
    const columns = site.call.arguments[1];
    if (!columns || site.call.arguments.length !== 2) throw new CannotApply(`pgTable("${site.name}") is not \`pgTable(name, columns)\`; edit it by hand`);
    return insertArgumentAfter(parsed, columns, `(t) => [${newItems(parsed, site, make('t'))}]`);
  }
  if (!config.param) throw new CannotApply(`the config of pgTable("${site.name}") takes no parameter to name columns by; edit it by hand`);
  const text = make(config.param);
  const { body } = config;
  if (is<ArrayExpression>(body, 'ArrayExpression')) {
    const elements = body.elements.filter((e): e is Node => e !== null);
    const last = elements[elements.length - 1];
    if (!last) return [{ start: parsed.start(body), end: parsed.end(body), text: `[${text}]` }];
    return appendListItem(parsed, last, text, spansLines(parsed.source, parsed.start(body), parsed.start(elements[0]!)));
  }
  const taken = new Set(body.properties.map((p) => propertyName(p)));
  let unique = key;
  for (let n = 2; taken.has(unique); n++) unique = `${key}${n}`;
  return appendProperty(parsed, body, `${unique}: ${text}`);
}

/**
 * The inside of a new config array: the item alone on one line after columns written on one line, else on a
 * line of its own indented like the columns, the `]` lined up with the columns' closing brace.
 */
function newItems(parsed: ParsedSource, site: TableSite, item: string): string {
  const { source } = parsed;
  const obj = site.columns;
  if (!obj || !spansLines(source, parsed.start(obj), parsed.end(obj))) return item;
  const close = indentAt(source, parsed.end(obj) - 1);
  const first = obj.properties[0];
  const inner = first ? indentAt(source, parsed.start(first)) : `${close}  `;
  return `${eol(source)}${inner}${item},${eol(source)}${close}`;
}

/**
 * Edits removing items of the config: the whole third argument when none would be left. A table with no
 * index or constraint is written `pgTable(name, columns)` in drizzle's own docs and in what drizzle-kit pull
 * writes; an empty `(t) => []` left behind would be nobody's idiom, so it goes, for one column or several.
 */
export function removeConfigItems(parsed: ParsedSource, site: TableSite, config: TableConfig, remove: readonly ConfigItem[]): Edit[] {
  if (remove.length === 0) return [];
  if (remove.length === config.items.length) return removeArgument(parsed, site.call.arguments, 2);
  const { body } = config;
  const elements = config.items.map((i) => i.element);
  const multiline = spansLines(parsed.source, parsed.start(body), parsed.start(elements[0]!));
  return remove.flatMap((item) =>
    is<ObjectExpression>(body, 'ObjectExpression')
      ? removeProperty(parsed, body, item.element)
      : removeListElement(parsed, elements, elements.indexOf(item.element), multiline),
  );
}

/**
 * How this file calls pg-core's `name` (`index`, `unique`): its (possibly renamed) import, `pg.index` under a
 * namespace import, or a new named import.
 */
export function pgCoreFunction(parsed: ParsedSource, name: string, edits: Edit[], what: string): string {
  const local = localImportName(parsed, PG_CORE, name);
  if (local) return local;
  const decls = parsed.program.body.filter((s): s is ImportDeclaration => is<ImportDeclaration>(s, 'ImportDeclaration') && s.source.value === PG_CORE);
  const hasNamed = decls.some((d) => d.importKind !== 'type' && d.specifiers.some((s) => s.type === 'ImportSpecifier'));
  const namespace = decls.flatMap((d) => d.specifiers).find((s): s is Node & { local: Identifier } => s.type === 'ImportNamespaceSpecifier');
  if (namespace && !hasNamed) return `${namespace.local.name}.${name}`;
  if (topLevelNames(parsed).has(name)) throw new CannotApply(`${what}: \`${name}\` here is not pg-core's; edit it by hand`);
  edits.push(...addNamedImport(parsed, PG_CORE, name));
  return name;
}

/**
 * Edits removing `remove` from the config (removeConfigItems) and the builder imports only they used
 * (dropUnusedBuilder), judged against the text that goes: the whole third argument when nothing is left.
 */
export function removeConfigItemsAndBuilders(parsed: ParsedSource, site: TableSite, config: TableConfig, remove: readonly ConfigItem[]): Edit[] {
  const gone = remove.length === config.items.length ? site.extra! : remove[0]!.element;
  return [...removeConfigItems(parsed, site, config, remove), ...dropUnusedBuilder(parsed, remove, { start: parsed.start(gone), end: parsed.end(gone) })];
}

/**
 * Edits dropping the import of what a removed item was built with (`index`), when nothing outside the removed
 * text uses it. With several items removed the import stays: a leftover import is the safe mistake.
 */
export function dropUnusedBuilder(parsed: ParsedSource, removed: readonly ConfigItem[], range: { start: number; end: number }): Edit[] {
  const callee = removed.length === 1 && removed[0]!.chain ? unwrap(removed[0]!.chain.root.callee) : undefined;
  if (!is<Identifier>(callee, 'Identifier')) return [];
  const found = unusedImport(parsed, callee.name, range);
  return found ? removeImport(parsed, found) : [];
}

/** Whether an item's text refers to the column as `t.key`. */
export function mentions(text: string, param: string | undefined, key: string): boolean {
  const escape = (name: string) => name.replaceAll('$', '\\$');
  return param !== undefined && new RegExp(`(?<![\\w$.])${escape(param)}\\.${escape(key)}(?![\\w$])`).test(text);
}

/**
 * The keys (`t.key`) of the columns `columns` (SQL names) of the table, in that order: refused when one is not
 * in the table's column object, or its key is not an identifier `t.` can take.
 */
export function configColumns(site: TableSite, columns: readonly string[], what: string): string[] {
  return columns.map((column) => {
    const found = findColumn(site, column);
    if (!found) throw new CannotApply(`table ${site.name} has no column ${column}`);
    if (!/^[A-Za-z_$][\w$]*$/.test(found.key)) throw new CannotApply(`${site.name}.${column}: its key ${found.key} cannot follow \`t.\`; ${what} by hand`);
    return found.key;
  });
}

/** `t.a, t.b`: the arguments of `.on(…)`. */
export function onColumns(param: string, keys: readonly string[]): string {
  return keys.map((k) => `${param}.${k}`).join(', ');
}

/** Whether an item's `.on(…)` names exactly these keys: in this order, or (`ordered` false) in any order. */
export function onKeys(item: ConfigItem, keys: readonly string[], ordered: boolean): boolean {
  if (item.keys?.length !== keys.length) return false;
  const [a, b] = ordered ? [item.keys, keys] : [[...item.keys].sort(), [...keys].sort()];
  return a.every((k, i) => k === b[i]);
}

/**
 * Whether an item is over exactly these columns but written with more than plain `.on(t.a, t.b)` takes: its
 * key parts (`.on`/`.onOnly`/`.using`) name every one of them and nothing but them (`t.a.desc()`,
 * `t.a.op(…)`), or it names exactly them (in this order, with `ordered`) and calls more (`.where`, `.using`).
 */
export function overColumns(parsed: ParsedSource, item: ConfigItem, param: string | undefined, keys: readonly string[], ordered: boolean): boolean {
  if (item.keys) return onKeys(item, keys, ordered) && item.otherCalls.length > 0;
  const on = item.chain?.calls.find((c) => c.name === 'on' || c.name === 'onOnly' || c.name === 'using');
  if (!on || param === undefined) return false;
  const text = on.call.arguments.map((a) => parsed.text(a)).join(', ');
  const named = new Set([...text.matchAll(new RegExp(`(?<![\\w$.])${param.replaceAll('$', '\\$')}\\.([A-Za-z_$][\\w$]*)`, 'g'))].map((m) => m[1]!));
  return named.size === keys.length && keys.every((k) => named.has(k));
}

/** The property key an object-form config gives a new multi-column item: `teamIdUserIdIdx`. */
export function itemKey(keys: readonly string[], suffix: string): string {
  return `${keys.map((k, i) => (i === 0 ? k : k.charAt(0).toUpperCase() + k.slice(1))).join('')}${suffix}`;
}
