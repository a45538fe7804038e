import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Project, ts, type SourceFile } from 'ts-morph';
import { SourceError } from '../../errors.ts';
import { LineIndex, displayPath } from '../../model/span.ts';

export interface LoadedFile {
  abs: string;
  /** The path written into spans and messages. */
  shown: string;
  sourceFile: SourceFile;
  lines: LineIndex;
}

// Files are read by us rather than by ts-morph so that offsets index the exact text on disk (a BOM
// included), which is what the transforms later splice into.
export async function loadFiles(files: string[], cwd: string): Promise<LoadedFile[]> {
  const project = new Project({
    useInMemoryFileSystem: false,
    skipAddingFilesFromTsConfig: true,
    skipFileDependencyResolution: true,
  });
  const seen = new Set<string>();
  const loaded: LoadedFile[] = [];
  for (const file of files) {
    const abs = path.resolve(cwd, file);
    if (seen.has(abs)) continue;
    seen.add(abs);
    const shown = displayPath(abs, cwd);
    const text = await readText(abs, shown);
    const sourceFile = project.createSourceFile(abs, text, { overwrite: true });
    const lines = new LineIndex(text);
    throwOnSyntaxError(sourceFile, shown, lines);
    loaded.push({ abs, shown, sourceFile, lines });
  }
  return loaded;
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
function throwOnSyntaxError(sourceFile: SourceFile, shown: string, lines: LineIndex): void {
  const parsed = sourceFile.compilerNode as unknown as { parseDiagnostics?: readonly ts.Diagnostic[] };
  const first = parsed.parseDiagnostics?.[0];
  if (!first) return;
  const message = ts.flattenDiagnosticMessageText(first.messageText, ' ');
  const { line, column } = lines.position(first.start ?? 0);
  throw new SourceError(`syntax error: ${message}`, { file: shown, line, column });
}
