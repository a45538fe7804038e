import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ts } from 'ts-morph';
import { SourceError } from '../../errors.ts';
import { LineIndex, displayPath } from '../../model/span.ts';
import { isTypeOnlyImport, moduleSpecifierOf } from './imports.ts';
import { ModuleResolver } from './modules.ts';
import { isExportDeclaration, isImportDeclaration, isStringLiteral } from './syntax-guards.ts';

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
  sourceFile: ts.SourceFile;
  lines: LineIndex;
}

// Files are read by us and parsed with TypeScript's own parser (the one ts-morph ships), so that offsets
// index the exact text on disk (a BOM included), which is what the transforms later splice into. Only the
// syntax tree is needed: ts-morph's wrapper nodes cost several times the parse on a large schema.
export async function loadFiles(files: string[], cwd: string, modules = new ModuleResolver()): Promise<LoadedFile[]> {
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
    const text = readText(abs, shown);
    // The script kind follows the extension (a .js or .tsx schema parses as such), as a ts-morph project's
    // does. Parent links are not set: nothing reads them, and setting them costs a third of the parse.
    const sourceFile = ts.createSourceFile(abs, text, ts.ScriptTarget.Latest, false);
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
function moduleReferences(sourceFile: ts.SourceFile): { specifier: string; reExport: boolean }[] {
  const refs: { specifier: string; reExport: boolean }[] = [];
  for (const statement of sourceFile.statements) {
    if (isImportDeclaration(statement) && !isTypeOnlyImport(statement) && statement.importClause) {
      const specifier = moduleSpecifierOf(statement);
      if (specifier !== undefined) refs.push({ specifier, reExport: false });
    } else if (isExportDeclaration(statement) && !statement.isTypeOnly) {
      const specifier = moduleSpecifierOf(statement);
      if (specifier !== undefined) refs.push({ specifier, reExport: true });
    }
  }
  return refs;
}

// Read synchronously: a schema's files are small and local, and each asynchronous read costs several
// event-loop turns, which add up to more than the reading itself over a few dozen files.
function readText(abs: string, shown: string): string {
  try {
    return readFileSync(abs, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new SourceError(`${shown}: no such file`);
    if (code === 'EISDIR') throw new SourceError(`${shown}: is a directory, not a Drizzle schema file`);
    throw new SourceError(`${shown}: cannot read (${code ?? String(err)})`);
  }
}

// The parser's own diagnostics, and one grammar rule the parser leaves to the compiler: a module specifier
// must be a string (`from foo` parses). Pre-emit diagnostics would need a type checker, slow and pulling in
// every imported module.
function syntaxError(sourceFile: ts.SourceFile): ts.Diagnostic | undefined {
  const parsed = (sourceFile as unknown as { parseDiagnostics?: readonly ts.Diagnostic[] }).parseDiagnostics?.[0];
  return parsed ?? nonStringSpecifier(sourceFile);
}

function nonStringSpecifier(sourceFile: ts.SourceFile): ts.Diagnostic | undefined {
  for (const statement of sourceFile.statements) {
    if (!isImportDeclaration(statement) && !isExportDeclaration(statement)) continue;
    const specifier = statement.moduleSpecifier;
    if (!specifier || isStringLiteral(specifier)) continue;
    const start = specifier.getStart(sourceFile);
    return {
      category: ts.DiagnosticCategory.Error,
      code: 1141,
      file: sourceFile,
      start,
      length: specifier.end - start,
      messageText: 'String literal expected.',
    };
  }
  return undefined;
}

function throwOnSyntaxError(sourceFile: ts.SourceFile, shown: string, lines: LineIndex): void {
  const first = syntaxError(sourceFile);
  if (!first) return;
  const message = ts.flattenDiagnosticMessageText(first.messageText, ' ');
  const { line, column } = lines.position(first.start ?? 0);
  throw new SourceError(`syntax error: ${message}`, { file: shown, line, column });
}
