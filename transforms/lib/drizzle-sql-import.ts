// drizzle-orm's `sql` tag in scope for a ``.default(sql`…`)``, imported when the file does not have it yet.

import { CannotApply } from './cannot-apply.ts';
import type { Edit } from './drizzle-edits.ts';
import { addNamedImport, localImportName, topLevelNames } from './drizzle-imports.ts';
import type { ParsedSource } from './drizzle-source.ts';

/** The edits importing `sql`; the reader knows the tag by that name only, so another `sql` is refused. */
export function sqlTagImport(parsed: ParsedSource, what: string): Edit[] {
  if (['drizzle-orm', 'drizzle-orm/sql'].some((m) => localImportName(parsed, m, 'sql') === 'sql')) return [];
  if (topLevelNames(parsed).has('sql')) {
    throw new CannotApply(`${what}: \`sql\` here is not drizzle-orm's sql tag; write the default by hand`);
  }
  return addNamedImport(parsed, 'drizzle-orm', 'sql');
}
