import type { ts } from 'ts-morph';
import type { Casing } from './config.ts';
import { findProperty, stringValue } from './literals.ts';
import { nodeText } from './node-text.ts';
import { forEachChild, isCallExpression } from './syntax-guards.ts';

// Drizzle splits a key into words — runs of lowercase letters and digits, all-capital acronyms not followed
// by a lowercase letter, and capitalised words — after dropping apostrophes, then joins them. Names must
// come out exactly as drizzle-kit's, so this follows the same word rule: `streetLine1` → `street_line1`,
// `HTTPStatus` → `http_status`.
const WORD = /[a-z\d]+|[A-Z]+(?![a-z])|[A-Z][a-z\d]+/g;

function words(key: string): string[] {
  return key.replace(/['\u2019]/g, '').match(WORD) ?? [];
}

/** The column name drizzle derives from a key written without an explicit name. */
export function columnNameFromKey(key: string, casing: Casing | undefined): string {
  if (casing === 'snake_case') return words(key).map((w) => w.toLowerCase()).join('_');
  if (casing === 'camelCase') {
    return words(key)
      .map((w, i) => (i === 0 ? w.toLowerCase() : w[0]!.toUpperCase() + w.slice(1)))
      .join('');
  }
  return key;
}

/**
 * `casing` passed to `drizzle(client, { casing: "snake_case" })` (or `drizzle({ client, casing })`) in
 * one of the files read. Looked for only where the text mentions `casing`, so files without it cost nothing.
 */
export function casingFromDrizzleCall(sourceFile: ts.SourceFile): Casing | undefined {
  if (!sourceFile.text.includes('casing')) return undefined;
  const visit = (node: ts.Node): Casing | undefined => {
    if (isCallExpression(node) && nodeText(node.expression, sourceFile) === 'drizzle') {
      for (const arg of node.arguments) {
        const prop = findProperty(arg, 'casing', sourceFile);
        const value = prop ? stringValue(prop.initializer) : undefined;
        if (value === 'snake_case' || value === 'camelCase') return value;
      }
    }
    // Calls in source order, each before the calls inside it.
    return forEachChild(node, visit);
  };
  return visit(sourceFile);
}
