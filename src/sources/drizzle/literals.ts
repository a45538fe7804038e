import { Node, SyntaxKind } from 'ts-morph';
import { unwrap } from './chain.ts';

export type Literal = string | number | boolean | null;

/** The value of a literal written in code, or undefined when it is anything else. */
export function literalValue(expr: Node): Literal | undefined {
  const node = unwrap(expr);
  if (Node.isStringLiteral(node) || Node.isNoSubstitutionTemplateLiteral(node)) return node.getLiteralValue();
  if (Node.isNumericLiteral(node)) return node.getLiteralValue();
  if (Node.isTrueLiteral(node)) return true;
  if (Node.isFalseLiteral(node)) return false;
  if (Node.isNullLiteral(node)) return null;
  if (Node.isPrefixUnaryExpression(node) && node.getOperatorToken() === SyntaxKind.MinusToken) {
    const operand = unwrap(node.getOperand());
    if (Node.isNumericLiteral(operand)) return -operand.getLiteralValue();
  }
  return undefined;
}

export function stringValue(expr: Node | undefined): string | undefined {
  if (!expr) return undefined;
  const value = literalValue(expr);
  return typeof value === 'string' ? value : undefined;
}

/** Literal-valued properties of an object literal; `unknown` lists the ones that are not literals. */
export interface LiteralObject {
  values: Map<string, Literal>;
  unknown: Set<string>;
}

export function literalObject(expr: Node | undefined): LiteralObject | undefined {
  const node = expr && unwrap(expr);
  if (!node || !Node.isObjectLiteralExpression(node)) return undefined;
  const result: LiteralObject = { values: new Map(), unknown: new Set() };
  for (const prop of node.getProperties()) {
    if (!Node.isPropertyAssignment(prop)) continue;
    const key = propertyKey(prop);
    if (key === undefined) continue;
    const value = literalValue(prop.getInitializerOrThrow());
    if (value === undefined) result.unknown.add(key);
    else result.values.set(key, value);
  }
  return result;
}

/** The key of `a: …`, `"a": …`, `1: …`; undefined for computed keys. */
export function propertyKey(prop: Node): string | undefined {
  if (!Node.isPropertyAssignment(prop) && !Node.isShorthandPropertyAssignment(prop)) return undefined;
  const name = prop.getNameNode();
  if (Node.isIdentifier(name)) return name.getText();
  if (Node.isStringLiteral(name) || Node.isNoSubstitutionTemplateLiteral(name)) return name.getLiteralValue();
  if (Node.isNumericLiteral(name)) return String(name.getLiteralValue());
  return undefined;
}

/** A property assignment of an object literal by key, if written as one. */
export function findProperty(obj: Node | undefined, key: string): Node | undefined {
  const node = obj && unwrap(obj);
  if (!node || !Node.isObjectLiteralExpression(node)) return undefined;
  return node.getProperties().find((p) => Node.isPropertyAssignment(p) && propertyKey(p) === key);
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
