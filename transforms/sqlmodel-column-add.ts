// Adds a column a Python model class lacks, after the attribute of the column it follows in the truth (or
// first), at its indentation, in the class's idiom: a SQLModel field (`name: T = Field(...)`, `Optional[T]` or
// `T | None` as the file spells optional, `= None` or `Field(default=None)` as its optional fields do, `alias=`
// when its fields carry camelCase aliases, `max_length=`/`sa_type=` for the type, `sa_column_kwargs=
// {"server_default": …}` for a default), a SQLAlchemy 2.0 `name: Mapped[T] = mapped_column(...)`, or a legacy
// `name = Column(Type, nullable=False, server_default=…)`. Every name the line uses is imported the way the
// file imports its module. A class declared through `__table__ = Table(...)` is refused.
//
// Options: table, column (SQL names), after (the column it follows; absent: first), type (as `format_type()`
// prints it), nullable (`true` | `false`), default (SQL, optional), datetime (the type a plain `datetime` gets
// in the pinned SQLModel: `timestamp with time zone` from 0.0.45; absent: `timestamp without time zone`).

import type { Node } from '../src/lang/python.ts';
import { namedChildrenOf } from '../src/lang/python.ts';
import { calleeName, keywordArgs, moduleClasses, stringValue } from '../src/sources/sqlmodel/cst.ts';
import type { ClassAttribute, ModelClass } from '../src/sources/sqlmodel/cst.ts';
import { isEnumBase } from '../src/sources/sqlmodel/types.ts';
import { CannotApply } from './lib/cannot-apply.ts';
import { pythonColumnType } from './lib/python-column-type.ts';
import type { PyName, SaType } from './lib/python-column-type.ts';
import { applyEdits, indentAt, lineStart, newline, nextLineStart } from './lib/python-edits.ts';
import type { Edit } from './lib/python-edits.ts';
import { addTypingImport, isImported } from './lib/python-imports.ts';
import { locateColumn, locateMappedColumn } from './lib/python-locate.ts';
import { nameRef } from './lib/python-name-import.ts';
import type { ImportStep } from './lib/python-name-import.ts';
import { findOptional, optionalStyle } from './lib/python-optional.ts';
import { plainLiteral, quoteOf, serverDefaultValue } from './lib/python-server-default.ts';
import { sqlalchemyText } from './lib/python-sqlalchemy-text.ts';
import { withPythonTree } from './lib/python-transform.ts';
import type { PythonApi, PythonFileInfo } from './lib/python-transform.ts';

export const language = 'python';

export interface SqlModelColumnAddOptions {
  table: string;
  column: string;
  after?: string;
  type: string;
  nullable: boolean | 'true' | 'false';
  default?: string;
  datetime?: string;
}

const NAIVE = 'timestamp without time zone';
const PYTHON_KEYWORDS = new Set(
  'False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield'.split(' '),
);
/** Class attributes that are configuration, not columns. */
const NOT_COLUMNS = new Set(['model_config', 'metadata', 'registry', 'type_annotation_map']);

interface Planned {
  edit: Edit;
  steps: ImportStep[];
}

export default function transformer(file: PythonFileInfo, api: PythonApi, options: SqlModelColumnAddOptions): string {
  const { table, column, type } = options;
  if (!table || !column || !type) throw new Error('sqlmodel-column-add needs the options table, column and type');
  if (![true, false, 'true', 'false'].includes(options.nullable)) {
    throw new Error(`sqlmodel-column-add: nullable must be true or false; got ${JSON.stringify(options.nullable)}`);
  }
  const planned = withPythonTree(file, api, (root) => plan(root, file.source, options));
  if (!planned) return file.source;
  let text = applyEdits(file.source, [planned.edit]);
  // Each import is worked out against the text the previous one left, so several never collide.
  for (const step of planned.steps) text = withPythonTree({ path: file.path, source: text }, api, (root) => applyEdits(text, step(root, text)));
  return text;
}

