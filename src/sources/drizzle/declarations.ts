import type { ts } from 'ts-morph';
import { nodeText } from './node-text.ts';
import { isArrayBindingPattern, isBindingElement, isObjectBindingPattern, isVariableStatement } from './syntax-guards.ts';

/** Every `const`/`let`/`var` declaration at the top level of a file, in source order. */
export function topLevelVariables(sourceFile: ts.SourceFile): ts.VariableDeclaration[] {
  const decls: ts.VariableDeclaration[] = [];
  for (const statement of sourceFile.statements) {
    if (isVariableStatement(statement)) decls.push(...statement.declarationList.declarations);
  }
  return decls;
}

/**
 * The top-level declaration that binds `name`. A destructuring declaration binds each name in its
 * pattern, so `const { a } = x` is the declaration of `a` (as ts-morph's `getVariableDeclaration` has it).
 */
export function findVariable(sourceFile: ts.SourceFile, name: string): ts.VariableDeclaration | undefined {
  return topLevelVariables(sourceFile).find((decl) => binds(decl.name, name, sourceFile));
}

function binds(nameNode: ts.BindingName, name: string, sf: ts.SourceFile): boolean {
  if (isObjectBindingPattern(nameNode) || isArrayBindingPattern(nameNode)) {
    return nameNode.elements.some((element) => isBindingElement(element) && binds(element.name, name, sf));
  }
  return nodeText(nameNode, sf) === name;
}
