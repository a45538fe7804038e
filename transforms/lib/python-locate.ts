// Finding the statement that declares a column, by table and column name as the plan names them: the
// table class by `__tablename__` (or SQLModel's default name), then the attribute, in the class or in a
// base class defined in the same file.

import type { Node } from '../../src/lang/python.ts';
import { calleeName, classesByName, fieldAttributes, fieldCall, keywordArgs, moduleClasses, stringValue } from '../../src/sources/sqlmodel/cst.ts';
import type { ClassAttribute, KeywordArg, ModelClass } from '../../src/sources/sqlmodel/cst.ts';
import { CannotApply } from './cannot-apply.ts';

export interface LocatedColumn {
  cls: ModelClass;
  attr: ClassAttribute;
  /** The `Field(...)` call, when the attribute's value is one. */
  call?: Node;
  keywords: Map<string, KeywordArg>;
}

/** `table` may be `name` or `schema.name`; only the name is matched, as `__tablename__` holds no schema. */
export function locateColumn(root: Node, table: string, column: string): LocatedColumn {
  const name = table.includes('.') ? table.slice(table.lastIndexOf('.') + 1) : table;
  const classes = moduleClasses(root);
  const matches = classes.filter((c) => c.isTable && c.tableName === name);
  if (matches.length === 0) {
    const known = classes.filter((c) => c.isTable).map((c) => c.tableName);
    throw new CannotApply(
      `no SQLModel table class for table "${table}" in this file` +
        (known.length ? ` (tables here: ${known.join(', ')})` : ' (no class with table=True)'),
    );
  }
  if (matches.length > 1) {
    throw new CannotApply(`table "${table}" is declared by several classes here: ${matches.map((c) => c.name).join(', ')}`);
  }
  const cls = matches[0]!;
  const attr = fieldAttributes(cls, classesByName(classes)).find((a) => a.name === column);
  if (!attr) throw new CannotApply(`class ${cls.name} (table "${name}") has no attribute "${column}" in this file`);
  if (attr.value && calleeName(attr.value) === 'Relationship') {
    throw new CannotApply(`${cls.name}.${column} is a Relationship, not a column`);
  }
  const call = fieldCall(attr);
  return { cls, attr, call, keywords: new Map((call ? keywordArgs(call) : []).map((k) => [k.name, k])) };
}

/** A column of a SQLAlchemy declarative class: `x: Mapped[T] = mapped_column(...)`, `x = Column(...)`, `x: Mapped[T]`. */
export interface LocatedMappedColumn {
  cls: ModelClass;
  attr: ClassAttribute;
  /** The `Column(...)`/`mapped_column(...)` call, when there is one. */
  call?: Node;
  /** `T` of `Mapped[T]`, which decides nullability when the call does not say. */
  mapped?: Node;
}

/** `T` in `Mapped[T]` (also `orm.Mapped[T]`). */
function mappedInner(annotation: Node): Node | undefined {
  const node = annotation.type === 'type' ? annotation.namedChild(0) : annotation;
  if (node?.type === 'generic_type') {
    const [head, params] = [node.namedChild(0), node.namedChild(1)];
    if (head && params && head.text.split('.').pop() === 'Mapped') return params.namedChildren.find((c) => c && c.type !== 'comment') ?? undefined;
  }
  if (node?.type === 'subscript' && node.childForFieldName('value')?.text.split('.').pop() === 'Mapped') {
    return node.childForFieldName('subscript') ?? undefined;
  }
  return undefined;
}

/**
 * Where a SQLAlchemy declarative class (a class with a table name that is not a SQLModel `table=True` class)
 * declares `column`, by attribute name or by the name given as the call's first argument.
 */
export function locateMappedColumn(root: Node, table: string, column: string): LocatedMappedColumn | undefined {
  const name = table.includes('.') ? table.slice(table.lastIndexOf('.') + 1) : table;
  const classes = moduleClasses(root);
  const known = classesByName(classes);
  const found: LocatedMappedColumn[] = [];
  for (const cls of classes) {
    if (cls.isTable || cls.tableName !== name) continue;
    for (const attr of allAttributes(cls, known)) {
      const callee = attr.value && calleeName(attr.value);
      const call = callee === 'Column' || callee === 'mapped_column' ? attr.value : undefined;
      const first = call?.childForFieldName('arguments')?.namedChildren.find((c) => c && c.type !== 'comment');
      const columnName = (first && stringValue(first)) ?? attr.name;
      const mapped = attr.annotation && mappedInner(attr.annotation);
      if (columnName !== column || (!call && !mapped)) continue;
      found.push({ cls, attr, ...(call && { call }), ...(mapped && { mapped }) });
    }
  }
  if (found.length > 1) throw new CannotApply(`table "${table}" column "${column}" is declared more than once here`);
  return found[0];
}

/** Own and same-file inherited attributes, annotated or not (`x = Column(...)` has no annotation). */
function allAttributes(cls: ModelClass, known: ReadonlyMap<string, ModelClass>): ClassAttribute[] {
  const byName = new Map<string, ClassAttribute>();
  const visit = (c: ModelClass, seen: Set<ModelClass>): void => {
    if (seen.has(c)) return;
    seen.add(c);
    for (const base of [...c.baseNames].reverse()) {
      const b = known.get(base);
      if (b) visit(b, seen);
    }
    for (const attr of c.attributes) byName.set(attr.name, attr);
  };
  visit(cls, new Set());
  return [...byName.values()];
}