function plan(root: Node, source: string, options: SqlModelColumnAddOptions): Planned | undefined {
  const { table, column } = options;
  const name = table.includes('.') ? table.slice(table.lastIndexOf('.') + 1) : table;
  const classes = moduleClasses(root);
  const sqlmodel = classes.filter((c) => c.isTable && c.tableName === name);
  const declarative = classes.filter((c) => !c.isTable && c.ownTableName === name);
  const matches = sqlmodel.length > 0 ? sqlmodel : declarative;
  if (matches.length === 0) throw new CannotApply(`no model class for table "${table}" in this file`);
  if (matches.length > 1) throw new CannotApply(`table "${table}" is declared by several classes here: ${matches.map((c) => c.name).join(', ')}`);
  const cls = matches[0]!;
  if (cls.attributes.some((a) => a.name === '__table__')) {
    throw new CannotApply(`${cls.name} declares its columns in __table__ = Table(...); add ${column} there by hand`);
  }
  if (present(root, cls, table, column)) return undefined;
  if (!/^[A-Za-z_]\w*$/.test(column) || PYTHON_KEYWORDS.has(column)) {
    throw new CannotApply(`${column} is not a Python identifier; add the column by hand`);
  }
  const columns = cls.attributes.filter((a) => isColumnAttribute(a));
  const anchor = options.after === undefined ? undefined : columns.find((a) => columnName(a) === options.after);
  if (options.after !== undefined && !anchor) {
    throw new CannotApply(`${cls.name} has no attribute for column ${options.after} in its own body to add ${column} after`);
  }
  const nullable = options.nullable === true || options.nullable === 'true';
  const enumClass = enumClassFor(classes, options.type);
  const steps: ImportStep[] = [];
  const ref = (n: PyName | SaType): string => {
    if (!n.module) return n.name;
    const r = nameRef(root, n.module, n.name, n.module === 'sqlalchemy' ? ['sqlmodel'] : []);
    if (r.step) steps.push(r.step);
    return r.text;
  };
  const q = quoteOf(cls.node);
  const serverDefault = options.default === undefined ? undefined : serverDefaultText(root, source, cls, options.default, q, steps);
  const line = cls.isTable
    ? sqlmodelLine(root, classes, cls, column, options, nullable, enumClass, ref, serverDefault, q, steps)
    : declarativeLine(root, cls, column, options.type, nullable, enumClass, ref, serverDefault, steps);
  return { edit: insertLine(source, cls, columns, anchor, line), steps };
}

/** Whether the class (or a same-file base) already has the column: a fix applied twice changes nothing. */
function present(root: Node, cls: ModelClass, table: string, column: string): boolean {
  if (!cls.isTable) return locateMappedColumn(root, table, column) !== undefined;
  try {
    locateColumn(root, table, column);
    return true;
  } catch {
    return cls.attributes.some((a) => columnName(a) === column);
  }
}

function isColumnAttribute(attr: ClassAttribute): boolean {
  if (attr.name.startsWith('__') || NOT_COLUMNS.has(attr.name)) return false;
  const callee = attr.value && calleeName(attr.value);
  if (callee === 'Relationship' || callee === 'relationship') return false;
  return attr.annotation !== undefined || callee === 'Column' || callee === 'mapped_column';
}

/** The SQL name an attribute declares: `Column("name", …)` / `mapped_column("name")` / `sa_column=Column("name")`, else its own. */
function columnName(attr: ClassAttribute): string {
  const call = attr.value?.type === 'call' ? attr.value : undefined;
  const callee = call && calleeName(call);
  const target = callee === 'Field' ? keywordArgs(call!).find((k) => k.name === 'sa_column')?.value : call;
  const first = target?.type === 'call' ? namedChildrenOf(target.childForFieldName('arguments') ?? target).find((c) => c.type !== 'comment') : undefined;
  return (first && stringValue(first)) ?? attr.name;
}

function enumClassFor(classes: ModelClass[], type: string): string | undefined {
  const name = type.includes('.') ? type.slice(type.lastIndexOf('.') + 1) : type;
  return classes.find((c) => c.baseNames.some(isEnumBase) && c.name.toLowerCase() === name)?.name;
}

