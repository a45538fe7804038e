import { ts, type CallExpression, type SourceFile } from 'ts-morph';

/**
 * The calls of a file whose callee passes `wanted`, found by walking TypeScript's own syntax tree and
 * wrapping only those calls in ts-morph nodes. Asking ts-morph for every call expression wraps every node
 * of the file on the way, which costs more than all the rest of reading a large schema.
 */
export function findCalls(sourceFile: SourceFile, wanted: (callee: ts.Expression) => boolean): CallExpression[] {
  const tsFile = sourceFile.compilerNode;
  const found: CallExpression[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && wanted(node.expression)) {
      const wrapped = sourceFile.getDescendantAtStartWithWidth(node.getStart(tsFile), node.getWidth(tsFile));
      // The deepest node spanning exactly the call is the call itself (its callee is always shorter).
      if (wrapped && wrapped.compilerNode === node) found.push(wrapped as CallExpression);
    }
    ts.forEachChild(node, visit);
  };
  visit(tsFile);
  return found;
}

/** `x` of `x(...)`, or `b` of `a.b(...)`: what a callee is called, without wrapping it. */
export function calleeName(callee: ts.Expression): string | undefined {
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return undefined;
}
