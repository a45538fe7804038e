// Changes the SQL type of a Python model's column where its declaration says it, the inverse of
// src/sources/sqlmodel/types.ts: in a SQLModel field the annotation's type name and the `Field` keywords that
// refine it (`max_length=`, `max_digits=`/`decimal_places=`, `sa_type=` where the annotation cannot say the type:
// `BigInteger`, `Text`, `DateTime(timezone=True)` before SQLModel 0.0.45), in `sa_column=Column(…)`,
// `mapped_column(…)` and `Column(…)` the SQLAlchemy type argument (`String(64)` → `String(128)`), and the
// `Mapped[…]` annotation. A field's `sa_type=` goes when the annotation and keywords can say the new type. New names are
// imported the way the file imports their module; imports the old declaration alone used go.
//
// Options: table, column (SQL names), attribute (the Python attribute, when not named like the column), type (as
// `format_type()` prints it), datetime (the type a plain `datetime` gets in the pinned SQLModel: `timestamp with
// time zone` from 0.0.45; absent: `timestamp without time zone`).

import { normalizeType } from '../src/compare/normalize/sql-type.ts';
import type { Node } from '../src/lang/python.ts';
import { namedChildrenOf } from '../src/lang/python.ts';
import { readAnnotation } from '../src/sources/sqlmodel/annotation.ts';
import { calleeName, keywordArgs, lastSegment, moduleClasses, stringValue } from '../src/sources/sqlmodel/cst.ts';
import type { ClassAttribute, ModelClass } from '../src/sources/sqlmodel/cst.ts';
import { intValue, isEnumBase, pythonTypeToSql, saTypeToSql } from '../src/sources/sqlmodel/types.ts';
import { CannotApply } from './lib/cannot-apply.ts';
import { annotationBase } from './lib/python-annotation-base.ts';
import { insertArgument, removeArgument } from './lib/python-arguments.ts';
import { pythonColumnType } from './lib/python-column-type.ts';
import type { PyName, PythonColumnType, SaType } from './lib/python-column-type.ts';
import { applyEdits } from './lib/python-edits.ts';
import type { Edit } from './lib/python-edits.ts';
import { removeUnusedImport } from './lib/python-imports.ts';
import { locateColumn, locateMappedColumn } from './lib/python-locate.ts';
import type { LocatedColumn, LocatedMappedColumn } from './lib/python-locate.ts';
import { nameRef } from './lib/python-name-import.ts';
import type { ImportStep } from './lib/python-name-import.ts';
import { withPythonTree } from './lib/python-transform.ts';
import type { PythonApi, PythonFileInfo } from './lib/python-transform.ts';

export const language = 'python';

export interface SqlModelColumnTypeOptions {
  table: string;
  column: string;
  attribute?: string;
  type: string;
  datetime?: string;
}

const NAIVE = 'timestamp without time zone';
const AWARE = 'timestamp with time zone';
/** `Field` keywords that say the column's type. */
const TYPE_KEYWORDS = ['max_length', 'max_digits', 'decimal_places', 'sa_type'];
/** Positional `Column(…)` arguments that are schema items, not its type. */
const SCHEMA_ITEMS = new Set(['ForeignKey', 'Sequence', 'Identity', 'Computed', 'CheckConstraint', 'FetchedValue', 'DefaultClause']);
/** Where the names a type declaration uses come from, for removing the ones it stopped using. */
const TYPE_MODULES: ReadonlySet<string> = new Set(['sqlalchemy', 'sqlalchemy.types', 'sqlalchemy.dialects.postgresql', 'sqlmodel', 'datetime', 'decimal', 'uuid', 'pydantic']);

interface Planned {
  edits: Edit[];
  steps: ImportStep[];
  /** Names the old declaration used, whose imports go when nothing uses them any more. */
  replaced: string[];
}

type Ref = (n: PyName | SaType) => string;
/** The SQL type a bare annotation name gives, as the reader maps it. */
type TypeReader = (name: string) => string | undefined;

