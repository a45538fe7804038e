import type { ts } from 'ts-morph';
import { nodeText } from './node-text.ts';
import {
  forEachChild,
  isAsExpression,
  isCallExpression,
  isIdentifier,
  isParenthesizedExpression,
  isPropertyAccessExpression,
  isSatisfiesExpression,
  isVariableDeclaration,
} from './syntax-guards.ts';

/** A call, and the variable it initialises if any: `users` of `const users = pgTable(...)`. */
export interface FoundCall {
  call: ts.CallExpression;
  variable?: string;
}

/**
 * The calls of a file whose callee is one of `names` (`x(...)` or `a.x(...)`), in source order, a call
 * before the calls inside it. A call can only be inside a node whose text spells its callee's name, so
 * only such nodes are walked into: the column objects that make up most of a schema are skipped whole.
 */
export function findCalls(sf: ts.SourceFile, names: ReadonlySet<string>): FoundCall[] {
  const text = sf.text;
  // An identifier written with escapes (`\u0070gTable`) does not spell its name: then every node is walked.
  const spelled = text.includes('\\u') ? undefined : occurrences(text, names);
  const mayContain = (node: ts.Node): boolean => {
    if (!spelled) return true;
    const at = firstAtOrAfter(spelled, node.pos);
    return at < spelled.length && spelled[at]! < node.end;
  };
  const found: FoundCall[] = [];
  const bound = new Map<ts.Node, string>();
  const visit = (node: ts.Node): void => {
    if (!mayContain(node)) return;
    if (isVariableDeclaration(node) && node.initializer && isIdentifier(node.name)) {
      let value: ts.Node = node.initializer;
      while (isParenthesizedExpression(value) || isAsExpression(value) || isSatisfiesExpression(value)) value = value.expression;
      bound.set(value, nodeText(node.name, sf));
    }
    if (isCallExpression(node)) {
      const name = calleeName(node.expression);
      if (name !== undefined && names.has(name)) {
        const variable = bound.get(node);
        found.push(variable === undefined ? { call: node } : { call: node, variable });
      }
    }
    forEachChild(node, visit);
  };
  forEachChild(sf, visit);
  return found;
}

/** `x` of `x(...)`, or `b` of `a.b(...)`: what a callee is called. */
function calleeName(callee: ts.Expression): string | undefined {
  if (isIdentifier(callee)) return callee.text;
  if (isPropertyAccessExpression(callee)) return callee.name.text;
  return undefined;
}

// ASCII letters, digits, `_` and `$` continue an identifier; a name next to one is part of a longer word.
// Other characters are taken as boundaries, which at worst walks into a node that holds no such call.
function isWordChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code === 36;
}

/** Start offsets, ascending, where one of `names` is spelled as a whole word. */
function occurrences(text: string, names: ReadonlySet<string>): number[] {
  const starts: number[] = [];
  for (const name of names) {
    if (name === '') continue;
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
      const after = at + name.length;
      if ((at === 0 || !isWordChar(text.charCodeAt(at - 1))) && (after >= text.length || !isWordChar(text.charCodeAt(after)))) starts.push(at);
    }
  }
  return starts.sort((a, b) => a - b);
}

function firstAtOrAfter(sorted: number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
