import type { SchemaModel } from '../../model/schema.ts';
import { tableKey } from '../../model/names.ts';
import { casingFromDrizzleCall } from './casing.ts';
import type { Casing } from './config.ts';
import type { Program } from './context.ts';
import { loadFiles } from './load.ts';
import { ModuleResolver } from './modules.ts';
import { resolvePending } from './resolve.ts';
import { createFileContext, readFileTables } from './tables.ts';

export interface ReadDrizzleOptions {
  /** The source's name in this run. */
  name: string;
  /** Schema files, already expanded from globs: absolute or relative to `cwd`. */
  files: string[];
  cwd: string;
  /** drizzle's `casing` from the drizzle config or config file; else taken from a `drizzle()` call in the files. */
  casing?: Casing;
}

/**
 * Reads Drizzle `pgTable` declarations statically: files are parsed, never type-checked or executed.
 * Throws SourceError for a file that is missing or does not parse; anything unsupported inside a file
 * becomes a diagnostic and is skipped.
 */
export async function readDrizzle(opts: ReadDrizzleOptions): Promise<SchemaModel> {
  const modules = new ModuleResolver();
  const files = await loadFiles(opts.files, opts.cwd, modules);
  const casing = opts.casing ?? files.map((f) => casingFromDrizzleCall(f.sourceFile)).find((c) => c !== undefined);
  const program: Program = { modules, contexts: new Map() };
  const contexts = files.map((f) => createFileContext(f, program, casing));
  contexts.forEach(readFileTables);
  resolvePending(contexts, modules);

  const model: SchemaModel = { source: opts.name, kind: 'drizzle', tables: [], diagnostics: [] };
  const seen = new Set<string>();
  for (const ctx of contexts) {
    // Tables of files only imported (not re-exported) by the schema are not part of it: drizzle-kit would
    // not create them either. They were read so that keys pointing at them resolve.
    for (const draft of ctx.file.role === 'schema' ? ctx.drafts : []) {
      const key = tableKey(draft.table);
      if (seen.has(key)) {
        ctx.diagnostics.push({
          message: `table ${key} is declared more than once; only the first declaration is read`,
          duplicateTable: key,
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
