import { Node } from 'ts-morph';
import { accessPath, unwrap } from './chain.ts';
import { quoteIdent } from './literals.ts';

/** Turns the path of a `${t.price}` interpolation into the column's SQL name, or undefined if it names none. */
export type ColumnNamer = (path: string[]) => string | undefined;

/**
 * The SQL of a `sql\`…\`` template whose interpolations are all column references: `sql\`${t.price} > 0\``
 * becomes `price > 0`. drizzle-kit writes such references table-qualified (`"products"."price"`);
 * PostgreSQL prints them back bare, quoted only when needed, and that is the spelling kept here.
 * Undefined for anything else (other tags, `sql.raw`, values interpolated as parameters).
 */
export function sqlTemplateText(node: Node, columnName: ColumnNamer = () => undefined): string | undefined {
  const expr = unwrap(node);
  if (!Node.isTaggedTemplateExpression(expr) || expr.getTag().getText() !== 'sql') return undefined;
  const template = expr.getTemplate();
  if (Node.isNoSubstitutionTemplateLiteral(template)) return template.getLiteralValue().trim();
  let text = template.getHead().getLiteralText();
  for (const span of template.getTemplateSpans()) {
    const path = accessPath(span.getExpression());
    const name = path && columnName(path);
    if (name === undefined) return undefined;
    text += quoteIdent(name) + span.getLiteral().getLiteralText();
  }
  return text.trim();
}

/** A `sql` template, or a `() => sql\`…\`` callback returning one (as `generatedAlwaysAs` accepts). */
export function sqlOrCallbackText(node: Node, columnName?: ColumnNamer): string | undefined {
  const expr = unwrap(node);
  if (Node.isArrowFunction(expr) || Node.isFunctionExpression(expr)) {
    const body = expr.getBody();
    const returned = Node.isBlock(body) ? undefined : body;
    return returned && sqlTemplateText(returned, columnName);
  }
  return sqlTemplateText(expr, columnName);
}
