// Removes a table the truth does not have from Python models: the SQLModel or SQLAlchemy declarative class
// (with its decorators), or a module-level `name = Table("t", metadata, …)` statement, together with the
// comments written directly above it and one of the runs of blank lines around it (the shorter, so the file
// keeps its own spacing between top-level definitions, PEP 8's two blank lines), then each `from m import x`
// name only the removed code used. Removing code can break callers that import the class, so `fix` plans
// this only under `--unsafe`; and it refuses while the file itself still names it: the class or variable as
// an identifier (`Optional[AuditLog]`, `AuditLog.id`), or a string that is exactly the class or table name or
// a column of the table (`Relationship("AuditLog")`, `"AuditLog"` annotations, `secondary="audit_log"`,
// `ForeignKey("audit_log.id")`), or a type written as a string around the class (`"Optional[AuditLog]"`). A
// file without the table is left as it is, so a second run changes nothing.
//
// Options: table (SQL name, `schema.name` outside public), binding (optional: the class name, or the variable
// a `Table(...)` is assigned to).

import type { Node } from '../src/lang/python.ts';
import { namedChildrenOf } from '../src/lang/python.ts';
import { calleeName, moduleClasses, stringValue } from '../src/sources/sqlmodel/cst.ts';
import { CannotApply } from './lib/cannot-apply.ts';
import { applyEdits } from './lib/python-edits.ts';
import { importedNames, moduleImports, moduleName, removeUnusedImport } from './lib/python-imports.ts';
import { endOfLine, linesRemoval, startOfLine, startOfNextLine, withGroupSeparator } from './lib/remove-lines.ts';
import { withPythonTree } from './lib/python-transform.ts';
import type { PythonApi, PythonFileInfo } from './lib/python-transform.ts';

export const language = 'python';

export interface SqlModelTableRemoveOptions {
  table: string;
  binding?: string;
}

interface Declaration {
  /** The class or variable name. */
  name: string;
  /** The module-level statement: the class (its decorated definition when decorated) or the assignment. */
  statement: Node;
}

export default function transformer(file: PythonFileInfo, api: PythonApi, options: SqlModelTableRemoveOptions): string {
  const { table, binding } = options;
  if (!table) throw new Error('sqlmodel-table-remove needs the option table');
  const planned = withPythonTree(file, api, (root) => plan(root, file.source, table, binding || undefined));
  if (!planned) return file.source;
  let text = applyEdits(file.source, [{ ...planned.removed, text: '' }]);
  // Each import is worked out again on the text the previous removal left, so several never collide.
  for (;;) {
    const current = text;
    const edits = withPythonTree({ path: file.path, source: current }, api, (root) => staleImport(root, current, planned.names));
    if (edits.length === 0) return text;
    text = applyEdits(current, edits.map((e) => ({ ...e, ...(e.text === '' && withGroupSeparator(current, e)) })));
  }
}

