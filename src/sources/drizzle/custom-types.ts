import { Node, type CallExpression } from 'ts-morph';
import { returnedExpression } from './chain.ts';
import { findProperty, stringValue } from './literals.ts';

/**
 * The type a `customType({ dataType() { return "citext"; } })` declares, when `dataType` returns a string
 * literal whatever its config; null when it is computed (`bit varying(${config.length})`), so that the
 * column's type is unknown and never drift.
 */
export function customTypeSql(call: CallExpression): string | null {
  const options = call.getArguments()[0];
  const member = options && Node.isObjectLiteralExpression(options)
    ? options.getProperties().find((p) => Node.isMethodDeclaration(p) && p.getName() === 'dataType') ?? findProperty(options, 'dataType')
    : undefined;
  let returned: Node | undefined;
  if (member && Node.isMethodDeclaration(member)) {
    const statements = member.getStatements();
    const only = statements.length === 1 ? statements[0] : undefined;
    returned = only && Node.isReturnStatement(only) ? only.getExpression() : undefined;
  } else if (member && Node.isPropertyAssignment(member)) {
    returned = returnedExpression(member.getInitializerOrThrow());
  }
  const sql = stringValue(returned)?.trim();
  return sql ? sql : null;
}