export default function transformer(file: PythonFileInfo, api: PythonApi, options: SqlModelColumnTypeOptions): string {
  const { table, column, type } = options;
  if (!table || !column || !type) throw new Error('sqlmodel-column-type needs the options table, column and type');
  const planned = withPythonTree(file, api, (root) => plan(root, file.source, options));
  if (!planned || planned.edits.length === 0) return file.source;
  let text = applyEdits(file.source, planned.edits);
  // Each import is worked out against the text the previous one left, so several never collide.
  const at = (step: (root: Node, source: string) => Edit[]) => {
    text = withPythonTree({ path: file.path, source: text }, api, (root) => applyEdits(text, step(root, text)));
  };
  for (const step of planned.steps) at(step);
  for (const name of new Set(planned.replaced)) {
    at((root, source) => removeUnusedImport(root, source, name, TYPE_MODULES, { start: 0, end: 0 }).map((e) => withBlockGap(source, e)));
  }
  return text;
}

/**
 * A removed import line that was a block of its own (`from datetime import datetime` between blank lines, or
 * first in the file) takes the blank line after it too, so no empty block is left.
 */
function withBlockGap(source: string, edit: Edit): Edit {
  if (edit.text !== '' || (edit.start > 0 && source[edit.start - 1] !== '\n')) return edit;
  const gap = /^\r?\n/.exec(source.slice(edit.end));
  const before = source.slice(0, edit.start);
  const alone = edit.start === 0 || /\n\r?\n$/.test(before);
  return gap && alone ? { ...edit, end: edit.end + gap[0].length } : edit;
}

function plan(root: Node, source: string, options: SqlModelColumnTypeOptions): Planned | undefined {
  const { table, column } = options;
  const classes = moduleClasses(root);
  const enums = new Set(classes.filter((c) => c.baseNames.some(isEnumBase)).map((c) => c.name));
  const enumClass = enumClassFor(classes, options.type);
  const steps: ImportStep[] = [];
  const ref: Ref = (n) => {
    if (!n.module) return n.name;
    const r = nameRef(root, n.module, n.name, n.module === 'sqlalchemy' ? ['sqlmodel'] : []);
    if (r.step) steps.push(r.step);
    return r.text;
  };
  const located = locate(root, table, column, options.attribute || column);
  const wanted = normalizeType(options.type);
  const aware = options.datetime === AWARE;
  const reads = (utcDatetime: boolean): TypeReader => (name) => pythonTypeToSql(name, { utcDatetime }, enums);
  const planned: Planned = { edits: [], steps, replaced: [] };
  if ('keywords' in located) {
    const where = `${located.cls.name}.${located.attr.name}`;
    const saColumn = located.keywords.get('sa_column');
    if (saColumn) {
      // SQLModel builds the column from sa_column alone: its type argument is the one that counts.
      if (calleeName(saColumn.value) !== 'Column') throw new CannotApply(`${where}: sa_column is not a Column(...) call; change its type by hand`);
      const t = declaration(options.type, NAIVE, enumClass);
      if (!saCallEdits(planned, saColumn.value, t, wanted, ref, where)) return undefined;
      annotationEdit(planned, located.attr, t.annotation, ref, where, reads(aware));
      return planned;
    }
    if (sameType(fieldType(located, enums, aware), wanted)) return undefined;
    const t = declaration(options.type, options.datetime || NAIVE, enumClass);
    annotationEdit(planned, located.attr, t.annotation, ref, where, reads(aware));
    fieldEdits(planned, source, located, t, ref);
    return planned;
  }
  const where = `${located.cls.name}.${located.attr.name}`;
  // Plain SQLAlchemy maps a bare `datetime` to a naive timestamp whatever SQLModel does.
  const t = declaration(options.type, NAIVE, enumClass);
  if (located.call) {
    const typeNode = saTypeNode(located.call);
    if (typeNode || calleeName(located.call) === 'Column') {
      if (!saCallEdits(planned, located.call, t, wanted, ref, where)) return undefined;
      if (located.mapped) annotationEdit(planned, located.attr, t.annotation, ref, where, reads(false));
      return planned;
    }
    if (hasForeignKey(located.call)) throw new CannotApply(`${where}: the column takes its type from its ForeignKey's target; change it by hand`);
  }
  // The type comes from `Mapped[T]` alone.
  if (!located.mapped) throw new CannotApply(`${where}: no type is written for this column; change it by hand`);
  const current = located.mapped && readAnnotation(located.mapped).typeName;
  if (sameType(current && pythonTypeToSql(current, {}, enums), wanted)) return undefined;
  annotationEdit(planned, located.attr, t.annotation, ref, where, reads(false));
  if (t.annotationSuffices) return planned;
  const saType = saCall(t.saType, ref);
  if (located.call) {
    planned.edits.push(...insertTypeArgument(located.call, saType));
  } else {
    const end = located.attr.annotation!.endIndex;
    planned.edits.push({ start: end, end, text: ` = ${ref({ module: 'sqlalchemy.orm', name: 'mapped_column' })}(${saType})` });
  }
  return planned;
}

