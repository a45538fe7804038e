import type { ts } from 'ts-morph';
import { returnedExpression } from './chain.ts';
import { findProperty, stringValue } from './literals.ts';
import { nodeText } from './node-text.ts';
import { isMethodDeclaration, isObjectLiteralExpression, isPropertyAssignment, isReturnStatement } from './syntax-guards.ts';

/**
 * The type a `customType({ dataType() { return "citext"; } })` declares, when `dataType` returns a string
 * literal whatever its config; null when it is computed (`bit varying(${config.length})`), so that the
 * column's type is unknown and never drift.
 */
export function customTypeSql(call: ts.CallExpression, sf: ts.SourceFile): string | null {
  const options = call.arguments[0];
  const member = options && isObjectLiteralExpression(options)
    ? options.properties.find((p) => isMethodDeclaration(p) && nodeText(p.name, sf) === 'dataType') ?? findProperty(options, 'dataType', sf)
    : undefined;
  let returned: ts.Node | undefined;
  if (member && isMethodDeclaration(member)) {
    const statements = member.body?.statements ?? [];
    const only = statements.length === 1 ? statements[0] : undefined;
    returned = only && isReturnStatement(only) ? only.expression : undefined;
  } else if (member && isPropertyAssignment(member)) {
    returned = returnedExpression(member.initializer);
  }
  const sql = stringValue(returned)?.trim();
  return sql ? sql : null;
}
