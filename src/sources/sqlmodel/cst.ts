// Finding SQLModel declarations in a tree-sitter Python tree. Shared by the reader and the Python transforms so
// that "the column `teams.owner_id`" means the same statement to both.

import { childrenOf, namedChildrenOf } from '../../lang/python.ts';
import type { Node } from '../../lang/python.ts';

export interface ModelClass {
  node: Node;
  name: string;
  /** `table=True` among the class keywords: only these are mapped to tables by SQLModel. */
  isTable: boolean;
  /** `__tablename__`, or SQLModel's default: the class name lower-cased. */
  tableName: string;
  /** Base class names as written, last dotted segment (`sqlmodel.SQLModel` → `SQLModel`). */
  baseNames: string[];
  attributes: ClassAttribute[];
  /** `__tablename__` as written in this class's own body, when it is (a literal or a static declared_attr). */
  ownTableName?: string;
}

/** `name = value`, `name: T` or `name: T = value` directly in a class body. */
export interface ClassAttribute {
  /** The whole statement, the span a column is reported at. */
  statement: Node;
  name: string;
  annotation?: Node;
  value?: Node;
  /** A `@declared_attr` method whose body only returns `value`: SQLAlchemy calls it once per mapped class. */
  declared?: boolean;
}

export interface KeywordArg {
  node: Node;
  name: string;
  value: Node;
}

/** Classes defined at module level (decorated or not), in source order. */
export function moduleClasses(root: Node): ModelClass[] {
  const out: ModelClass[] = [];
  for (const stmt of namedChildrenOf(root)) {
    const def = stmt.type === 'decorated_definition' ? stmt.childForFieldName('definition') : stmt;
    if (def?.type === 'class_definition') out.push(readClass(def));
  }
  return out;
}

function readClass(node: Node): ModelClass {
  const name = node.childForFieldName('name')?.text ?? '';
  const bases = node.childForFieldName('superclasses');
  const baseNames: string[] = [];
  let isTable = false;
  for (const arg of bases ? namedChildrenOf(bases) : []) {
    if (arg.type === 'keyword_argument') {
      if (arg.childForFieldName('name')?.text === 'table' && arg.childForFieldName('value')?.type === 'true') {
        isTable = true;
      }
    } else if (arg.type === 'identifier' || arg.type === 'attribute') {
      baseNames.push(lastSegment(arg.text));
    }
  }
  const body = node.childForFieldName('body');
  const attributes = body ? bodyAttributes(body) : [];
  const tableNameAttr = attributes.find((a) => a.name === '__tablename__');
  const declared = tableNameAttr?.value ? tableNameValue(tableNameAttr.value, name) : undefined;
  return { node, name, isTable, tableName: declared ?? name.toLowerCase(), baseNames, attributes, ownTableName: declared };
}

/** A literal, or the one computed name SQLAlchemy mixins commonly return: `cls.__name__.lower()`. */
function tableNameValue(value: Node, className: string): string | undefined {
  return value.text.replace(/\s+/g, '') === 'cls.__name__.lower()' ? className.toLowerCase() : stringValue(value);
}

/** `@declared_attr def x(cls): return <expr>` (also `declared_attr.directive`): the returned expression. */
function declaredAttr(stmt: Node): ClassAttribute | undefined {
  const def = stmt.childForFieldName('definition');
  if (def?.type !== 'function_definition') return undefined;
  const decorators = namedChildrenOf(stmt).filter((d) => d.type === 'decorator');
  if (!decorators.some((d) => /\bdeclared_attr\b/.test(d.text))) return undefined;
  const statements = namedChildrenOf(def.childForFieldName('body')!).filter((n) => n.type !== 'comment');
  const only = statements.length === 1 && statements[0]!.type === 'return_statement' ? statements[0]! : undefined;
  const name = def.childForFieldName('name')?.text ?? '';
  // The return annotation (`-> Mapped[int]`) types the column as an attribute annotation would.
  const annotation = def.childForFieldName('return_type') ?? undefined;
  return { statement: stmt, name, annotation, value: only?.namedChild(0) ?? undefined, declared: true };
}

