// Removes a column the truth does not have from a SQLModel class or a SQLAlchemy declarative class: the
// attribute's statement goes with its lines, and an import only it used goes too. Removing code can break
// callers that read the attribute, so `fix` plans this only under `--unsafe`; and it refuses when the class
// itself still names the column (an `Index("ix", "legacy_code")` in `__table_args__`, a relationship's
// `foreign_keys=`), or when the attribute comes from a base class that other tables share.
//
// Options: table, column (SQL names).

import type { Node } from '../src/lang/python.ts';
import { calleeName, moduleClasses, stringValue } from '../src/sources/sqlmodel/cst.ts';
import type { ClassAttribute, ModelClass } from '../src/sources/sqlmodel/cst.ts';
import { CannotApply } from './lib/cannot-apply.ts';
import { applyEdits, lineStart, nextLineStart, startsLine } from './lib/python-edits.ts';
import type { Edit } from './lib/python-edits.ts';
import { importedNames, moduleImports, moduleName, removeUnusedImport } from './lib/python-imports.ts';
import { withPythonTree } from './lib/python-transform.ts';
import type { PythonApi, PythonFileInfo } from './lib/python-transform.ts';

export const language = 'python';

export interface SqlModelColumnRemoveOptions {
  table: string;
  column: string;
}

/** The column name an attribute declares: `Column("name", …)`/`mapped_column("name", …)`'s first argument, else its own name. */
function columnName(attr: ClassAttribute): string {
  const callee = attr.value && calleeName(attr.value);
  if (callee === 'Column' || callee === 'mapped_column' || callee === 'Field') {
    const first = attr.value!.childForFieldName('arguments')?.namedChildren.find((c) => c && c.type !== 'comment');
    const named = first && stringValue(first);
    if (named && callee !== 'Field') return named;
  }
  return attr.name;
}

function tableClass(root: Node, table: string): ModelClass {
  const name = table.includes('.') ? table.slice(table.lastIndexOf('.') + 1) : table;
  const matches = moduleClasses(root).filter((c) => c.tableName === name && (c.isTable || c.ownTableName !== undefined));
  if (matches.length !== 1) {
    throw new CannotApply(matches.length ? `table "${table}" is declared by several classes here` : `no class for table "${table}" in this file`);
  }
  return matches[0]!;
}

export default function transformer(file: PythonFileInfo, api: PythonApi, options: SqlModelColumnRemoveOptions): string {
  const { table, column } = options;
  if (!table || !column) throw new Error('sqlmodel-column-remove needs the options table and column');
  return withPythonTree(file, api, (root) => {
    const source = file.source;
    const cls = tableClass(root, table);
    const attr = cls.attributes.find((a) => !a.declared && columnName(a) === column && (a.annotation || a.value));
    // Not in the class's own body: already removed (a second run), or inherited from a base other tables share.
    if (!attr) {
      const inherited = cls.baseNames.some((b) => moduleClasses(root).some((c) => c.name === b && c.attributes.some((a) => columnName(a) === column)));
      if (inherited) throw new CannotApply(`${cls.name}.${column} comes from a base class; remove it there by hand if no other table needs it`);
      return source;
    }
    if (attr.value && calleeName(attr.value) === 'Relationship') throw new CannotApply(`${cls.name}.${column} is a Relationship, not a column`);
    const statement = attr.statement;
    if (!startsLine(source, statement)) throw new CannotApply(`${cls.name}.${attr.name} shares its line with other code`);
    const removed = { start: lineStart(source, statement.startIndex), end: nextLineStart(source, statement.endIndex) };

    const body = cls.node.childForFieldName('body')!;
    const rest = source.slice(body.startIndex, removed.start) + source.slice(removed.end, body.endIndex);
    const word = new RegExp(`(?<![\\w.])(${escape(attr.name)}|${escape(column)})(?!\\w)`);
    const still = word.exec(rest);
    if (still) throw new CannotApply(`${cls.name} still names ${column} (${JSON.stringify(lineOf(rest, still.index))}); remove that first`);
    if (!cls.attributes.some((a) => a !== attr && (a.annotation || a.value))) throw new CannotApply(`${column} is the only column of ${cls.name}`);

    const edits: Edit[] = [{ ...removed, text: '' }];
    edits.push(...staleImports(root, source, statement, removed));
    return applyEdits(source, edits);
  });
}

/** `from m import a, b` names the removed statement was the last user of; one per import statement. */
function staleImports(root: Node, source: string, statement: Node, removed: { start: number; end: number }): Edit[] {
  const used = new Set(statement.descendantsOfType('identifier').map((n) => n?.text));
  const edits: Edit[] = [];
  for (const stmt of moduleImports(root)) {
    if (stmt.type !== 'import_from_statement') continue;
    for (const { local } of importedNames(stmt)) {
      if (!used.has(local)) continue;
      const gone = removeUnusedImport(root, source, local, new Set([moduleName(stmt)]), removed);
      if (gone.length) {
        edits.push(...gone.map((e) => withGroupSeparator(source, e)));
        break;
      }
    }
  }
  return edits;
}

/**
 * A whole import line removed from the top of the file or from between blank lines was a group of its own
 * (`from decimal import Decimal` above the third-party imports): the blank line that separated it goes too.
 */
function withGroupSeparator(source: string, edit: Edit): Edit {
  const wholeLine = edit.text === '' && edit.start === lineStart(source, edit.start) && (edit.end === source.length || /\n$/.test(source.slice(0, edit.end)));
  if (!wholeLine) return edit;
  const before = source.slice(0, edit.start);
  const alone = before === '' || /(^|\n)[ \t]*\r?\n$/.test(before);
  const blank = /^[ \t]*\r?\n/.exec(source.slice(edit.end));
  return alone && blank ? { ...edit, end: edit.end + blank[0].length } : edit;
}

function lineOf(text: string, index: number): string {
  const start = text.lastIndexOf('\n', index) + 1;
  const end = text.indexOf('\n', index);
  return text.slice(start, end === -1 ? undefined : end).trim();
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