/** `"0"` for a string constant (SQLAlchemy quotes it), else `text("now()")` imported the way the file imports SQLAlchemy. */
function serverDefaultText(root: Node, source: string, cls: ModelClass, sql: string, q: '"' | "'", steps: ImportStep[]): string {
  const value = serverDefaultValue(sql);
  if (value.kind === 'string') return plainLiteral(value.value, q);
  const text = sqlalchemyText(root, source, cls.node);
  if (text.edits.length > 0) steps.push((r, s) => sqlalchemyText(r, s, r).edits);
  return `${text.callee}(${plainLiteral(value.sql, q)})`;
}

/** `T` made optional the way the file spells it, with `Optional` imported when that is the spelling. */
function optional(root: Node, inner: string, steps: ImportStep[]): string {
  const style = optionalStyle(root);
  if (style.kind === 'pipe') return `${inner} | None`;
  if (style.kind === 'union') return `${style.head}[${inner}, None]`;
  if (style.head === 'Optional' && !isImported(root, 'Optional')) steps.push((r, s) => addTypingImport(r, s, 'Optional'));
  return `${style.head}[${inner}]`;
}

function saCall(t: SaType, ref: (n: PyName) => string): string {
  const head = ref(t);
  return t.args === undefined ? head : `${head}(${t.args})`;
}

function camelCase(name: string): string {
  return name.replace(/_+([a-zA-Z0-9])/g, (_, c: string) => c.toUpperCase());
}

function fieldCallOf(attr: ClassAttribute): Node | undefined {
  return attr.value?.type === 'call' && calleeName(attr.value) === 'Field' ? attr.value : undefined;
}

function isOptional(attr: ClassAttribute): boolean {
  try {
    return !!attr.annotation && findOptional(attr.annotation) !== undefined;
  } catch {
    return false;
  }
}

function sqlmodelLine(
  root: Node,
  classes: ModelClass[],
  cls: ModelClass,
  column: string,
  options: SqlModelColumnAddOptions,
  nullable: boolean,
  enumClass: string | undefined,
  ref: (n: PyName | SaType) => string,
  serverDefault: string | undefined,
  q: '"' | "'",
  steps: ImportStep[],
): string {
  const t = pythonColumnType(options.type, options.datetime || NAIVE, enumClass);
  const annotation = ref(t.annotation);
  const keywords = [...t.fieldKeywords];
  if (t.sqlmodelSaType) keywords.push(`sa_type=${saCall(t.sqlmodelSaType, ref)}`);
  if (serverDefault) keywords.push(`sa_column_kwargs={${plainLiteral('server_default', q)}: ${serverDefault}}`);
  // Aliases: when most snake_case fields of the class carry their camelCase as alias=, so does the new one.
  let [aliased, plain] = [0, 0];
  for (const attr of cls.attributes.filter((a) => isColumnAttribute(a) && a.name.includes('_'))) {
    const alias = fieldCallOf(attr) && keywordArgs(fieldCallOf(attr)!).find((k) => k.name === 'alias');
    if (alias && stringValue(alias.value) === camelCase(attr.name)) aliased++;
    else plain++;
  }
  if (column.includes('_') && aliased > plain) keywords.push(`alias=${plainLiteral(camelCase(column), q)}`);
  // `= None` or `Field(default=None)`: what the file's optional fields that need nothing else write.
  let [bareNone, fieldNone] = [0, 0];
  for (const attr of classes.filter((c) => c.isTable).flatMap((c) => c.attributes)) {
    if (!isOptional(attr)) continue;
    const call = fieldCallOf(attr);
    if (attr.value?.type === 'none') bareNone++;
    else if (call && keywordArgs(call).length === 1 && keywordArgs(call)[0]!.name === 'default' && keywordArgs(call)[0]!.value.type === 'none') fieldNone++;
  }
  const needsField = keywords.length > 0 || (nullable && fieldNone > bareNone);
  const type = nullable ? optional(root, annotation, steps) : annotation;
  if (!needsField) return nullable ? `${column}: ${type} = None` : `${column}: ${type}`;
  const field = ref({ module: 'sqlmodel', name: 'Field' });
  return `${column}: ${type} = ${field}(${[...(nullable ? ['default=None'] : []), ...keywords].join(', ')})`;
}

