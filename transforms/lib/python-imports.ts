// Keeping `from typing import …` exact: adding a name a fix needs, in the import's layout (and in sorted
// position when the names are sorted), and removing a name a fix left unused.

import type { Node } from '../../src/lang/python.ts';
import { childrenOf, namedChildrenOf } from '../../src/lang/python.ts';
import { lineStart as anyLineStart, newline, nextLineStart, startsLine } from './python-edits.ts';
import type { Edit } from './python-edits.ts';

const TYPING_MODULES = new Set(['typing', 'typing_extensions']);

/** Standard-library modules model files commonly import: enough to recognise the block `typing` belongs in. */
const STDLIB = new Set([
  'abc', 'collections', 'dataclasses', 'datetime', 'decimal', 'enum', 'functools', 'ipaddress', 'itertools', 'json',
  'logging', 'os', 'pathlib', 're', 'sys', 'time', 'typing', 'typing_extensions', 'uuid', 'zoneinfo',
]);

/** Where a line starts, but never before a byte-order mark: it belongs to the file, not to the first line. */
function lineStart(source: string, offset: number): number {
  const start = anyLineStart(source, offset);
  return start === 0 && source.charCodeAt(0) === 0xfeff ? 1 : start;
}

/** The names a `from m import a, b as c` binds, with the node of each. */
export function importedNames(stmt: Node): { node: Node; local: string; imported: string }[] {
  return stmt.childrenForFieldName('name').flatMap((n) => {
    if (!n) return [];
    if (n.type === 'aliased_import') {
      const imported = n.childForFieldName('name')?.text ?? '';
      return [{ node: n, local: n.childForFieldName('alias')?.text ?? imported, imported }];
    }
    return [{ node: n, local: n.text, imported: n.text }];
  });
}

export function moduleImports(root: Node): Node[] {
  return namedChildrenOf(root).filter((s) => s.type === 'import_from_statement' || s.type === 'import_statement');
}

export function moduleName(stmt: Node): string {
  return stmt.childForFieldName('module_name')?.text ?? stmt.childForFieldName('name')?.text ?? '';
}

/** Whether a module-level import binds `name` (`from typing import Optional`, `import Optional`, an alias). */
export function isImported(root: Node, name: string): boolean {
  return moduleImports(root).some((stmt) =>
    stmt.type === 'import_from_statement'
      ? importedNames(stmt).some((n) => n.local === name)
      : stmt.childrenForFieldName('name').some((n) => n && (n.childForFieldName('alias')?.text ?? n.text.split('.')[0]) === name),
  );
}

/**
 * Imports `name` from `typing`: added to an existing `from typing import …` (where sorted names keep it
 * sorted, else at the end), or as a new line in the first block of imports, before the first module that
 * sorts after `typing`.
 */
export function addTypingImport(root: Node, source: string, name: string): Edit[] {
  const extended = extendFromImport(root, source, 'typing', name);
  if (extended) return extended;
  return newTypingImport(root, source, name);
}

/** Adds `name` to an existing `from module import …`, in its layout; undefined when there is none. */
export function extendFromImport(root: Node, source: string, module: string, name: string): Edit[] | undefined {
  const nl = newline(source);
  const stmt = moduleImports(root).find((s) => s.type === 'import_from_statement' && moduleName(s) === module);
  const names = stmt && importedNames(stmt);
  if (stmt && names && names.length > 0 && !childrenOf(stmt).some((c) => c.type === 'wildcard_import')) {
    const keys = names.map((n) => n.imported.toLowerCase());
    const sorted = keys.every((k, i) => i === 0 || keys[i - 1]! <= k);
    const before = sorted ? names.find((n) => n.imported.toLowerCase() > name.toLowerCase()) : undefined;
    if (before) {
      const ownLines = startsLine(source, before.node);
      const indent = source.slice(lineStart(source, before.node.startIndex), before.node.startIndex);
      return [{ start: before.node.startIndex, end: before.node.startIndex, text: ownLines ? `${name},${nl}${indent}` : `${name}, ` }];
    }
    const last = names[names.length - 1]!.node;
    if (startsLine(source, last)) {
      // One name per line in parentheses: a line of its own, keeping a trailing comma if there is one.
      const comma = last.nextSibling?.type === ',' ? last.nextSibling : undefined;
      const indent = source.slice(lineStart(source, last.startIndex), last.startIndex);
      const at = comma ? comma.endIndex : last.endIndex;
      return [{ start: at, end: at, text: `${comma ? '' : ','}${nl}${indent}${name}${comma ? ',' : ''}` }];
    }
    return [{ start: last.endIndex, end: last.endIndex, text: `, ${name}` }];
  }
  return undefined;
}

