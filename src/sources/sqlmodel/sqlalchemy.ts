// SQLAlchemy 2 declarative models into normalized Tables: subclasses of a `DeclarativeBase` class or of a
// `declarative_base()` result, with `Mapped[T]`, `mapped_column(...)` or legacy `Column(...)` attributes,
// plus `Table("name", metadata, Column(...), ...)` tables. Mixins and `__abstract__` classes contribute
// columns; a subclass of a mapped class with its own `__tablename__` is a table of its own (joined
// inheritance) and does not repeat its parent's columns.

import type { Node } from '../../lang/python.ts';
import { namedChildrenOf } from '../../lang/python.ts';
import { DEFAULT_SCHEMA } from '../../model/names.ts';
import type { Table } from '../../model/schema.ts';
import { readAnnotation } from './annotation.ts';
import type { PrimaryKeyDraft, TableContext } from './context.ts';
import { calleeName, keywordArgs, lastSegment, stringValue } from './cst.ts';
import type { ClassAttribute, ModelClass } from './cst.ts';
import { constraintNameFor, readNamingConvention } from './naming.ts';
import type { NamingConvention } from './naming.ts';
import { readSaColumn } from './sa-column.ts';
import { positionalArgs } from './sa-column.ts';
import { readSchemaItem, readTableArgs } from './table-args.ts';
import { classTable } from './table.ts';
import { typeAnnotationMap } from './type-annotation-map.ts';

const BASE_CLASSES = new Set(['DeclarativeBase', 'DeclarativeBaseNoMeta']);
const BASE_FACTORIES = new Set(['declarative_base', 'generate_base']);
/** Attributes declarative reads as configuration, never as columns. */
const CONFIG = new Set(['metadata', 'registry', 'type_annotation_map']);
/** Mapped attributes that are not columns of this table. */
const NOT_COLUMNS = new Set(['relationship', 'association_proxy', 'column_property', 'synonym', 'composite', 'query_expression', 'dynamic_loader', 'backref']);

/** Module-level `name = value` statements of every file read: bases, MetaData objects, conventions. */
export type ModuleValues = ReadonlyMap<string, Node>;

export interface Declarative {
  /** Names (classes and variables) that are declarative bases. */
  bases: Set<string>;
  isMapped(cls: ModelClass): boolean;
  tableName(cls: ModelClass): string | undefined;
  /** Why a class that looks mapped is not read, when it is not. */
  skipReason(cls: ModelClass): string | undefined;
}

export function declarative(classes: ReadonlyMap<string, ModelClass>, values: ModuleValues): Declarative {
  const bases = new Set<string>();
  for (const cls of classes.values()) if (cls.baseNames.some((b) => BASE_CLASSES.has(b))) bases.add(cls.name);
  for (const [name, value] of values) if (BASE_FACTORIES.has(calleeName(value) ?? '')) bases.add(name);

  const derives = memo((cls: ModelClass, self: (c: ModelClass) => boolean) =>
    cls.baseNames.some((b) => bases.has(b) || (classes.has(b) && b !== cls.name && self(classes.get(b)!))),
  );
  const abstract = (cls: ModelClass) => cls.attributes.some((a) => a.name === '__abstract__' && a.value?.type === 'true');
  /** Walks bases depth-first, left to right: the order Python's MRO looks attributes up in, for simple trees. */
  const lookup = (cls: ModelClass, pick: (c: ModelClass) => string | undefined, seen = new Set<ModelClass>()): string | undefined => {
    if (seen.has(cls)) return undefined;
    seen.add(cls);
    const own = pick(cls);
    if (own !== undefined) return own;
    for (const b of cls.baseNames) {
      const base = classes.get(b);
      const found = base && lookup(base, pick, seen);
      if (found !== undefined) return found;
    }
    return undefined;
  };
  const mappedAncestor = (cls: ModelClass): ModelClass | undefined => {
    for (const b of cls.baseNames) {
      const base = classes.get(b);
      if (!base || base === cls) continue;
      if (isMapped(base)) return base;
      const up = mappedAncestor(base);
      if (up) return up;
    }
    return undefined;
  };
  const tableName = (cls: ModelClass): string | undefined => {
    if (cls.ownTableName) return cls.ownTableName;
    // A mixin's `__tablename__`: a literal, or `cls.__name__.lower()` evaluated for this class.
    return lookup(cls, (c) => {
      const value = c.attributes.find((a) => a.name === '__tablename__')?.value;
      if (!value || c === cls) return undefined;
      return value.text.replace(/\s+/g, '') === 'cls.__name__.lower()' ? cls.name.toLowerCase() : stringValue(value);
    });
  };
  const candidate = (cls: ModelClass) => !cls.isTable && !bases.has(cls.name) && !abstract(cls) && derives(cls);
  const isMapped = (cls: ModelClass): boolean => candidate(cls) && (!!cls.ownTableName || (!mappedAncestor(cls) && !!tableName(cls)));
  const skipReason = (cls: ModelClass): string | undefined => {
    if (!candidate(cls) || isMapped(cls)) return undefined;
    if (cls.attributes.some((a) => a.name === '__table__')) return `${cls.name}: __table__ is not yet supported, class ignored`;
    const parent = mappedAncestor(cls);
    if (parent) return `${cls.name}: single-table inheritance from ${parent.name} is not yet supported, class ignored`;
    return `${cls.name}: no literal __tablename__, class ignored`;
  };
  return { bases, isMapped, tableName, skipReason };
}

