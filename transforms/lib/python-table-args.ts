// Table-level constraints in Python: an item of a class's `__table_args__` (the tuple form, optionally
// ending in a dict of options, or the dict alone) or a further positional argument of `Table("t", metadata, …)`,
// as the reader reads them (src/sources/sqlmodel/table-args.ts). Adding writes the item in the layout the
// tuple or call already has, creating `__table_args__ = (…,)` after `__tablename__` when the class has none
// and turning a dict-only `{"schema": …}` into `(item, {"schema": …})`; removing takes it out, leaves a lone
// dict as the dict-only form and drops an `__table_args__` left with nothing, then drops the import of a
// builder nothing else uses. The builder is imported from `sqlalchemy`, or from `sqlmodel` (which re-exports
// `UniqueConstraint` and `Index`) in a file that imports from there and not from `sqlalchemy`.

import type { Node } from '../../src/lang/python.ts';
import { childrenOf, namedChildrenOf } from '../../src/lang/python.ts';
import { calleeName, keywordArgs, moduleClasses, stringValue } from '../../src/sources/sqlmodel/cst.ts';
import type { ClassAttribute, ModelClass } from '../../src/sources/sqlmodel/cst.ts';
import { moduleStatements } from '../../src/sources/sqlmodel/module.ts';
import { positionalArgs } from '../../src/sources/sqlmodel/sa-column.ts';
import { CannotApply } from './cannot-apply.ts';
import { insertArgument, removeArgument } from './python-arguments.ts';
import { applyEdits, indentAt, lineEnd, lineStart, newline, nextLineStart, startsLine } from './python-edits.ts';
import type { Edit } from './python-edits.ts';
import { extendFromImport, importedNames, moduleImports, moduleName, removeUnusedImport } from './python-imports.ts';
import { nameRef } from './python-name-import.ts';
import type { ImportStep } from './python-name-import.ts';
import { stringLiteral } from './python-strings.ts';
import { withPythonTree } from './python-transform.ts';
import type { PythonApi, PythonFileInfo } from './python-transform.ts';

const MODULES: ReadonlySet<string> = new Set(['sqlalchemy', 'sqlmodel']);

/** Where a table's constraints are written: a mapped class, or a `Table(...)` call. */
type Site = { kind: 'class'; cls: ModelClass; where: string; args?: ClassAttribute } | { kind: 'table'; call: Node; where: string };

/** A constraint or index as its item reads: the builder, positional arguments resolved to column names. */
export interface Item {
  node: Node;
  builder: string | undefined;
  /** Positional arguments after the name an `Index` takes first; undefined where one is not a column. */
  columns: string[] | undefined;
  /** `Index`'s literal name. */
  name?: string;
  keywords: Map<string, Node>;
}

export interface ConstraintSpec {
  /** The SQLAlchemy class written: `UniqueConstraint` or `Index`. */
  builder: 'UniqueConstraint' | 'Index';
  /** What it is, for a refusal: `unique` or `index`. */
  label: string;
  /** The item's text given how the file calls the builder and writes a string. */
  render: (callee: string, str: (value: string) => string) => string;
  /** Whether an item is exactly the object (already there when adding, taken out when removing). */
  matches: (item: Item) => boolean;
  /** Whether an item is about these columns but written with more than `matches` takes: refused on removal. */
  near: (item: Item) => boolean;
}

/** Adds (`present`) or removes the constraint `spec` describes on `table`, over `columns` (SQL names). */
export function editTableConstraint(
  file: PythonFileInfo,
  api: PythonApi,
  table: string,
  columns: readonly string[],
  present: boolean,
  spec: ConstraintSpec,
): string {
  const what = `${table}(${columns.join(', ')})`;
  if (present) {
    const planned = withPythonTree(file, api, (root) => planAdd(root, file.source, table, columns, spec));
    if (!planned) return file.source;
    let text = applyEdits(file.source, planned.edits);
    // The import is worked out against the text the item left.
    if (planned.step) text = withPythonTree({ path: file.path, source: text }, api, (root) => applyEdits(text, planned.step!(root, text)));
    return text;
  }
  let text = file.source;
  const removed = new Set<string>();
  // One item per pass, each against the text the previous one left: two never share a separator.
  for (;;) {
    const source = text;
    const step = withPythonTree({ path: file.path, source }, api, (root) => planRemove(root, source, table, columns, spec, what));
    if (!step) break;
    text = applyEdits(source, step.edits);
    if (step.callee) removed.add(step.callee);
  }
  for (const name of removed) {
    const source = text;
    text = withPythonTree({ path: file.path, source }, api, (root) => applyEdits(source, removeUnusedImport(root, source, name, MODULES, { start: 0, end: 0 })));
  }
  return text;
}

