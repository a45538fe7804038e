// Makes a SQLModel column NOT NULL or nullable the way the field already says it: through `nullable=` when
// the `Field(...)` (or its `sa_column=Column(...)`) sets it, else through the annotation — `Optional[X]`,
// `X | None` or `Union[X, None]`, whichever the file uses — keeping `from typing import` exact. Columns of
// SQLAlchemy declarative classes (`mapped_column`, `Column`, bare `Mapped[X]`) are edited the same way.

import type { Node } from '../src/lang/python.ts';
import { calleeName, keywordArgs } from '../src/sources/sqlmodel/cst.ts';
import type { KeywordArg } from '../src/sources/sqlmodel/cst.ts';
import { insertArgument } from './lib/python-arguments.ts';
import { applyEdits } from './lib/python-edits.ts';
import type { Edit } from './lib/python-edits.ts';
import { addTypingImport, extendFromImport, isImported, removeUnusedTypingImport } from './lib/python-imports.ts';
import type { LocatedColumn, LocatedMappedColumn } from './lib/python-locate.ts';
import { locateColumn, locateMappedColumn } from './lib/python-locate.ts';
import { findOptional, makeOptional, optionalStyle, removeOptional } from './lib/python-optional.ts';
import { withPythonTree } from './lib/python-transform.ts';
import type { PythonApi, PythonFileInfo } from './lib/python-transform.ts';
import { CannotApply } from './lib/cannot-apply.ts';

export const language = 'python';

export interface SqlModelColumnNullableOptions {
  table: string;
  column: string;
  /** `true`/`false`, or the same as strings as a command line passes them. */
  nullable: boolean | 'true' | 'false';
}

export default function transformer(file: PythonFileInfo, api: PythonApi, options: SqlModelColumnNullableOptions): string {
  const { table, column } = options;
  if (!table || !column) throw new Error('sqlmodel-column-nullable needs the options table and column');
  if (![true, false, 'true', 'false'].includes(options.nullable)) {
    throw new Error(`sqlmodel-column-nullable: nullable must be true or false; got ${JSON.stringify(options.nullable)}`);
  }
  const nullable = options.nullable === true || options.nullable === 'true';
  return withPythonTree(file, api, (root) => {
    let edits: Edit[];
    try {
      const located = locateColumn(root, table, column);
      edits = nullable ? makeNullable(root, file.source, located) : makeNotNull(root, file.source, located);
    } catch (error) {
      // Not a SQLModel table here: maybe a SQLAlchemy declarative class.
      const mapped = locateMappedColumn(root, table, column);
      if (!mapped) throw error;
      edits = nullable ? mappedNullable(root, file.source, mapped) : mappedNotNull(root, file.source, mapped);
    }
    return edits.length === 0 ? file.source : applyEdits(file.source, edits);
  });
}

const where = ({ cls, attr }: LocatedColumn) => `${cls.name}.${attr.name}`;

function isTrue(arg: KeywordArg | undefined): boolean {
  return arg?.value.type === 'true';
}

/** `nullable=True`/`False` replacing a literal, refusing an expression we cannot read. */
function setFlag(arg: KeywordArg, value: boolean, what: string): Edit[] {
  const text = value ? 'True' : 'False';
  if (arg.value.type !== 'true' && arg.value.type !== 'false') {
    throw new CannotApply(`${what}: nullable=${arg.value.text} is not True or False; edit it by hand`);
  }
  return arg.value.text === text ? [] : [{ start: arg.value.startIndex, end: arg.value.endIndex, text }];
}

/** The `Column(...)` of `sa_column=Column(...)`, whose own `nullable=` decides. */
function saColumnCall(located: LocatedColumn): Node | undefined {
  const value = located.keywords.get('sa_column')?.value;
  if (!value) return undefined;
  if (calleeName(value) !== 'Column') throw new CannotApply(`${where(located)}: sa_column is not a Column(...) call; edit it by hand`);
  return value;
}

function makeNullable(root: Node, source: string, located: LocatedColumn): Edit[] {
  const { keywords, attr } = located;
  const sa = saColumnCall(located);
  const saKeywords = new Map((sa ? keywordArgs(sa) : []).map((k) => [k.name, k]));
  // PostgreSQL makes primary key columns NOT NULL; no source edit can make one nullable.
  if (isTrue(keywords.get('primary_key')) || isTrue(saKeywords.get('primary_key'))) {
    throw new CannotApply(`${where(located)} is a primary key; it cannot be made nullable`);
  }
  if (sa) {
    // Column(...) is nullable unless it says otherwise.
    const flag = saKeywords.get('nullable');
    return flag ? setFlag(flag, true, where(located)) : [];
  }
  const flag = keywords.get('nullable');
  if (flag) return setFlag(flag, true, where(located));
  return wrapOptional(root, source, attr.annotation!);
}