function memo<T extends object>(fn: (x: T, self: (x: T) => boolean) => boolean): (x: T) => boolean {
  const cache = new Map<T, boolean>();
  const self = (x: T): boolean => {
    const hit = cache.get(x);
    if (hit !== undefined) return hit;
    cache.set(x, false); // cyclic bases in broken code end here
    const result = fn(x, self);
    cache.set(x, result);
    return result;
  };
  return self;
}

/** The naming convention of the declarative base(s) or MetaData objects, when one is written literally. */
export function namingConvention(
  classes: ReadonlyMap<string, ModelClass>,
  values: ModuleValues,
  bases: ReadonlySet<string>,
  ctx: Pick<TableContext, 'diagnostics' | 'span'>,
): NamingConvention | undefined {
  const fromMetaData = (node: Node | undefined, depth = 0): Node | undefined => {
    if (!node || depth > 3) return undefined;
    if (node.type === 'identifier') return fromMetaData(values.get(node.text), depth + 1);
    if (calleeName(node) !== 'MetaData') return undefined;
    const arg = keywordArgs(node).find((k) => k.name === 'naming_convention')?.value;
    return arg?.type === 'identifier' ? values.get(arg.text) : arg;
  };
  const dicts: Node[] = [];
  for (const name of bases) {
    const cls = classes.get(name);
    const metadata = cls ? cls.attributes.find((a) => a.name === 'metadata')?.value : undefined;
    const factory = values.get(name);
    const fromFactory = factory ? keywordArgs(factory).find((k) => k.name === 'metadata')?.value : undefined;
    const dict = fromMetaData(metadata) ?? fromMetaData(fromFactory);
    if (dict) dicts.push(dict);
  }
  if (!dicts[0]) return undefined;
  const { convention, problem } = readNamingConvention(dicts[0]);
  if (problem) ctx.diagnostics.push({ message: `${problem}; constraint names are not compared`, loc: ctx.span(dicts[0]) });
  return convention;
}

/** A declarative class's columns: its own and those of unmapped bases (mixins), bases first. */
function mappedAttributes(cls: ModelClass, classes: ReadonlyMap<string, ModelClass>, d: Declarative): ClassAttribute[] {
  const byName = new Map<string, ClassAttribute>();
  const visit = (c: ModelClass, seen: Set<ModelClass>): void => {
    if (seen.has(c)) return;
    seen.add(c);
    for (const b of [...c.baseNames].reverse()) {
      const base = classes.get(b);
      // A mapped parent keeps its columns in its own table (joined inheritance).
      if (base && !d.isMapped(base) && !d.bases.has(base.name)) visit(base, seen);
    }
    for (const attr of c.attributes) byName.set(attr.name, attr);
  };
  visit(cls, new Set());
  return [...byName.values()];
}