function locateSite(root: Node, table: string): Site {
  const name = table.includes('.') ? table.slice(table.lastIndexOf('.') + 1) : table;
  const classes = moduleClasses(root).filter((c) => c.tableName === name && (c.isTable || c.ownTableName !== undefined));
  const calls = moduleStatements(root).tables.filter((t) => {
    const first = positionalArgs(t.call)[0];
    return first !== undefined && stringValue(first) === name;
  });
  if (classes.length + calls.length === 0) throw new CannotApply(`no class or Table(...) for table "${table}" in this file`);
  if (classes.length + calls.length > 1) throw new CannotApply(`table "${table}" is declared more than once here`);
  const cls = classes[0];
  if (!cls) return { kind: 'table', call: calls[0]!.call, where: `Table("${name}")` };
  if (cls.attributes.some((a) => a.name === '__table__')) throw new CannotApply(`${cls.name} declares its table in __table__ = Table(...); edit it by hand`);
  const args = cls.attributes.find((a) => a.name === '__table_args__');
  if (args?.declared) throw new CannotApply(`${cls.name} computes __table_args__ in a method; edit it by hand`);
  // A class of its own would replace what a base gives every table; that is the user's call.
  const base = args ? undefined : inheritedTableArgs(root, cls, new Set());
  if (base) throw new CannotApply(`${cls.name} inherits __table_args__ from ${base}; edit it by hand`);
  return { kind: 'class', cls, where: cls.name, ...(args && { args }) };
}

/** The same-file base class that declares `__table_args__` for `cls`, if one does. */
function inheritedTableArgs(root: Node, cls: ModelClass, seen: Set<string>): string | undefined {
  const classes = moduleClasses(root);
  for (const name of cls.baseNames) {
    if (seen.has(name)) continue;
    seen.add(name);
    const base = classes.find((c) => c.name === name);
    if (!base) continue;
    if (base.attributes.some((a) => a.name === '__table_args__')) return base.name;
    const further = inheritedTableArgs(root, base, seen);
    if (further) return further;
  }
  return undefined;
}

/** Refuses a column the class or `Table(...)` does not declare by that name (an attribute named otherwise included). */
function checkColumns(root: Node, site: Site, columns: readonly string[]): void {
  for (const column of columns) {
    const found =
      site.kind === 'table'
        ? positionalArgs(site.call).some((a) => calleeName(a) === 'Column' && positionalArgs(a)[0] !== undefined && stringValue(positionalArgs(a)[0]!) === column)
        : declaresColumn(root, site.cls, column);
    if (!found) throw new CannotApply(`${site.where} has no column ${column} under that name; name the columns by hand`);
  }
}

function declaresColumn(root: Node, cls: ModelClass, column: string): boolean {
  const byName = (c: ModelClass): ClassAttribute | undefined => c.attributes.find((a) => a.name === column);
  const attr = byName(cls);
  if (!attr) return declaredOnBase(root, cls, column, new Set());
  const callee = attr.value && calleeName(attr.value);
  if (callee === 'Relationship' || callee === 'relationship') return false;
  // `x = Column("other", …)` / `mapped_column("other")` / `sa_column=Column("other")` names the column otherwise.
  const call = attr.value?.type === 'call' ? attr.value : undefined;
  const sa = call && keywordArgs(call).find((k) => k.name === 'sa_column')?.value;
  const named = [call, sa].find((c) => c && ['Column', 'mapped_column'].includes(calleeName(c) ?? ''));
  const first = named && positionalArgs(named)[0];
  const literal = first && stringValue(first);
  return literal === undefined || literal === column;
}

function declaredOnBase(root: Node, cls: ModelClass, column: string, seen: Set<string>): boolean {
  const classes = moduleClasses(root);
  for (const base of cls.baseNames) {
    if (seen.has(base)) continue;
    seen.add(base);
    const b = classes.find((c) => c.name === base);
    if (b && (b.attributes.some((a) => a.name === column) || declaredOnBase(root, b, column, seen))) return true;
  }
  return false;
}

const itemsOf = (node: Node) => namedChildrenOf(node).filter((n) => n.type !== 'comment');

/** The constraint items a site holds, and the tuple or call holding them. */
function siteItems(site: Site): { nodes: Node[]; tuple?: Node; dict?: Node } {
  if (site.kind === 'table') return { nodes: positionalArgs(site.call).slice(2).filter((a) => calleeName(a) !== 'Column') };
  const value = site.args?.value;
  if (!value) return { nodes: [] };
  if (value.type === 'dictionary') return { nodes: [], dict: value };
  if (value.type !== 'tuple') throw new CannotApply(`${site.where}: __table_args__ is not a tuple or a dict; edit it by hand`);
  const all = itemsOf(value);
  return { nodes: all.filter((n) => n.type !== 'dictionary'), tuple: value };
}

