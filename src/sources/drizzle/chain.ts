import type { ts } from 'ts-morph';
import { nodeText } from './node-text.ts';
import {
  Kind,
  isArrowFunction,
  isBlock,
  isCallExpression,
  isFunctionExpression,
  isIdentifier,
  isPropertyAccessExpression,
  isReturnStatement,
} from './syntax-guards.ts';

/** A method call in a builder chain: `.notNull()`, `.references(() => users.id)`. */
export interface ChainCall {
  name: string;
  /** The `references` in `.references(...)`: spans start here so they cover `references(...)` only. */
  nameNode: ts.Node;
  call: ts.CallExpression;
  args: readonly ts.Expression[];
}

export interface Chain {
  /** The call the chain starts from: `text("id")`, `index("x")`, `foreignKey({...})`. */
  root: ts.CallExpression;
  /** Methods called on it, in source order. */
  calls: ChainCall[];
}

/** Splits `text("id").notNull().unique()` into its root call and the method calls made on it. */
export function flattenChain(expr: ts.Node, sf: ts.SourceFile): Chain | undefined {
  const calls: ChainCall[] = [];
  let node = unwrap(expr);
  for (;;) {
    if (!isCallExpression(node)) return undefined;
    const callee = node.expression;
    if (isPropertyAccessExpression(callee) && isCallExpression(unwrap(callee.expression))) {
      calls.push({ name: nodeText(callee.name, sf), nameNode: callee.name, call: node, args: node.arguments });
      node = unwrap(callee.expression);
      continue;
    }
    return { root: node, calls: calls.reverse() };
  }
}

type Wrapper = ts.ParenthesizedExpression | ts.AsExpression | ts.SatisfiesExpression | ts.NonNullExpression;

// Called on nearly every node the reader looks at: one read of the kind rather than four type guards.
const WRAPPERS = new Set<ts.SyntaxKind>([Kind.ParenthesizedExpression, Kind.AsExpression, Kind.SatisfiesExpression, Kind.NonNullExpression]);

/** Looks through parentheses and `x as T` / `x satisfies T` / `x!`, which do not change what is built. */
export function unwrap(node: ts.Node): ts.Node {
  let current = node;
  while (WRAPPERS.has(current.kind)) current = (current as Wrapper).expression;
  return current;
}

/** `a.b.c` → `['a', 'b', 'c']`; anything but plain identifiers and property names → undefined. */
export function accessPath(expr: ts.Node, sf: ts.SourceFile): string[] | undefined {
  const node = unwrap(expr);
  if (isIdentifier(node)) return [nodeText(node, sf)];
  if (isPropertyAccessExpression(node)) {
    const head = accessPath(node.expression, sf);
    return head && [...head, nodeText(node.name, sf)];
  }
  return undefined;
}

/** The expression a `() => x` or `function () { return x; }` evaluates to. */
export function returnedExpression(fn: ts.Node): ts.Node | undefined {
  if (!isArrowFunction(fn) && !isFunctionExpression(fn)) return undefined;
  const body: ts.Node | undefined = fn.body;
  if (!body) return undefined;
  if (!isBlock(body)) return unwrap(body);
  const statements = body.statements;
  const last = statements[statements.length - 1];
  if (statements.length !== 1 || !last || !isReturnStatement(last)) return undefined;
  const value = last.expression;
  return value && unwrap(value);
}