function declarativeLine(
  root: Node,
  cls: ModelClass,
  column: string,
  sqlType: string,
  nullable: boolean,
  enumClass: string | undefined,
  ref: (n: PyName | SaType) => string,
  serverDefault: string | undefined,
  steps: ImportStep[],
): string {
  // Plain SQLAlchemy maps a bare `datetime` to a naive timestamp whatever SQLModel does.
  const t = pythonColumnType(sqlType, NAIVE, enumClass);
  const attrs = cls.attributes.filter(isColumnAttribute);
  const mapped = attrs.filter((a) => a.annotation && /\bMapped\[/.test(a.annotation.text));
  const legacy = attrs.filter((a) => !a.annotation && a.value && calleeName(a.value) === 'Column');
  const defaultArg = serverDefault === undefined ? [] : [`server_default=${serverDefault}`];
  if (legacy.length > mapped.length) {
    const named = legacy.filter((a) => columnName(a) === a.name && a.value!.childForFieldName('arguments')?.namedChild(0)?.type === 'string').length;
    const args = [
      ...(named * 2 > legacy.length ? [plainLiteral(column, quoteOf(cls.node))] : []),
      saCall(t.saType, ref),
      ...(nullable ? [] : ['nullable=False']),
      ...defaultArg,
    ];
    return `${column} = ${ref({ module: 'sqlalchemy', name: 'Column' })}(${args.join(', ')})`;
  }
  const inner = ref(t.annotation);
  const mappedHead = mapped[0]?.annotation?.text.match(/^([\w.]*Mapped)\[/)?.[1] ?? ref({ module: 'sqlalchemy.orm', name: 'Mapped' });
  const annotation = `${mappedHead}[${nullable ? optional(root, inner, steps) : inner}]`;
  const args = [...(t.annotationSuffices ? [] : [saCall(t.saType, ref)]), ...defaultArg];
  const bare = mapped.some((a) => !a.value);
  if (args.length === 0 && bare) return `${column}: ${annotation}`;
  return `${column}: ${annotation} = ${ref({ module: 'sqlalchemy.orm', name: 'mapped_column' })}(${args.join(', ')})`;
}

/** Comments written on the lines right above a statement belong to it: the new line goes above them. */
function leadingStart(source: string, statement: Node): number {
  let start = lineStart(source, statement.startIndex);
  let row = statement.startPosition.row;
  for (let prev = statement.previousNamedSibling; prev?.type === 'comment' && prev.endPosition.row === row - 1; prev = prev.previousNamedSibling) {
    if (source.slice(lineStart(source, prev.startIndex), prev.startIndex).trim() !== '') break;
    start = lineStart(source, prev.startIndex);
    row = prev.startPosition.row;
  }
  return start;
}

function insertLine(source: string, cls: ModelClass, columns: ClassAttribute[], anchor: ClassAttribute | undefined, line: string): Edit {
  const nl = newline(source);
  if (anchor) {
    const indent = indentAt(source, anchor.statement.startIndex);
    const at = nextLineStart(source, anchor.statement.endIndex);
    const text = at === source.length && !source.endsWith('\n') ? `${nl}${indent}${line}` : `${indent}${line}${nl}`;
    return { start: at, end: at, text };
  }
  const first = columns[0];
  if (first) {
    const at = leadingStart(source, first.statement);
    return { start: at, end: at, text: `${indentAt(source, first.statement.startIndex)}${line}${nl}` };
  }
  const body = cls.node.childForFieldName('body');
  const last = body && namedChildrenOf(body).at(-1);
  if (!last) throw new CannotApply(`${cls.name} has no body to add the column to`);
  const indent = indentAt(source, last.startIndex);
  const at = nextLineStart(source, last.endIndex);
  return { start: at, end: at, text: at === source.length && !source.endsWith('\n') ? `${nl}${indent}${line}` : `${indent}${line}${nl}` };
}