/** The Python declaration of `sql`, refused in this fix's words when there is none. */
function declaration(sql: string, plainDatetime: string, enumClass: string | undefined): PythonColumnType {
  try {
    return pythonColumnType(sql, plainDatetime, enumClass);
  } catch (error) {
    if (!(error instanceof CannotApply)) throw error;
    throw new CannotApply(`no Python declaration of ${sql} is written by this fix; change the type by hand`);
  }
}

function locate(root: Node, table: string, column: string, attribute: string): LocatedColumn | LocatedMappedColumn {
  try {
    return locateColumn(root, table, attribute);
  } catch (error) {
    // Not a SQLModel table here: maybe a SQLAlchemy declarative class.
    const mapped = locateMappedColumn(root, table, column);
    if (!mapped) throw new CannotApply((error as Error).message);
    return mapped;
  }
}

function enumClassFor(classes: ModelClass[], type: string): string | undefined {
  const name = type.includes('.') ? type.slice(type.lastIndexOf('.') + 1) : type;
  return classes.find((c) => c.baseNames.some(isEnumBase) && c.name.toLowerCase() === name)?.name;
}

function sameType(current: string | undefined | null, wanted: string): boolean {
  return !!current && normalizeType(current) === wanted;
}

function saCall(t: SaType, ref: Ref): string {
  const head = ref(t);
  return t.args === undefined ? head : `${head}(${t.args})`;
}

/** The type a SQLModel field declares, read as the reader reads it. */
function fieldType(located: LocatedColumn, enums: ReadonlySet<string>, utcDatetime: boolean): string | undefined {
  const { attr, keywords } = located;
  const saType = keywords.get('sa_type');
  if (saType) return saTypeToSql(saType.value);
  const typeName = attr.annotation && readAnnotation(attr.annotation).typeName;
  const int = (name: string) => {
    const value = intValue(keywords.get(name)?.value);
    return value === null ? undefined : value;
  };
  return typeName && pythonTypeToSql(typeName, { maxLength: int('max_length'), maxDigits: int('max_digits'), decimalPlaces: int('decimal_places'), utcDatetime }, enums);
}

/**
 * The annotation's type name rewritten to `name`, inside `Optional[…]`/`| None`/`Mapped[…]`. A name that maps to
 * the same SQL type stays as written (`EmailStr` for `str`, `dt.datetime` for `datetime`), keeping its validation.
 */
function annotationEdit(planned: Planned, attr: ClassAttribute, name: PyName, ref: Ref, where: string, reads: TypeReader): void {
  if (!attr.annotation) return;
  const base = annotationBase(attr.annotation);
  if (!base) throw new CannotApply(`${where}: the annotation ${attr.annotation.text} does not name one type; change it by hand`);
  const current = lastSegment(base.text);
  if (current === name.name || (reads(current) !== undefined && reads(current) === reads(name.name))) return;
  planned.edits.push({ start: base.startIndex, end: base.endIndex, text: ref(name) });
  if (base.type === 'identifier') planned.replaced.push(base.text);
}

