// `text` from SQLAlchemy in scope for a `server_default=text("…")`, the way the file already imports SQLAlchemy:
// the name itself when imported (from sqlalchemy or sqlmodel, which re-exports it), `sa.text` under
// `import sqlalchemy as sa`, else added to `from sqlalchemy import …` or imported on a line of its own.

import type { Node } from '../../src/lang/python.ts';
import { namedChildrenOf } from '../../src/lang/python.ts';
import { CannotApply } from './cannot-apply.ts';
import { newline, nextLineStart } from './python-edits.ts';
import type { Edit } from './python-edits.ts';
import { extendFromImport } from './python-imports.ts';

/** Modules whose `text` is SQLAlchemy's. */
export const TEXT_MODULES: ReadonlySet<string> = new Set(['sqlalchemy', 'sqlalchemy.sql', 'sqlalchemy.sql.expression', 'sqlmodel']);

function moduleName(stmt: Node): string {
  return stmt.childForFieldName('module_name')?.text ?? '';
}

/** What a module-level import binds: local name → module (and whether it is the module itself). */
function bindings(root: Node): Map<string, { module: string; isModule: boolean }> {
  const out = new Map<string, { module: string; isModule: boolean }>();
  for (const stmt of namedChildrenOf(root)) {
    if (stmt.type === 'import_from_statement') {
      for (const n of stmt.childrenForFieldName('name')) {
        if (!n) continue;
        const imported = n.type === 'aliased_import' ? (n.childForFieldName('name')?.text ?? '') : n.text;
        const local = n.type === 'aliased_import' ? (n.childForFieldName('alias')?.text ?? imported) : n.text;
        out.set(local, { module: imported === 'text' ? moduleName(stmt) : `${moduleName(stmt)}.${imported}`, isModule: false });
      }
    } else if (stmt.type === 'import_statement') {
      for (const n of stmt.childrenForFieldName('name')) {
        if (!n) continue;
        const alias = n.type === 'aliased_import' ? n.childForFieldName('alias')?.text : undefined;
        const dotted = n.type === 'aliased_import' ? (n.childForFieldName('name')?.text ?? '') : n.text;
        out.set(alias ?? dotted.split('.')[0]!, { module: alias ? dotted : dotted.split('.')[0]!, isModule: true });
      }
    }
  }
  return out;
}

/** `text` a name is bound to in a class body or at module level other than by import shadows the import. */
function assignedNames(scope: Node): Set<string> {
  const names = new Set<string>();
  for (const stmt of namedChildrenOf(scope)) {
    const inner = stmt.type === 'expression_statement' ? stmt.namedChild(0) : stmt;
    if (inner?.type === 'assignment') {
      const left = inner.childForFieldName('left');
      if (left?.type === 'identifier') names.add(left.text);
    } else if (inner?.type === 'function_definition' || inner?.type === 'class_definition') {
      const name = inner.childForFieldName('name')?.text;
      if (name) names.add(name);
    }
  }
  return names;
}

/** How to call SQLAlchemy's `text` inside `cls` (a class_definition), and the import edits that makes true. */
export function sqlalchemyText(root: Node, source: string, cls: Node): { callee: string; edits: Edit[] } {
  const body = cls.childForFieldName('body');
  if ((body && assignedNames(body).has('text')) || assignedNames(root).has('text')) {
    throw new CannotApply('the name `text` is taken in this class or module; write the server default by hand');
  }
  const bound = bindings(root);
  const text = bound.get('text');
  if (text) {
    if (!text.isModule && TEXT_MODULES.has(text.module)) return { callee: 'text', edits: [] };
    throw new CannotApply('`text` here is not sqlalchemy.text; write the server default by hand');
  }
  for (const [local, b] of bound) if (b.isModule && b.module === 'sqlalchemy') return { callee: `${local}.text`, edits: [] };
  const extended = extendFromImport(root, source, 'sqlalchemy', 'text');
  if (extended) return { callee: 'text', edits: extended };
  return { callee: 'text', edits: [newImportLine(root, source)] };
}

/** `from sqlalchemy import text` where isort would put it: before `from sqlmodel …`, else after the last import. */
function newImportLine(root: Node, source: string): Edit {
  const nl = newline(source);
  const line = `from sqlalchemy import text${nl}`;
  const imports = namedChildrenOf(root).filter((s) => s.type === 'import_from_statement' || s.type === 'import_statement');
  const sqlmodel = imports.find((s) => s.type === 'import_from_statement' && /^sqlmodel(\.|$)/.test(moduleName(s)));
  if (sqlmodel) return { start: sqlmodel.startIndex, end: sqlmodel.startIndex, text: line };
  const last = imports.at(-1);
  if (!last) return { start: 0, end: 0, text: `${line}${nl}` };
  const at = nextLineStart(source, last.endIndex);
  return { start: at, end: at, text: at === source.length && !source.endsWith('\n') ? `${nl}${line.trimEnd()}` : line };
}