export function readItem(node: Node): Item {
  const builder = calleeName(node);
  const args = node.type === 'call' ? positionalArgs(node) : [];
  const [first, ...rest] = args;
  const isIndex = builder === 'Index';
  const name = isIndex && first ? stringValue(first) : undefined;
  const names = (isIndex ? rest : args).map((n) => {
    const literal = stringValue(n);
    if (literal !== undefined) return literal;
    // `Model.attr` or a bare attribute name: the planner asks only for columns named like their attribute.
    return n.type === 'attribute' ? n.childForFieldName('attribute')?.text : n.type === 'identifier' ? n.text : undefined;
  });
  return {
    node,
    builder,
    columns: names.every((n): n is string => n !== undefined) ? names : undefined,
    ...(name !== undefined && { name }),
    keywords: new Map(node.type === 'call' ? keywordArgs(node).map((k) => [k.name, k.value]) : []),
  };
}

/** Whether the item's positional arguments (not its keywords: a predicate may name anything) name every one of the columns. */
export function mentionsAll(item: Item, columns: readonly string[]): boolean {
  const text = item.node.type === 'call' ? positionalArgs(item.node).map((a) => a.text).join(', ') : item.node.text;
  return columns.every((c) => new RegExp(`(?<![\\w])${c}(?![\\w])`).test(text));
}

function planAdd(root: Node, source: string, table: string, columns: readonly string[], spec: ConstraintSpec): { edits: Edit[]; step?: ImportStep } | undefined {
  const site = locateSite(root, table);
  checkColumns(root, site, columns);
  const items = siteItems(site);
  if (items.nodes.some((n) => spec.matches(readItem(n)))) return undefined;
  const ref = builderRef(root, spec.builder);
  const styleFrom = site.kind === 'table' ? site.call : site.cls.node;
  const text = spec.render(ref.text, (v) => stringLiteral(v, styleFrom));
  const edits = site.kind === 'table' ? addToCall(source, site.call, text) : addToClass(source, site, items, text);
  return { edits, ...(ref.step && { step: ref.step }) };
}

/** How the file calls `UniqueConstraint`/`Index`, and the import that makes it so when it does not yet. */
export function builderRef(root: Node, name: string): { text: string; step?: ImportStep } {
  const imports = moduleImports(root);
  const from = (m: string) => imports.some((s) => s.type === 'import_from_statement' && moduleName(s) === m && importedNames(s).length > 0);
  const bound = imports.some((s) => s.type === 'import_statement' && /^\s*import\s+sqlalchemy\b/.test(s.text));
  const ref = nameRef(root, 'sqlalchemy', name, ['sqlmodel']);
  if (!ref.step || from('sqlalchemy') || bound || !from('sqlmodel')) return ref;
  // A SQLModel file importing nothing from SQLAlchemy: sqlmodel re-exports the name.
  return { text: ref.text, step: (r, s) => extendFromImport(r, s, 'sqlmodel', name) ?? ref.step!(r, s) };
}

function addToCall(source: string, call: Node, text: string): Edit[] {
  const positional = positionalArgs(call);
  return insertArgument(source, call, text, positional[positional.length - 1]);
}

function addToClass(source: string, site: Extract<Site, { kind: 'class' }>, items: ReturnType<typeof siteItems>, text: string): Edit[] {
  const nl = newline(source);
  if (items.dict) return [{ start: items.dict.startIndex, end: items.dict.endIndex, text: `(${text}, ${items.dict.text})` }];
  const tuple = items.tuple;
  if (!tuple) {
    const tableName = site.cls.attributes.find((a) => a.name === '__tablename__' && !a.declared);
    if (tableName) {
      const at = lineEnd(source, tableName.statement.endIndex);
      return [{ start: at, end: at, text: `${nl}${indentAt(source, tableName.statement.startIndex)}__table_args__ = (${text},)` }];
    }
    const body = site.cls.node.childForFieldName('body');
    const first = body && namedChildrenOf(body).find((s) => s.type !== 'comment' && !(s.type === 'expression_statement' && s.namedChild(0)?.type === 'string'));
    if (!first || !startsLine(source, first)) throw new CannotApply(`${site.where}: no line to give __table_args__; add it by hand`);
    const at = lineStart(source, first.startIndex);
    return [{ start: at, end: at, text: `${indentAt(source, first.startIndex)}__table_args__ = (${text},)${nl}` }];
  }
  const all = itemsOf(tuple);
  const open = childrenOf(tuple)[0]!;
  if (all.length === 0) return [{ start: open.endIndex, end: tuple.endIndex - 1, text: `${text},` }];
  const multiline = all[0]!.startPosition.row > open.endPosition.row;
  const last = all[all.length - 1]!;
  const indent = indentAt(source, all[0]!.startIndex);
  if (last.type === 'dictionary') {
    // Before the options dict, which SQLAlchemy wants last.
    return [{ start: last.startIndex, end: last.startIndex, text: multiline && startsLine(source, last) ? `${text},${nl}${indentAt(source, last.startIndex)}` : `${text}, ` }];
  }
  const comma = commaAfter(tuple, last);
  if (multiline) {
    if (comma) return [{ start: comma.endIndex, end: comma.endIndex, text: `${nl}${indent}${text},` }];
    return [{ start: last.endIndex, end: last.endIndex, text: `,${nl}${indent}${text}` }];
  }
  // `(A,)`: the comma only made a one-item tuple; `(A, B,)` keeps its trailing comma.
  if (comma && all.length === 1) return [{ start: last.endIndex, end: comma.endIndex, text: `, ${text}` }];
  if (comma) return [{ start: comma.endIndex, end: comma.endIndex, text: ` ${text},` }];
  return [{ start: last.endIndex, end: last.endIndex, text: `, ${text}` }];
}