/** The `Field` keywords saying the type: replaced in place, removed, or added (creating the `Field(...)` if need be). */
function fieldEdits(planned: Planned, source: string, located: LocatedColumn, t: PythonColumnType, ref: Ref): void {
  const { attr, call, keywords } = located;
  const desired = new Map(t.fieldKeywords.map((k) => [k.slice(0, k.indexOf('=')), k.slice(k.indexOf('=') + 1)]));
  // SQLModel's own idiom: the annotation and its keywords, sa_type= only where they cannot say the type.
  if (t.sqlmodelSaType) desired.set('sa_type', saCall(t.sqlmodelSaType, ref));
  const removed: Node[] = [];
  for (const name of TYPE_KEYWORDS) {
    const kw = keywords.get(name);
    if (!kw) continue;
    const want = desired.get(name);
    desired.delete(name);
    if (want === undefined) removed.push(kw.node);
    else if (want !== kw.value.text) planned.edits.push({ start: kw.value.startIndex, end: kw.value.endIndex, text: want });
    if (name === 'sa_type' && want !== kw.value.text) planned.replaced.push(...typeNames(kw.value));
  }
  const added = [...desired].map(([k, v]) => `${k}=${v}`).join(', ');
  if (!call) {
    if (!added) return;
    // A plain default (`name: str = "x"`) stays the application's, as the Field's default.
    const field = ref({ module: 'sqlmodel', name: 'Field' });
    if (attr.value) planned.edits.push({ start: attr.value.startIndex, end: attr.value.endIndex, text: `${field}(default=${attr.value.text}, ${added})` });
    else planned.edits.push({ start: attr.annotation!.endIndex, end: attr.annotation!.endIndex, text: ` = ${field}(${added})` });
    return;
  }
  // A keyword that goes leaves its place to the ones that come, so the call keeps its layout.
  const [first, ...rest] = removed;
  if (first && added) planned.edits.push({ start: first.startIndex, end: first.endIndex, text: added });
  else if (first) planned.edits.push(...removeArgument(source, call, first));
  for (const node of rest) planned.edits.push(...removeArgument(source, call, node));
  if (added && !first) planned.edits.push(...insertArgument(source, call, added));
}

/** The bare names a type expression uses: `String` of `String(64)`; `sa.String` uses none. */
function typeNames(node: Node): string[] {
  const head = node.type === 'call' ? node.childForFieldName('function') : node;
  return head?.type === 'identifier' ? [head.text] : [];
}

/** The SQLAlchemy type of a `Column(...)`/`mapped_column(...)`: `type_=`, else the first positional argument that is not its name or a schema item. */
function saTypeNode(call: Node): Node | undefined {
  const typeKw = keywordArgs(call).find((k) => k.name === 'type_');
  if (typeKw) return typeKw.value;
  const list = call.childForFieldName('arguments');
  const args = list ? namedChildrenOf(list).filter((a) => a.type !== 'keyword_argument' && a.type !== 'comment') : [];
  return args.find((a, i) => !(i === 0 && stringValue(a) !== undefined) && !SCHEMA_ITEMS.has(calleeName(a) ?? ''));
}

/** The type argument of a `Column(...)`/`mapped_column(...)` replaced; false when it already gives the type. */
function saCallEdits(planned: Planned, call: Node, t: PythonColumnType, wanted: string, ref: Ref, where: string): boolean {
  const typeNode = saTypeNode(call);
  if (!typeNode) {
    throw new CannotApply(
      hasForeignKey(call)
        ? `${where}: the column takes its type from its ForeignKey's target; change it by hand`
        : `${where}: no type is written in ${calleeName(call)}(...); change it by hand`,
    );
  }
  if (sameType(saTypeToSql(typeNode), wanted)) return false;
  planned.edits.push({ start: typeNode.startIndex, end: typeNode.endIndex, text: saCall(t.saType, ref) });
  planned.replaced.push(...typeNames(typeNode));
  return true;
}

function hasForeignKey(call: Node): boolean {
  const list = call.childForFieldName('arguments');
  return list !== null && namedChildrenOf(list).some((a) => calleeName(a) === 'ForeignKey');
}

/** The type as the first positional argument, after the column's name when the call gives one. */
function insertTypeArgument(call: Node, text: string): Edit[] {
  const list = call.childForFieldName('arguments')!;
  const args = namedChildrenOf(list).filter((a) => a.type !== 'comment');
  const first = args[0];
  if (first && first.type !== 'keyword_argument' && stringValue(first) !== undefined) return [{ start: first.endIndex, end: first.endIndex, text: `, ${text}` }];
  if (first) return [{ start: first.startIndex, end: first.startIndex, text: `${text}, ` }];
  const open = list.child(0)!;
  return [{ start: open.endIndex, end: open.endIndex, text }];
}
