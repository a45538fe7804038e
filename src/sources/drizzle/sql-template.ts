import type { ts } from 'ts-morph';
import { accessPath, unwrap } from './chain.ts';
import { quoteIdent } from './literals.ts';
import { nodeText } from './node-text.ts';
import {
  isArrowFunction,
  isBlock,
  isFunctionExpression,
  isNoSubstitutionTemplateLiteral,
  isTaggedTemplateExpression,
} from './syntax-guards.ts';

/** Turns the path of a `${t.price}` interpolation into the column's SQL name, or undefined if it names none. */
export type ColumnNamer = (path: string[]) => string | undefined;

/**
 * The SQL of a `sql\`…\`` template whose interpolations are all column references: `sql\`${t.price} > 0\``
 * becomes `price > 0`. drizzle-kit writes such references table-qualified (`"products"."price"`);
 * PostgreSQL prints them back bare, quoted only when needed, and that is the spelling kept here.
 * Undefined for anything else (other tags, `sql.raw`, values interpolated as parameters).
 */
export function sqlTemplateText(node: ts.Node, sf: ts.SourceFile, columnName: ColumnNamer = () => undefined): string | undefined {
  const expr = unwrap(node);
  if (!isTaggedTemplateExpression(expr) || nodeText(expr.tag, sf) !== 'sql') return undefined;
  const template = expr.template;
  if (isNoSubstitutionTemplateLiteral(template)) return template.text.trim();
  let text = template.head.text;
  for (const span of template.templateSpans) {
    const path = accessPath(span.expression, sf);
    const name = path && columnName(path);
    if (name === undefined) return undefined;
    text += quoteIdent(name) + span.literal.text;
  }
  return text.trim();
}

/** A `sql` template, or a `() => sql\`…\`` callback returning one (as `generatedAlwaysAs` accepts). */
export function sqlOrCallbackText(node: ts.Node, sf: ts.SourceFile, columnName?: ColumnNamer): string | undefined {
  const expr = unwrap(node);
  if (isArrowFunction(expr) || isFunctionExpression(expr)) {
    const body = expr.body;
    const returned = isBlock(body) ? undefined : body;
    return returned && sqlTemplateText(returned, sf, columnName);
  }
  return sqlTemplateText(expr, sf, columnName);
}