/** `Mapped[X]` → the `X` node, else undefined. */
function mappedInner(annotation: Node): Node | undefined {
  const node = annotation.type === 'type' ? annotation.namedChild(0) : annotation;
  if (node?.type === 'generic_type') {
    const [head, params] = namedChildrenOf(node);
    if (head && lastSegment(head.text) === 'Mapped' && params) return namedChildrenOf(params)[0];
  } else if (node?.type === 'subscript') {
    const value = node.childForFieldName('value');
    if (value && lastSegment(value.text) === 'Mapped') return node.childForFieldName('subscript') ?? undefined;
  }
  return undefined;
}

export function readDeclarativeTable(cls: ModelClass, d: Declarative, outer: TableContext): Table {
  const typeMap = typeAnnotationMap(cls, outer.classes, outer);
  const ctx: TableContext = typeMap ? { ...outer, typeMap } : outer;
  const { table, tableArgs } = classTable(cls, d.tableName(cls)!, ctx);
  const pk: PrimaryKeyDraft = { columns: [] };
  for (const attr of mappedAttributes(cls, ctx.classes, d)) {
    if (attr.name.startsWith('__') || CONFIG.has(attr.name)) continue;
    const callee = attr.value ? calleeName(attr.value) : undefined;
    if (callee && NOT_COLUMNS.has(callee)) continue;
    const inner = attr.annotation ? mappedInner(attr.annotation) : undefined;
    if (attr.annotation && !inner && !attr.declared) continue; // a plain annotation: not mapped
    if (callee === 'Column' || callee === 'mapped_column') {
      const annotation = inner && callee === 'mapped_column' ? { node: inner, info: readAnnotation(inner) } : undefined;
      readSaColumn(table, pk, { call: attr.value, attrName: attr.name, statement: attr.statement, annotation }, ctx);
    } else if (inner && !attr.value) {
      const info = readAnnotation(inner);
      if (info.classVar) continue;
      if (info.typeName && ctx.classes.has(info.typeName) && !ctx.enums.has(info.typeName)) {
        ctx.diagnostics.push({ message: `${table.name}.${attr.name}: Mapped[${inner.text}] without relationship(), ignored`, loc: ctx.span(attr.statement) });
        continue;
      }
      readSaColumn(table, pk, { attrName: attr.name, statement: attr.statement, annotation: { node: inner, info } }, ctx);
    } else if (attr.value && (inner || attr.declared)) {
      ctx.diagnostics.push({ message: `${table.name}.${attr.name}: ${attr.value.text.split('\n')[0]} is not a column we can read, ignored`, loc: ctx.span(attr.statement) });
    }
  }
  if (tableArgs) readTableArgs(table, pk, tableArgs, ctx);
  pk.name ??= constraintNameFor(ctx.naming, 'pk', { table: table.name, columns: pk.columns });
  if (pk.columns.length > 0) table.primaryKey = pk;
  else ctx.diagnostics.push({ message: `table ${table.name} has no primary key`, loc: table.loc });
  return table;
}

/** `Table("name", metadata, Column(...), UniqueConstraint(...), schema="x")`; `binding` is the variable. */
export function readTableCall(call: Node, binding: string | undefined, ctx: TableContext): Table | undefined {
  const [nameNode, , ...items] = positionalArgs(call);
  const name = nameNode && stringValue(nameNode);
  if (!name) {
    ctx.diagnostics.push({ message: `Table(...) without a literal name, ignored`, loc: ctx.span(call) });
    return undefined;
  }
  const schemaArg = keywordArgs(call).find((k) => k.name === 'schema');
  const table: Table = {
    schema: (schemaArg && stringValue(schemaArg.value)) ?? DEFAULT_SCHEMA,
    name,
    columns: [],
    foreignKeys: [],
    uniques: [],
    indexes: [],
    loc: ctx.span(call),
    ...(binding ? { binding } : {}),
  };
  const pk: PrimaryKeyDraft = { columns: [] };
  for (const item of items) if (calleeName(item) === 'Column') readSaColumn(table, pk, { call: item, statement: item }, ctx);
  for (const item of items) if (calleeName(item) !== 'Column') readSchemaItem(table, pk, item, ctx);
  // An association table without a primary key is normal in SQLAlchemy, so no diagnostic here.
  pk.name ??= constraintNameFor(ctx.naming, 'pk', { table: table.name, columns: pk.columns });
  if (pk.columns.length > 0) table.primaryKey = pk;
  return table;
}
