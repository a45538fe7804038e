// Reads SQLModel table classes from Python files into the normalized model, statically: the user's code is
// parsed, never imported, so reading needs neither their dependencies nor their database.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { SourceError } from '../../errors.ts';
import { firstSyntaxError, loadPython } from '../../lang/python.ts';
import type { Node, Tree } from '../../lang/python.ts';
import type { Diagnostic, SchemaModel, Table } from '../../model/schema.ts';
import { displayPath, LineIndex } from '../../model/span.ts';
import { classesByName, moduleClasses } from './cst.ts';
import type { ModelClass } from './cst.ts';
import { readTable } from './table.ts';
import { isEnumBase } from './types.ts';

export interface ReadSqlModelOptions {
  /** The source's name in this run. */
  name: string;
  /** Python files, relative to `cwd` or absolute. */
  files: string[];
  cwd: string;
}

interface ParsedFile {
  file: string;
  lines: LineIndex;
  tree: Tree;
  classes: ModelClass[];
}

export async function readSqlModel(opts: ReadSqlModelOptions): Promise<SchemaModel> {
  const python = await loadPython();
  const parsed: ParsedFile[] = [];
  try {
    for (const file of opts.files) {
      const shown = displayPath(file, opts.cwd);
      const text = await readSource(path.resolve(opts.cwd, file), shown);
      const tree = python.parse(text);
      parsed.push({ file: shown, lines: new LineIndex(text), tree, classes: [] });
      const error = firstSyntaxError(tree, text);
      if (error) throw new SourceError(error.message, { file: shown, line: error.line, column: error.column });
      parsed[parsed.length - 1]!.classes = moduleClasses(tree.rootNode);
    }
    return buildModel(opts.name, parsed);
  } finally {
    // Trees live in WebAssembly memory that the JS garbage collector does not reclaim.
    for (const p of parsed) p.tree.delete();
  }
}

async function readSource(abs: string, shown: string): Promise<string> {
  try {
    return await readFile(abs, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new SourceError(code === 'ENOENT' ? `${shown}: no such file` : `${shown}: cannot read (${code ?? err})`);
  }
}

function buildModel(source: string, parsed: ParsedFile[]): SchemaModel {
  const byTree = new Map(parsed.map((p) => [p.tree, p]));
  const span = (node: Node) => {
    const p = byTree.get(node.tree);
    if (!p) throw new Error('node from a tree that was not read');
    return p.lines.span(p.file, node.startIndex, node.endIndex);
  };
  const all = parsed.flatMap((p) => p.classes);
  const classes = classesByName(all);
  const diagnostics: Diagnostic[] = [];
  const ctx = { classes, enums: enumClasses(classes), span, diagnostics };
  const tables: Table[] = [];
  const seen = new Map<string, ModelClass>();
  for (const cls of all) {
    if (!cls.isTable) continue;
    const table = readTable(cls, ctx);
    const key = `${table.schema}.${table.name}`;
    const first = seen.get(key);
    if (first) {
      diagnostics.push({
        message: `table ${table.name} is declared by both ${first.name} and ${cls.name}; keeping ${first.name}`,
        loc: table.loc,
      });
      continue;
    }
    seen.set(key, cls);
    tables.push(table);
  }
  return { source, kind: 'sqlmodel', tables, diagnostics };
}

/** Names of classes that are Python enums, directly or through other enum classes read. */
function enumClasses(classes: ReadonlyMap<string, ModelClass>): Set<string> {
  const memo = new Map<string, boolean>();
  const isEnum = (name: string, depth: number): boolean => {
    const cached = memo.get(name);
    if (cached !== undefined) return cached;
    const cls = classes.get(name);
    memo.set(name, false); // guards against cyclic bases in broken code
    const result =
      !!cls && depth < 20 && cls.baseNames.some((b) => isEnumBase(b) || (b !== name && isEnum(b, depth + 1)));
    memo.set(name, result);
    return result;
  };
  return new Set([...classes.keys()].filter((n) => isEnum(n, 0)));
}
