import { Node, type CallExpression } from 'ts-morph';

/** A method call in a builder chain: `.notNull()`, `.references(() => users.id)`. */
export interface ChainCall {
  name: string;
  /** The `references` in `.references(...)`: spans start here so they cover `references(...)` only. */
  nameNode: Node;
  call: CallExpression;
  args: Node[];
}

export interface Chain {
  /** The call the chain starts from: `text("id")`, `index("x")`, `foreignKey({...})`. */
  root: CallExpression;
  /** Methods called on it, in source order. */
  calls: ChainCall[];
}

/** Splits `text("id").notNull().unique()` into its root call and the method calls made on it. */
export function flattenChain(expr: Node): Chain | undefined {
  const calls: ChainCall[] = [];
  let node = unwrap(expr);
  for (;;) {
    if (!Node.isCallExpression(node)) return undefined;
    const callee = node.getExpression();
    if (Node.isPropertyAccessExpression(callee) && Node.isCallExpression(unwrap(callee.getExpression()))) {
      calls.push({ name: callee.getName(), nameNode: callee.getNameNode(), call: node, args: node.getArguments() });
      node = unwrap(callee.getExpression());
      continue;
    }
    return { root: node, calls: calls.reverse() };
  }
}

/** Looks through parentheses and `x as T` / `x satisfies T` / `x!`, which do not change what is built. */
export function unwrap(node: Node): Node {
  let current = node;
  for (;;) {
    if (
      Node.isParenthesizedExpression(current) ||
      Node.isAsExpression(current) ||
      Node.isSatisfiesExpression(current) ||
      Node.isNonNullExpression(current)
    ) {
      current = current.getExpression();
    } else {
      return current;
    }
  }
}

/** `a.b.c` → `['a', 'b', 'c']`; anything but plain identifiers and property names → undefined. */
export function accessPath(expr: Node): string[] | undefined {
  const node = unwrap(expr);
  if (Node.isIdentifier(node)) return [node.getText()];
  if (Node.isPropertyAccessExpression(node)) {
    const head = accessPath(node.getExpression());
    return head && [...head, node.getName()];
  }
  return undefined;
}

/** The expression a `() => x` or `function () { return x; }` evaluates to. */
export function returnedExpression(fn: Node): Node | undefined {
  if (!Node.isArrowFunction(fn) && !Node.isFunctionExpression(fn)) return undefined;
  const body = fn.getBody();
  if (!body) return undefined;
  if (!Node.isBlock(body)) return unwrap(body);
  const statements = body.getStatements();
  const last = statements[statements.length - 1];
  if (statements.length !== 1 || !Node.isReturnStatement(last)) return undefined;
  const value = last.getExpression();
  return value && unwrap(value);
}
