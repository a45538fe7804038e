import type { ts } from 'ts-morph';
import { unwrap } from './chain.ts';
import { nodeText } from './node-text.ts';
import {
  isIdentifier,
  isNoSubstitutionTemplateLiteral,
  isNumericLiteral,
  isObjectLiteralExpression,
  isPrefixUnaryExpression,
  isPropertyAssignment,
  isShorthandPropertyAssignment,
  isStringLiteral,
  Kind,
} from './syntax-guards.ts';

export type Literal = string | number | boolean | null;

/** A numeric literal's value, read from the scanner's text the way ts-morph's `getLiteralValue` reads it. */
function numericValue(node: ts.NumericLiteral): number {
  return node.text.includes('.') ? parseFloat(node.text) : parseInt(node.text, 10);
}

/** The value of a literal written in code, or undefined when it is anything else. */
export function literalValue(expr: ts.Node): Literal | undefined {
  const node = unwrap(expr);
  if (isStringLiteral(node) || isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (isNumericLiteral(node)) return numericValue(node);
  if (node.kind === Kind.TrueKeyword) return true;
  if (node.kind === Kind.FalseKeyword) return false;
  if (node.kind === Kind.NullKeyword) return null;
  if (isPrefixUnaryExpression(node) && node.operator === Kind.MinusToken) {
    const operand = unwrap(node.operand);
    if (isNumericLiteral(operand)) return -numericValue(operand);
  }
  return undefined;
}

export function stringValue(expr: ts.Node | undefined): string | undefined {
  if (!expr) return undefined;
  const value = literalValue(expr);
  return typeof value === 'string' ? value : undefined;
}

/** Literal-valued properties of an object literal; `unknown` lists the ones that are not literals. */
export interface LiteralObject {
  values: Map<string, Literal>;
  unknown: Set<string>;
}

export function literalObject(expr: ts.Node | undefined, sf: ts.SourceFile): LiteralObject | undefined {
  const node = expr && unwrap(expr);
  if (!node || !isObjectLiteralExpression(node)) return undefined;
  const result: LiteralObject = { values: new Map(), unknown: new Set() };
  for (const prop of node.properties) {
    if (!isPropertyAssignment(prop)) continue;
    const key = propertyKey(prop, sf);
    if (key === undefined) continue;
    const value = literalValue(prop.initializer);
    if (value === undefined) result.unknown.add(key);
    else result.values.set(key, value);
  }
  return result;
}

/** The key of `a: …`, `"a": …`, `1: …`; undefined for computed keys. */
export function propertyKey(prop: ts.Node, sf: ts.SourceFile): string | undefined {
  if (!isPropertyAssignment(prop) && !isShorthandPropertyAssignment(prop)) return undefined;
  const name = prop.name;
  if (isIdentifier(name)) return nodeText(name, sf);
  if (isStringLiteral(name) || isNoSubstitutionTemplateLiteral(name)) return name.text;
  if (isNumericLiteral(name)) return String(numericValue(name));
  return undefined;
}

/** A property assignment of an object literal by key, if written as one. */
export function findProperty(obj: ts.Node | undefined, key: string, sf: ts.SourceFile): ts.PropertyAssignment | undefined {
  const node = obj && unwrap(obj);
  if (!node || !isObjectLiteralExpression(node)) return undefined;
  return node.properties.find((p): p is ts.PropertyAssignment => isPropertyAssignment(p) && propertyKey(p, sf) === key);
}

export function quoteSqlString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** `mood` stays bare, `Mood` or `order` would be quoted by PostgreSQL when it prints the name. */
export function quoteIdent(name: string): string {
  return /^[a-z_][a-z0-9_$]*$/.test(name) && !RESERVED.has(name) ? name : `"${name.replaceAll('"', '""')}"`;
}

// The reserved keywords most likely to be used as names; PostgreSQL quotes these when printing.
const RESERVED = new Set([
  'all', 'and', 'any', 'array', 'as', 'asc', 'case', 'cast', 'check', 'collate', 'column', 'constraint',
  'create', 'default', 'desc', 'distinct', 'do', 'else', 'end', 'except', 'false', 'for', 'foreign', 'from',
  'grant', 'group', 'having', 'in', 'into', 'is', 'join', 'limit', 'not', 'null', 'offset', 'on', 'or',
  'order', 'primary', 'references', 'select', 'table', 'then', 'to', 'true', 'union', 'unique', 'user',
  'using', 'when', 'where', 'with',
]);
