import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Node, Project, ts, type SourceFile } from 'ts-morph';
import { SourceError } from '../../errors.ts';
import { LineIndex, displayPath } from '../../model/span.ts';
import { ModuleResolver } from './modules.ts';

export interface LoadedFile {
  abs: string;
  /**
   * `schema`: named by the source or re-exported by a schema file (a barrel's `export * from`), so its
   * tables are the schema's. `support`: only imported by one (column helpers, tables a key points at),
   * read to resolve names.
   */
  role: 'schema' | 'support';
  /** The path written into spans and messages. */
  shown: string;
  sourceFile: SourceFile;
  lines: LineIndex;
}

// Files are read by us rather than by ts-morph so that offsets index the exact text on disk (a BOM
// included), which is what the transforms later splice into.
export async function loadFiles(files: string[], cwd: string, modules = new ModuleResolver()): Promise<LoadedFile[]> {
  // Not the in-memory file system: that one drops a leading BOM from the text, shifting every offset.
  const project = new Project({
    useInMemoryFileSystem: false,
    skipAddingFilesFromTsConfig: true,
    skipFileDependencyResolution: true,
  });
  const byPath = new Map<string, LoadedFile>();
  const loaded: LoadedFile[] = [];
  const load = async (abs: string, role: LoadedFile['role']): Promise<void> => {
    const known = byPath.get(abs);
    if (known) {
      if (role === 'schema' && known.role === 'support') {
        known.role = 'schema';
        await follow(known);
      }
      return;
    }
    const shown = displayPath(abs, cwd);
    const text = await readText(abs, shown);
    const sourceFile = project.createSourceFile(abs, text, { overwrite: true });
    const lines = new LineIndex(text);
    // A file the schema merely imports may be anything; one that does not parse is simply not read.
    if (role === 'support' && syntaxError(sourceFile)) return;
    throwOnSyntaxError(sourceFile, shown, lines);
    const file: LoadedFile = { abs, role, shown, sourceFile, lines };
    byPath.set(abs, file);
    loaded.push(file);
    await follow(file);
  };
  // Schema files pull in what they re-export (as schema) and import (as support); support files only what
  // they re-export, so a helper's own dependencies do not drag the rest of an application in.
  const follow = async (file: LoadedFile): Promise<void> => {
    for (const { specifier, reExport } of moduleReferences(file.sourceFile)) {
      if (!reExport && file.role === 'support') continue;
      const target = modules.resolve(file.abs, specifier);
      if (target && isSourceFile(target)) await load(target, file.role === 'schema' && reExport ? 'schema' : 'support');
    }
  };
  for (const file of files) await load(path.resolve(cwd, file), 'schema');
  return loaded;
}

function isSourceFile(file: string): boolean {
  return /\.[mc]?[jt]sx?$/.test(file) && !/\.d\.[mc]?ts$/.test(file) && !file.split(path.sep).includes('node_modules');
}

/** Module specifiers of value imports and of re-exports (`export * from`, `export { x } from`). */
function moduleReferences(sourceFile: SourceFile): { specifier: string; reExport: boolean }[] {
  const refs: { specifier: string; reExport: boolean }[] = [];
  for (const statement of sourceFile.getStatements()) {
    if (Node.isImportDeclaration(statement) && !statement.isTypeOnly() && statement.getImportClause()) {
      refs.push({ specifier: statement.getModuleSpecifierValue(), reExport: false });
    } else if (Node.isExportDeclaration(statement) && !statement.isTypeOnly()) {
      const specifier = statement.getModuleSpecifierValue();
      if (specifier !== undefined) refs.push({ specifier, reExport: true });
    }
  }
  return refs;
}

async function readText(abs: string, shown: string): Promise<string> {
  try {
    return await readFile(abs, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new SourceError(`${shown}: no such file`);
    if (code === 'EISDIR') throw new SourceError(`${shown}: is a directory, not a Drizzle schema file`);
    throw new SourceError(`${shown}: cannot read (${code ?? String(err)})`);
  }
}

// Only the parser's own diagnostics: asking ts-morph for pre-emit diagnostics would build a type checker,
// which is slow and would pull in every imported module.
function syntaxError(sourceFile: SourceFile): ts.Diagnostic | undefined {
  return (sourceFile.compilerNode as unknown as { parseDiagnostics?: readonly ts.Diagnostic[] }).parseDiagnostics?.[0];
}

function throwOnSyntaxError(sourceFile: SourceFile, shown: string, lines: LineIndex): void {
  const first = syntaxError(sourceFile);
  if (!first) return;
  const message = ts.flattenDiagnosticMessageText(first.messageText, ' ');
  const { line, column } = lines.position(first.start ?? 0);
  throw new SourceError(`syntax error: ${message}`, { file: shown, line, column });
}
