import type { ts } from 'ts-morph';
import { isIdentifier, isPrivateIdentifier } from './syntax-guards.ts';

/**
 * A node's text as ts-morph's `getText()` gives it, which names and messages have always been made of: an
 * identifier's name with any escapes resolved (`\u0061` reads `a`), any other node's source text.
 */
export function nodeText(node: ts.Node, sf: ts.SourceFile): string {
  return isIdentifier(node) || isPrivateIdentifier(node) ? node.text : node.getText(sf);
}
