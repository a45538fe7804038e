// A name from a module (`datetime`, `Decimal`, `String`, `JSONB`) as the file can refer to it: already imported
// (under its alias), through an imported module (`sa.String`, `datetime.date`), else imported by a later step.
// The import edit is a function of the text it applies to, so several can be made one after another.

import type { Node } from '../../src/lang/python.ts';
import { namedChildrenOf } from '../../src/lang/python.ts';
import { CannotApply } from './cannot-apply.ts';
import { newline, nextLineStart } from './python-edits.ts';
import type { Edit } from './python-edits.ts';
import { addStdlibImport, extendFromImport, importedNames, isImported, moduleImports, moduleName } from './python-imports.ts';

/** An import a fix needs, computed against the text as it is when its turn comes. */
export type ImportStep = (root: Node, source: string) => Edit[];

export interface NameRef {
  /** What to write where the name is used. */
  text: string;
  step?: ImportStep;
}

const STDLIB = new Set(['datetime', 'decimal', 'uuid', 'typing']);

/** The local name `from module import name` binds, if the file has it. */
function fromImported(root: Node, module: string, name: string): string | undefined {
  for (const stmt of moduleImports(root)) {
    if (stmt.type !== 'import_from_statement' || moduleName(stmt) !== module) continue;
    const found = importedNames(stmt).find((n) => n.imported === name);
    if (found) return found.local;
  }
  return undefined;
}

/** `sa` for `import sqlalchemy as sa`, `datetime` for `import datetime`: how the module itself is in scope. */
function moduleBinding(root: Node, module: string): string | undefined {
  for (const stmt of moduleImports(root)) {
    if (stmt.type !== 'import_statement') continue;
    for (const n of stmt.childrenForFieldName('name')) {
      if (!n) continue;
      if (n.type === 'aliased_import' && n.childForFieldName('name')?.text === module) return n.childForFieldName('alias')?.text;
      if (n.type === 'dotted_name' && n.text === module) return module;
    }
  }
  return undefined;
}

/** `name` from `module` (`sqlmodel` counts for SQLAlchemy's names it re-exports only when imported from it). */
export function nameRef(root: Node, module: string, name: string, alsoFrom: readonly string[] = []): NameRef {
  for (const m of [module, ...alsoFrom]) {
    const local = fromImported(root, m, name);
    if (local) return { text: local };
  }
  const bound = moduleBinding(root, module);
  if (bound) return { text: `${bound}.${name}` };
  if (isImported(root, name)) throw new CannotApply(`\`${name}\` here is not ${module}'s; add the column by hand`);
  const stdlib = STDLIB.has(module.split('.')[0]!);
  return {
    text: name,
    step: (r, source) => (stdlib ? addStdlibImport(r, source, module, name) : (extendFromImport(r, source, module, name) ?? [thirdPartyImport(r, source, module, name)])),
  };
}

/**
 * `from module import name` on a line of its own among the third-party imports, where isort would put it:
 * before the first one whose module sorts after it, else after the last import.
 */
function thirdPartyImport(root: Node, source: string, module: string, name: string): Edit {
  const nl = newline(source);
  const line = `from ${module} import ${name}${nl}`;
  const imports = namedChildrenOf(root).filter((s) => s.type === 'import_from_statement' || s.type === 'import_statement');
  const thirdParty = imports.filter((s) => {
    const m = moduleName(s);
    return m !== '' && !m.startsWith('.') && !STDLIB.has(m.split('.')[0]!) && m !== '__future__';
  });
  const before = thirdParty.find((s) => moduleName(s) > module);
  if (before) return { start: before.startIndex, end: before.startIndex, text: line };
  const last = thirdParty.at(-1) ?? imports.at(-1);
  if (!last) return { start: 0, end: 0, text: `${line}${nl}` };
  const at = nextLineStart(source, last.endIndex);
  return { start: at, end: at, text: at === source.length && !source.endsWith('\n') ? `${nl}${line.trimEnd()}` : line };
}