/** `X` → `Optional[X]` (or the file's spelling), importing `Optional` when the file has to. */
function wrapOptional(root: Node, source: string, annotation: Node): Edit[] {
  if (findOptional(annotation)) return [];
  const style = optionalStyle(root);
  const edits = [makeOptional(annotation, style)];
  if (style.kind === 'optional' && style.head === 'Optional' && !isImported(root, 'Optional')) {
    edits.push(...addTypingImport(root, source, 'Optional'));
  }
  return edits;
}

/** `Optional[X]` → `X`, dropping the typing import the annotation was the last user of. */
function unwrapOptional(root: Node, source: string, annotation: Node): Edit[] {
  const optional = findOptional(annotation);
  if (!optional) return [];
  const { edit, name } = removeOptional(optional);
  return [edit, ...(name ? removeUnusedTypingImport(root, source, name, edit) : [])];
}

// SQLAlchemy declarative classes: `nullable=` on the call decides; else `Mapped[Optional[X]]` for
// `mapped_column`; else the call's default (nullable unless a primary key).

function mappedNullable(root: Node, source: string, m: LocatedMappedColumn): Edit[] {
  const what = `${m.cls.name}.${m.attr.name}`;
  const kw = new Map((m.call ? keywordArgs(m.call) : []).map((k) => [k.name, k]));
  if (isTrue(kw.get('primary_key'))) throw new CannotApply(`${what} is a primary key; it cannot be made nullable`);
  const flag = kw.get('nullable');
  if (flag) return setFlag(flag, true, what);
  if (m.mapped && (!m.call || calleeName(m.call) === 'mapped_column')) return wrapOptional(root, source, m.mapped);
  return [];
}

function mappedNotNull(root: Node, source: string, m: LocatedMappedColumn): Edit[] {
  const what = `${m.cls.name}.${m.attr.name}`;
  const kw = new Map((m.call ? keywordArgs(m.call) : []).map((k) => [k.name, k]));
  const flag = kw.get('nullable');
  if (flag) return setFlag(flag, false, what);
  if (isTrue(kw.get('primary_key'))) return [];
  if (m.mapped && (!m.call || calleeName(m.call) === 'mapped_column')) return unwrapOptional(root, source, m.mapped);
  return insertArgument(source, m.call!, 'nullable=False');
}

/** `= None`, `Field(None, …)` or `Field(default=None, …)`: the Python default says "may be None". */
function defaultsToNone(located: LocatedColumn): boolean {
  const { attr, call, keywords } = located;
  if (attr.value?.type === 'none') return true;
  if (!call) return false;
  const first = call.childForFieldName('arguments')?.namedChildren.find((c) => c && c.type !== 'comment');
  return keywords.get('default')?.value.type === 'none' || first?.type === 'none';
}

function makeNotNull(root: Node, source: string, located: LocatedColumn): Edit[] {
  const { keywords, attr, call } = located;
  const sa = saColumnCall(located);
  if (sa) {
    const flag = keywordArgs(sa).find((k) => k.name === 'nullable');
    if (flag) return setFlag(flag, false, where(located));
    if (keywordArgs(sa).some((k) => k.name === 'primary_key' && isTrue(k))) return [];
    return insertArgument(source, sa, 'nullable=False');
  }
  const flag = keywords.get('nullable');
  if (flag) return setFlag(flag, false, where(located));
  if (!findOptional(attr.annotation!) || isTrue(keywords.get('primary_key'))) return [];
  if (defaultsToNone(located)) {
    // `Optional[str] = None` without Optional would be a lie to type checkers; the column says NOT NULL instead.
    if (call) return insertArgument(source, call, 'nullable=False');
    const edits: Edit[] = [{ start: attr.value!.startIndex, end: attr.value!.endIndex, text: 'Field(default=None, nullable=False)' }];
    if (!isImported(root, 'Field')) {
      const imported = extendFromImport(root, source, 'sqlmodel', 'Field');
      if (!imported) throw new CannotApply(`${where(located)}: Field is not imported from sqlmodel here; edit it by hand`);
      edits.push(...imported);
    }
    return edits;
  }
  return unwrapOptional(root, source, attr.annotation!);
}
