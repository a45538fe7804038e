import { Node, SyntaxKind, type SourceFile } from 'ts-morph';
import type { Casing } from './config.ts';
import { findProperty, stringValue } from './literals.ts';

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
export function casingFromDrizzleCall(sourceFile: SourceFile): Casing | undefined {
  if (!sourceFile.getFullText().includes('casing')) return undefined;
  for (const call of sourceFile.getDescendantsOfKind(SyntaxKind.CallExpression)) {
    if (call.getExpression().getText() !== 'drizzle') continue;
    for (const arg of call.getArguments()) {
      const prop = findProperty(arg, 'casing');
      const value = prop && Node.isPropertyAssignment(prop) ? stringValue(prop.getInitializerOrThrow()) : undefined;
      if (value === 'snake_case' || value === 'camelCase') return value;
    }
  }
  return undefined;
}
