// The slice of Babel's AST (what jscodeshift's `ts` parser produces) that the Drizzle transforms read.
// Typed here rather than through ast-types, whose unions make plain structural checks verbose.

export interface Position {
  line: number;
  column: number;
}

export interface Node {
  type: string;
  loc?: { start: Position; end: Position } | null;
  extra?: { raw?: string; parenthesized?: boolean };
}

export interface Identifier extends Node {
  type: 'Identifier';
  name: string;
}

export interface StringLiteral extends Node {
  type: 'StringLiteral';
  value: string;
}

export interface CallExpression extends Node {
  type: 'CallExpression';
  callee: Node;
  arguments: Node[];
}

export interface MemberExpression extends Node {
  type: 'MemberExpression';
  object: Node;
  property: Node;
  computed: boolean;
}

export interface ObjectExpression extends Node {
  type: 'ObjectExpression';
  properties: Node[];
}

export interface ObjectProperty extends Node {
  type: 'ObjectProperty';
  key: Node;
  value: Node;
  computed: boolean;
}

export interface ArrayExpression extends Node {
  type: 'ArrayExpression';
  elements: (Node | null)[];
}

export interface FunctionNode extends Node {
  type: 'ArrowFunctionExpression' | 'FunctionExpression';
  params: Node[];
  body: Node;
}

export interface BlockStatement extends Node {
  type: 'BlockStatement';
  body: Node[];
}

export interface ReturnStatement extends Node {
  type: 'ReturnStatement';
  argument: Node | null;
}

export interface VariableDeclarator extends Node {
  type: 'VariableDeclarator';
  id: Node;
  init: Node | null;
}

export interface ImportDeclaration extends Node {
  type: 'ImportDeclaration';
  specifiers: Node[];
  source: StringLiteral;
  importKind?: string;
}

export interface ImportSpecifier extends Node {
  type: 'ImportSpecifier';
  imported: Node;
  local: Identifier;
  importKind?: string;
}

export interface TemplateLiteral extends Node {
  type: 'TemplateLiteral';
  quasis: { value: { cooked: string | null } }[];
  expressions: Node[];
}

export function is<T extends Node>(node: Node | null | undefined, type: T['type']): node is T {
  return !!node && node.type === type;
}

export function isFunction(node: Node | null | undefined): node is FunctionNode {
  return !!node && (node.type === 'ArrowFunctionExpression' || node.type === 'FunctionExpression');
}

const WRAPPERS = new Set(['TSAsExpression', 'TSSatisfiesExpression', 'TSNonNullExpression', 'ParenthesizedExpression']);

/** Looks through `x as T`, `x satisfies T`, `x!` and parentheses, which do not change what is built. */
export function unwrap(node: Node): Node {
  let current = node;
  while (WRAPPERS.has(current.type)) current = (current as Node & { expression: Node }).expression;
  return current;
}

/** The value of `"x"`, `'x'` or a template without substitutions. */
export function stringValue(node: Node | null | undefined): string | undefined {
  if (!node) return undefined;
  const n = unwrap(node);
  if (is<StringLiteral>(n, 'StringLiteral')) return n.value;
  if (is<TemplateLiteral>(n, 'TemplateLiteral') && n.expressions.length === 0) return n.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/** The name of `a: …` or `"a": …`; undefined for computed keys. */
export function propertyName(node: Node): string | undefined {
  if (!is<ObjectProperty>(node, 'ObjectProperty')) return undefined;
  if (node.computed) return stringValue(node.key);
  return is<Identifier>(node.key, 'Identifier') ? node.key.name : stringValue(node.key);
}

export function findProperty(obj: ObjectExpression, name: string): ObjectProperty | undefined {
  return obj.properties.find((p): p is ObjectProperty => propertyName(p) === name);
}

/** `a.b.c` → `['a', 'b', 'c']`; undefined for anything but identifiers and plain property names. */
export function accessPath(node: Node): string[] | undefined {
  const n = unwrap(node);
  if (is<Identifier>(n, 'Identifier')) return [n.name];
  if (is<MemberExpression>(n, 'MemberExpression') && !n.computed && is<Identifier>(n.property, 'Identifier')) {
    const head = accessPath(n.object);
    return head && [...head, n.property.name];
  }
  return undefined;
}

/** A method call in a builder chain: `.references(...)`, `.onDelete(...)`. */
export interface ChainCall {
  name: string;
  call: CallExpression;
  member: MemberExpression;
}

export interface Chain {
  root: CallExpression;
  calls: ChainCall[];
}

/** Splits `text("id").notNull().references(...)` into the builder call and the methods called on it. */
export function flattenChain(node: Node): Chain | undefined {
  const calls: ChainCall[] = [];
  let current = unwrap(node);
  for (;;) {
    if (!is<CallExpression>(current, 'CallExpression')) return undefined;
    const callee = unwrap(current.callee);
    if (
      is<MemberExpression>(callee, 'MemberExpression') &&
      !callee.computed &&
      is<Identifier>(callee.property, 'Identifier') &&
      is<CallExpression>(unwrap(callee.object), 'CallExpression')
    ) {
      calls.push({ name: callee.property.name, call: current, member: callee });
      current = unwrap(callee.object);
      continue;
    }
    return { root: current, calls: calls.reverse() };
  }
}

/** What `() => x` or `function () { return x; }` evaluates to. */
export function returnedExpression(node: Node | undefined): Node | undefined {
  const fn = node && unwrap(node);
  if (!isFunction(fn)) return undefined;
  if (!is<BlockStatement>(fn.body, 'BlockStatement')) return unwrap(fn.body);
  const [only] = fn.body.body;
  return fn.body.body.length === 1 && is<ReturnStatement>(only, 'ReturnStatement') && only.argument
    ? unwrap(only.argument)
    : undefined;
}