function commaAfter(parent: Node, node: Node): Node | undefined {
  const children = childrenOf(parent);
  for (let i = children.findIndex((c) => c.id === node.id) + 1; i < children.length; i++) {
    const c = children[i]!;
    if (c.type === ',') return c;
    if (c.type !== 'comment') return undefined;
  }
  return undefined;
}

function planRemove(
  root: Node,
  source: string,
  table: string,
  columns: readonly string[],
  spec: ConstraintSpec,
  what: string,
): { edits: Edit[]; callee?: string } | undefined {
  const site = locateSite(root, table);
  const items = siteItems(site);
  const read = items.nodes.map(readItem);
  const found = read.find((i) => spec.matches(i));
  if (!found) {
    const other = read.find((i) => spec.near(i));
    if (other) throw new CannotApply(`${what}: ${other.node.text} is not a plain ${spec.label} on these columns; remove it by hand`);
    return undefined;
  }
  const fn = found.node.childForFieldName('function');
  const callee = fn?.type === 'identifier' ? fn.text : undefined;
  const edits = site.kind === 'table' ? removeArgument(source, site.call, found.node) : removeFromClass(source, site, items.tuple!, found.node);
  return { edits, ...(callee && { callee }) };
}

function removeFromClass(source: string, site: Extract<Site, { kind: 'class' }>, tuple: Node, node: Node): Edit[] {
  const all = itemsOf(tuple);
  const rest = all.filter((n) => n.id !== node.id);
  const statement = site.args!.statement;
  // Nothing left: the class reads as if it never had `__table_args__`.
  if (rest.length === 0) return [{ start: lineStart(source, statement.startIndex), end: nextLineStart(source, statement.endIndex), text: '' }];
  // Only the options dict left: the dict-only form SQLAlchemy documents.
  if (rest.length === 1 && rest[0]!.type === 'dictionary') return [{ start: tuple.startIndex, end: tuple.endIndex, text: rest[0]!.text }];
  const open = childrenOf(tuple)[0]!;
  const multiline = all[0]!.startPosition.row > open.endPosition.row;
  const index = all.findIndex((n) => n.id === node.id);
  const [prev, next] = [all[index - 1], all[index + 1]];
  const comma = commaAfter(tuple, node);
  if (!multiline) {
    // One item left on one line needs its comma to stay a tuple.
    if (rest.length === 1) return [{ start: open.endIndex, end: tuple.endIndex - 1, text: `${rest[0]!.text},` }];
    if (next) return [{ start: node.startIndex, end: next.startIndex, text: '' }];
    return [{ start: prev!.endIndex, end: (comma ?? node).endIndex, text: comma ? ',' : '' }];
  }
  const end = comma ? comma.endIndex : node.endIndex;
  const ownLine = startsLine(source, node) && /^[ \t]*(#.*)?$/.test(source.slice(end, lineEnd(source, end)));
  if (!ownLine) throw new CannotApply(`${site.where}: ${node.text} shares its line in __table_args__; remove it by hand`);
  const edits: Edit[] = [{ start: lineStart(source, node.startIndex), end: nextLineStart(source, end), text: '' }];
  // The last item without a trailing comma: the one before it drops its comma, unless it is now alone.
  if (!next && !comma && prev && rest.length > 1) {
    const prevComma = commaAfter(tuple, prev);
    if (prevComma) edits.push({ start: prevComma.startIndex, end: prevComma.endIndex, text: '' });
  }
  // One item left must keep (or gain) its comma to stay a tuple.
  if (rest.length === 1 && !commaAfter(tuple, rest[0]!)) edits.push({ start: rest[0]!.endIndex, end: rest[0]!.endIndex, text: ',' });
  return edits;
}
