import type { SchemaModel } from '../../model/schema.ts';
import { tableKey } from '../../model/names.ts';
import { loadFiles } from './load.ts';
import { resolvePending } from './resolve.ts';
import { readFileTables } from './tables.ts';

export interface ReadDrizzleOptions {
  /** The source's name in this run. */
  name: string;
  /** Schema files, already expanded from globs: absolute or relative to `cwd`. */
  files: string[];
  cwd: string;
}

/**
 * Reads Drizzle `pgTable` declarations statically: files are parsed, never type-checked or executed.
 * Throws SourceError for a file that is missing or does not parse; anything unsupported inside a file
 * becomes a diagnostic and is skipped.
 */
export async function readDrizzle(opts: ReadDrizzleOptions): Promise<SchemaModel> {
  const files = await loadFiles(opts.files, opts.cwd);
  const contexts = files.map(readFileTables);
  resolvePending(contexts);

  const model: SchemaModel = { source: opts.name, kind: 'drizzle', tables: [], diagnostics: [] };
  const seen = new Set<string>();
  for (const ctx of contexts) {
    for (const draft of ctx.drafts) {
      const key = tableKey(draft.table);
      if (seen.has(key)) {
        ctx.diagnostics.push({
          message: `table ${key} is declared more than once; only the first declaration is read`,
          ...(draft.table.loc && { loc: draft.table.loc }),
        });
        continue;
      }
      seen.add(key);
      model.tables.push(draft.table);
    }
    model.diagnostics.push(...ctx.diagnostics);
  }
  return model;
}