function plan(root: Node, source: string, table: string, binding: string | undefined): { removed: { start: number; end: number }; names: Set<string> } | undefined {
  const name = table.includes('.') ? table.slice(table.lastIndexOf('.') + 1) : table;
  const found = declarations(root, name).filter((d) => binding === undefined || d.name === binding);
  if (found.length === 0) {
    // Already gone (a second run), unless the name is still defined here in a form not looked for.
    if (binding !== undefined && definesName(root, binding)) throw new CannotApply(`${binding} is not a class or Table(...) for table "${table}" here; remove it by hand`);
    return undefined;
  }
  if (found.length > 1) throw new CannotApply(`table "${table}" is declared more than once here (${found.map((d) => d.name).join(', ')}); remove it by hand`);
  const decl = found[0]!;
  const { statement } = decl;

  const rest = source.slice(statement.endIndex, endOfLine(source, statement.endIndex));
  const lineBefore = source.slice(startOfLine(source, statement.startIndex), statement.startIndex);
  if (lineBefore.trim() !== '' || !/^[ \t]*(#.*)?$/.test(rest)) throw new CannotApply(`${decl.name} shares its line with other code; remove it by hand`);
  const start = leadingComments(source, statement);
  const end = startOfNextLine(source, statement.endIndex);

  const use = firstUse(root, source, decl.name, table, name, { start, end });
  if (use) throw new CannotApply(`${table} is still used in this file (${use.text}, line ${use.line}); remove that first`);

  const names = new Set(statement.descendantsOfType('identifier').map((n) => n!.text));
  return { removed: linesRemoval(source, startOfLine(source, start), end), names };
}

/** Module-level classes mapped to the table and `x = Table("table", …)` statements. */
function declarations(root: Node, name: string): Declaration[] {
  const out: Declaration[] = [];
  for (const cls of moduleClasses(root)) {
    const ownTable = cls.attributes.some((a) => a.name === '__table__' && a.value && calleeName(a.value) === 'Table' && tableCallName(a.value) === name);
    if (cls.tableName !== name && !ownTable) continue;
    if (!cls.isTable && cls.ownTableName === undefined && !ownTable) continue;
    const statement = cls.node.parent?.type === 'decorated_definition' ? cls.node.parent : cls.node;
    out.push({ name: cls.name, statement });
  }
  for (const stmt of namedChildrenOf(root)) {
    const assignment = stmt.type === 'expression_statement' ? stmt.namedChild(0) : undefined;
    if (assignment?.type !== 'assignment') continue;
    const [left, right] = [assignment.childForFieldName('left'), assignment.childForFieldName('right')];
    if (left?.type === 'identifier' && right && calleeName(right) === 'Table' && tableCallName(right) === name) {
      out.push({ name: left.text, statement: stmt });
    }
  }
  return out.sort((a, b) => a.statement.startIndex - b.statement.startIndex);
}

/** The first argument of `Table("name", …)` when it is a plain string. */
function tableCallName(call: Node): string | undefined {
  const first = call.childForFieldName('arguments')?.namedChildren.find((c) => c && c.type !== 'comment');
  return first ? stringValue(first) : undefined;
}

function definesName(root: Node, name: string): boolean {
  return namedChildrenOf(root).some((stmt) => {
    const def = stmt.type === 'decorated_definition' ? stmt.childForFieldName('definition') : stmt;
    if ((def?.type === 'class_definition' || def?.type === 'function_definition') && def.childForFieldName('name')?.text === name) return true;
    const assignment = stmt.type === 'expression_statement' ? stmt.namedChild(0) : undefined;
    return assignment?.type === 'assignment' && assignment.childForFieldName('left')?.text === name;
  });
}

/** Where the statement starts with the comment lines directly above it (no blank line between them). */
function leadingComments(source: string, statement: Node): number {
  let start = statement.startIndex;
  for (let prev = statement.previousSibling; prev?.type === 'comment'; prev = prev.previousSibling) {
    const between = source.slice(prev.endIndex, start);
    const ownLine = source.slice(startOfLine(source, prev.startIndex), prev.startIndex).trim() === '';
    if (!/^[ \t]*\r?\n[ \t]*$/.test(between) || !ownLine) break;
    start = prev.startIndex;
  }
  return start;
}

/**
 * The first mention of the class or variable outside the removed lines: as an identifier (`AuditLog.id` when
 * read through), or as a string that is exactly its name, the table's name or one of its columns.
 */
function firstUse(
  root: Node,
  source: string,
  binding: string,
  table: string,
  name: string,
  removed: { start: number; end: number },
): { text: string; line: number } | undefined {
  const outside = (n: Node) => n.endIndex <= removed.start || n.startIndex >= removed.end;
  const tableNames = new Set([table, name]);
  // A string annotation names the class inside a type expression too: "Optional[AuditLog]", "AuditLog | None".
  const typeExpression = /^[\w.[\]]+(?:\s*[,|]\s*[\w.[\]]+)*$/;
  const word = new RegExp(`(?<![\\w.])${binding.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\w)`);
  const names = (s: string) =>
    s === binding || tableNames.has(s) || [...tableNames].some((t) => s.startsWith(`${t}.`)) || (typeExpression.test(s) && word.test(s));
  const hits = [
    ...root.descendantsOfType('identifier').filter((n) => n!.text === binding),
    ...root.descendantsOfType('string').filter((n) => {
      const value = stringValue(n!);
      return value !== undefined && names(value);
    }),
  ]
    .map((n) => n!)
    .filter(outside)
    .sort((a, b) => a.startIndex - b.startIndex);
  const hit = hits[0];
  if (!hit) return undefined;
  const parent = hit.parent;
  const text = hit.type === 'identifier' && parent?.type === 'attribute' && parent.childForFieldName('object')?.id === hit.id ? parent.text : hit.text;
  return { text, line: source.slice(0, hit.startIndex).split('\n').length };
}

/** The edits removing the first `from m import …` name the removal left unused, or none. */
function staleImport(root: Node, source: string, names: ReadonlySet<string>): { start: number; end: number; text: string }[] {
  for (const stmt of moduleImports(root)) {
    if (stmt.type !== 'import_from_statement') continue;
    for (const { local } of importedNames(stmt)) {
      if (!names.has(local)) continue;
      const edits = removeUnusedImport(root, source, local, new Set([moduleName(stmt)]), { start: 0, end: 0 });
      if (edits.length) return edits;
    }
  }
  return [];
}