function bodyAttributes(body: Node): ClassAttribute[] {
  const out: ClassAttribute[] = [];
  for (const stmt of namedChildrenOf(body)) {
    if (stmt.type === 'decorated_definition') {
      const attr = declaredAttr(stmt);
      if (attr) out.push(attr);
      continue;
    }
    if (stmt.type !== 'expression_statement') continue;
    const assignment = stmt.namedChild(0);
    if (assignment?.type !== 'assignment') continue;
    const left = assignment.childForFieldName('left');
    if (left?.type !== 'identifier') continue;
    out.push({
      statement: stmt,
      name: left.text,
      annotation: assignment.childForFieldName('type') ?? undefined,
      value: assignment.childForFieldName('right') ?? undefined,
    });
  }
  return out;
}

/**
 * A class's annotated attributes including those inherited from classes in `known`, in the order pydantic
 * collects them: bases first (walking the MRO backwards), a redefinition keeping the inherited position.
 */
export function fieldAttributes(cls: ModelClass, known: ReadonlyMap<string, ModelClass>): ClassAttribute[] {
  const byName = new Map<string, ClassAttribute>();
  const visit = (c: ModelClass, seen: Set<ModelClass>): void => {
    if (seen.has(c)) return;
    seen.add(c);
    for (const base of [...c.baseNames].reverse()) {
      const b = known.get(base);
      if (b) visit(b, seen);
    }
    for (const attr of c.attributes) if (attr.annotation && !attr.declared) byName.set(attr.name, attr);
  };
  visit(cls, new Set());
  return [...byName.values()];
}

/** Classes by name across files; the first definition of a name wins, as an import would pick one. */
export function classesByName(classes: Iterable<ModelClass>): Map<string, ModelClass> {
  const map = new Map<string, ModelClass>();
  for (const c of classes) if (!map.has(c.name)) map.set(c.name, c);
  return map;
}

/** The callee's last dotted segment: `Field` for both `Field(...)` and `sqlmodel.Field(...)`. */
export function calleeName(call: Node): string | undefined {
  if (call.type !== 'call') return undefined;
  const fn = call.childForFieldName('function');
  return fn && (fn.type === 'identifier' || fn.type === 'attribute') ? lastSegment(fn.text) : undefined;
}

export function keywordArgs(call: Node): KeywordArg[] {
  const args = call.childForFieldName('arguments');
  if (!args || args.type !== 'argument_list') return [];
  const out: KeywordArg[] = [];
  for (const arg of namedChildrenOf(args)) {
    if (arg.type !== 'keyword_argument') continue;
    const name = arg.childForFieldName('name')?.text;
    const value = arg.childForFieldName('value');
    if (name && value) out.push({ node: arg, name, value });
  }
  return out;
}

/** The attribute's `Field(...)` call, when its value is one. */
export function fieldCall(attr: ClassAttribute): Node | undefined {
  return attr.value && calleeName(attr.value) === 'Field' ? attr.value : undefined;
}

/**
 * The value of a plain string literal (`"x"`, `'x'`, `r"x"`), or undefined for anything computed: f-strings,
 * implicit concatenation, escapes we would have to interpret.
 */
export function stringValue(node: Node): string | undefined {
  if (node.type !== 'string') return undefined;
  const start = node.child(0);
  if (start?.type !== 'string_start' || /[fFbB]/.test(start.text)) return undefined;
  let value = '';
  for (const part of childrenOf(node)) {
    if (part.type === 'string_content') value += part.text;
    else if (part.type !== 'string_start' && part.type !== 'string_end') return undefined;
  }
  return value;
}

/** The literal's text between its quotes: where a new value is spliced in, keeping prefix and quote style. */
export function stringContentRange(node: Node): { start: number; end: number } | undefined {
  if (node.type !== 'string') return undefined;
  const first = node.child(0);
  const last = node.child(node.childCount - 1);
  if (first?.type !== 'string_start' || last?.type !== 'string_end') return undefined;
  return { start: first.endIndex, end: last.startIndex };
}

export function lastSegment(dotted: string): string {
  const i = dotted.lastIndexOf('.');
  return i < 0 ? dotted : dotted.slice(i + 1);
}