/** Imports `name` from a standard-library `module` (`datetime`, `decimal`, `uuid`) the way typing's names are. */
export function addStdlibImport(root: Node, source: string, module: string, name: string): Edit[] {
  return extendFromImport(root, source, module, name) ?? newTypingImport(root, source, name, module);
}

function newTypingImport(root: Node, source: string, name: string, module = 'typing'): Edit[] {
  const nl = newline(source);
  const line = `from ${module} import ${name}`;
  const imports = moduleImports(root).filter((s) => moduleName(s) !== '__future__');
  if (imports.length === 0) {
    const first = namedChildrenOf(root).find((s) => !isDocstring(s) && !(s.type === 'import_from_statement' && moduleName(s) === '__future__'));
    const at = first ? first.startIndex : source.length;
    return [{ start: at, end: at, text: `${line}${nl}${first ? nl : ''}` }];
  }
  // The first block: imports on consecutive lines from the first one, usually the standard library's.
  const block = [imports[0]!];
  for (const stmt of imports.slice(1)) {
    if (stmt.startPosition.row !== block[block.length - 1]!.endPosition.row + 1) break;
    block.push(stmt);
  }
  if (!block.some((s) => STDLIB.has(moduleName(s).split('.')[0]!))) {
    // No standard-library block to join (isort's first section): `typing` gets a block of its own before.
    const at = lineStart(source, block[0]!.startIndex);
    return [{ start: at, end: at, text: `${line}${nl}${nl}` }];
  }
  const after = block.find((s) => moduleName(s) > module);
  if (after) return [{ start: after.startIndex, end: after.startIndex, text: `${line}${nl}` }];
  const last = block[block.length - 1]!;
  const at = nextLineStart(source, last.endIndex);
  return [{ start: at, end: at, text: at === source.length && !source.endsWith('\n') ? `${nl}${line}` : `${line}${nl}` }];
}

function isDocstring(stmt: Node): boolean {
  return stmt.type === 'expression_statement' && stmt.namedChild(0)?.type === 'string';
}

/**
 * Removes the typing import of `name` when nothing outside `removed` (the text a fix takes out) still uses
 * it; the whole statement goes when it imported nothing else.
 */
export function removeUnusedTypingImport(root: Node, source: string, name: string, removed: { start: number; end: number }): Edit[] {
  return removeUnusedImport(root, source, name, TYPING_MODULES, removed);
}

/** The same for `from <one of modules> import name` (`text` from sqlalchemy once no server default uses it). */
export function removeUnusedImport(
  root: Node,
  source: string,
  name: string,
  modules: ReadonlySet<string>,
  removed: { start: number; end: number },
): Edit[] {
  const stmt = moduleImports(root).find(
    (s) => s.type === 'import_from_statement' && modules.has(moduleName(s)) && importedNames(s).some((n) => n.local === name),
  );
  if (!stmt) return [];
  // Text, not identifiers: a string annotation (`"Optional[Team]"`) or a comment naming it keeps the import.
  const [first, second] = [removed, { start: stmt.startIndex, end: stmt.endIndex }].sort((a, b) => a.start - b.start);
  const rest = source.slice(0, first!.start) + source.slice(first!.end, second!.start) + source.slice(second!.end);
  const inUse = new RegExp(`(?<![\\w.])${name}(?!\\w)`).test(rest);
  if (inUse) return [];
  const names = importedNames(stmt);
  if (names.length === 1) return [{ start: lineStart(source, stmt.startIndex), end: nextLineStart(source, stmt.endIndex), text: '' }];
  const index = names.findIndex((n) => n.local === name);
  const node = names[index]!.node;
  const next = names[index + 1]?.node;
  // `a, NAME, b` → `a, b`; a name on a line of its own takes its line; the last name goes with the comma before it.
  if (next && next.startPosition.row > node.startPosition.row && startsLine(source, node)) {
    return [{ start: lineStart(source, node.startIndex), end: lineStart(source, next.startIndex), text: '' }];
  }
  if (next) return [{ start: node.startIndex, end: next.startIndex, text: '' }];
  return [{ start: names[index - 1]!.node.endIndex, end: node.endIndex, text: '' }];
}
