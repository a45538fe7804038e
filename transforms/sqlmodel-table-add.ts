// Appends a model class for a table the file lacks, in the file's idiom: a SQLModel `class X(SQLModel,
// table=True)` with `Field(...)` fields when the file has SQLModel tables, else a SQLAlchemy 2.0 class on the
// declarative base its classes use, with `name: Mapped[T] = mapped_column(...)`. Types come from
// python-column-type.ts as sqlmodel-column-add writes them; a primary key, foreign keys (`foreign_key=` /
// `ForeignKey(...)`), and server defaults are written; every name used is imported the way the file imports
// its module. A class for the table already in the file leaves it unchanged, so a second run changes nothing.
//
// Uniqueness and plain indexes come with the class. On the column where SQLAlchemy gives exactly the truth's
// object: `unique=True` for a UNIQUE constraint PostgreSQL would name `<table>_<column>_key` (or unnamed),
// `index=True` for a plain index named `ix_<table>_<column>` (SQLAlchemy's name), both for a unique index of
// that name. Everything else in `__table_args__` right after `__tablename__`, as python-table-args.ts writes
// it: `UniqueConstraint("a", "b", name="…")` (the name left out when it is PostgreSQL's `<table>_<a>_<b>_key`),
// `Index("name", "a", "b", unique=True)` for a unique index, `Index("name", "a", "b")`; one item on the line,
// several one a line.
//
// Options: table (SQL name), className, columns (JSON `[{ name, type, nullable, default?, primaryKey? }]` in
// the table's order, types as `format_type()` prints them), foreignKeys (JSON, optional: `[{ column, target:
// "users.id", onDelete?, onUpdate? }]`), datetime (what a plain `datetime` is in the pinned SQLModel), uniques
// (JSON, optional: `[{ columns, name?, form?: "constraint" | "index" }]`), indexes (JSON, optional: `[{ columns,
// name? }]`, plain btree indexes over the columns in that order; a name is needed unless the index is on one
// column).

import type { Node } from '../src/lang/python.ts';
import { namedChildrenOf } from '../src/lang/python.ts';
import { moduleClasses } from '../src/sources/sqlmodel/cst.ts';
import type { ModelClass } from '../src/sources/sqlmodel/cst.ts';
import { FK_ACTIONS } from '../src/model/schema.ts';
import { normalizeDefault } from '../src/compare/normalize/sql-default.ts';
import { CannotApply } from './lib/cannot-apply.ts';
import { pythonColumnType } from './lib/python-column-type.ts';
import type { PyName, SaType } from './lib/python-column-type.ts';
import { applyEdits, indentAt, newline } from './lib/python-edits.ts';
import { addTypingImport, isImported } from './lib/python-imports.ts';
import { nameRef } from './lib/python-name-import.ts';
import type { ImportStep } from './lib/python-name-import.ts';
import { optionalStyle } from './lib/python-optional.ts';
import { plainLiteral, quoteOf, serverDefaultValue } from './lib/python-server-default.ts';
import { sqlalchemyText } from './lib/python-sqlalchemy-text.ts';
import { builderRef } from './lib/python-table-args.ts';
import { withPythonTree } from './lib/python-transform.ts';
import type { PythonApi, PythonFileInfo } from './lib/python-transform.ts';
import type { IndexSpec, UniqueSpec } from './lib/keyed-options.ts';

export const language = 'python';

export interface SqlModelTableAddOptions {
  table: string;
  className: string;
  columns: string | ColumnSpec[];
  foreignKeys?: string | ForeignKeySpec[];
  datetime?: string;
  uniques?: string | UniqueSpec[];
  indexes?: string | IndexSpec[];
}

interface ColumnSpec {
  name: string;
  type: string;
  nullable: boolean;
  default?: string;
  primaryKey?: boolean;
}

interface ForeignKeySpec {
  column: string;
  target: string;
  onDelete?: string;
  onUpdate?: string;
}

const NAME = 'sqlmodel-table-add';
const NAIVE = 'timestamp without time zone';
const IDENTIFIER = /^[A-Za-z_]\w*$/;
const INTEGER_TYPES = new Set(['integer', 'bigint', 'smallint']);
const PYTHON_KEYWORDS = new Set(
  'False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield'.split(' '),
);

interface Planned {
  text: string;
  steps: ImportStep[];
}

export default function transformer(file: PythonFileInfo, api: PythonApi, options: SqlModelTableAddOptions): string {
  if (!options.table || !options.className) throw new Error(`${NAME} needs the options table, className and columns`);
  const columns = list<ColumnSpec>(options.columns, 'columns');
  const foreignKeys = options.foreignKeys === undefined || options.foreignKeys === '' ? [] : list<ForeignKeySpec>(options.foreignKeys, 'foreignKeys');
  const uniques = options.uniques === undefined || options.uniques === '' ? [] : list<UniqueSpec>(options.uniques, 'uniques');
  const indexes = options.indexes === undefined || options.indexes === '' ? [] : list<IndexSpec>(options.indexes, 'indexes');
  if (columns.length === 0) throw new Error(`${NAME}: columns lists no column`);
  const keyed = keyedLayout(options.table, columns, uniques, indexes);
  const planned = withPythonTree(file, api, (root) => plan(root, file.source, options, columns, foreignKeys, keyed));
  if (!planned) return file.source;
  let text = file.source + planned.text;
  // Each import is worked out against the text the previous one left, so several never collide.
  for (const step of planned.steps) text = withPythonTree({ path: file.path, source: text }, api, (root) => applyEdits(text, step(root, text)));
  return text;
}

function list<T>(value: string | T[], name: string): T[] {
  const parsed: unknown = typeof value === 'string' ? JSON.parse(value) : value;
  if (!Array.isArray(parsed)) throw new Error(`${NAME}: ${name} must be a JSON array`);
  return parsed as T[];
}

/** What a column says of its own uniqueness and index (`unique=True`, `index=True`). */
interface Flags {
  unique?: boolean;
  index?: boolean;
}

/** A `__table_args__` item, written once the file's way of calling its builder is known. */
interface TableArg {
  builder: 'UniqueConstraint' | 'Index';
  render: (callee: string, str: (value: string) => string) => string;
}

/**
 * Where each unique and index goes: onto its column as flags where SQLAlchemy makes exactly it from them, else
 * into `__table_args__` (see the header). Refused when SQLAlchemy would be given two indexes of one name.
 */
function keyedLayout(table: string, columns: ColumnSpec[], uniques: UniqueSpec[], indexes: IndexSpec[]): { flags: Map<string, Flags>; args: TableArg[] } {
  const flags = new Map<string, Flags>();
  const args: TableArg[] = [];
  const indexNames = new Set<string>();
  const ixName = (column: string) => `ix_${table}_${column}`;
  const named = (name: string) => {
    if (indexNames.has(name)) throw new CannotApply(`${table}: two indexes would be named ${name}; add the table by hand`);
    indexNames.add(name);
  };
  for (const spec of [...uniques, ...indexes]) {
    if (!Array.isArray(spec.columns) || spec.columns.length === 0) throw new Error(`${NAME}: a unique or index lists no columns`);
    for (const name of spec.columns) if (!columns.some((c) => c.name === name)) throw new Error(`${NAME}: a unique or index on ${name}, which columns does not list`);
  }
  const free = (spec: { columns: string[] }) => spec.columns.length === 1 && !flags.has(spec.columns[0]!);
  for (const u of uniques) {
    const [first] = u.columns as [string];
    const index = u.form === 'index';
    if (free(u) && !index && (u.name === undefined || u.name === `${table}_${first}_key`)) {
      flags.set(first, { unique: true });
      continue;
    }
    if (free(u) && index && (u.name === undefined || u.name === ixName(first))) {
      named(ixName(first));
      flags.set(first, { unique: true, index: true });
      continue;
    }
    if (index) {
      if (u.name === undefined) throw new Error(`${NAME}: a unique index not on one column of its own needs a name`);
      named(u.name);
      args.push({ builder: 'Index', render: (callee, str) => `${callee}(${[u.name!, ...u.columns].map(str).join(', ')}, unique=True)` });
      continue;
    }
    // PostgreSQL names an unnamed UNIQUE constraint `<table>_<a>_<b>_key` itself.
    const name = u.name === `${table}_${u.columns.join('_')}_key` ? undefined : u.name;
    args.push({ builder: 'UniqueConstraint', render: (callee, str) => `${callee}(${u.columns.map(str).join(', ')}${name !== undefined ? `, name=${str(name)}` : ''})` });
  }
  for (const i of indexes) {
    const [first] = i.columns as [string];
    if (free(i) && (i.name === undefined || i.name === ixName(first))) {
      named(ixName(first));
      flags.set(first, { index: true });
      continue;
    }
    const name = i.name ?? (i.columns.length === 1 ? ixName(first) : undefined);
    if (name === undefined) throw new Error(`${NAME}: an index over several columns needs a name`);
    named(name);
    args.push({ builder: 'Index', render: (callee, str) => `${callee}(${[name, ...i.columns].map(str).join(', ')})` });
  }
  return { flags, args };
}

function plan(
  root: Node,
  source: string,
  options: SqlModelTableAddOptions,
  columns: ColumnSpec[],
  foreignKeys: ForeignKeySpec[],
  keyed: ReturnType<typeof keyedLayout>,
): Planned | undefined {
  const { table, className } = options;
  const classes = moduleClasses(root);
  if (classes.some((c) => (c.isTable && c.tableName === table) || (!c.isTable && c.ownTableName === table))) return undefined;
  if (!IDENTIFIER.test(className) || classes.some((c) => c.name === className) || isImported(root, className)) {
    throw new CannotApply(`the class name ${className} is taken or no identifier here; add ${table} by hand`);
  }
  for (const c of columns) {
    if (!IDENTIFIER.test(c.name) || PYTHON_KEYWORDS.has(c.name)) throw new CannotApply(`${table}.${c.name} is not a Python identifier; add the table by hand`);
  }
  if (columns.filter((c) => c.primaryKey).length > 1) throw new CannotApply(`${table} has a primary key over several columns; add the table by hand`);
  const sqlmodel = classes.filter((c) => c.isTable);
  const declarative = classes.filter((c) => !c.isTable && c.ownTableName !== undefined && c.attributes.some((a) => a.annotation && /\bMapped\[/.test(a.annotation.text)));
  const model = sqlmodel[0] ?? declarative[0];
  if (!model) throw new CannotApply(`no SQLModel table class or SQLAlchemy 2.0 mapped class here to write ${table} like; add it by hand`);

  const steps: ImportStep[] = [];
  const imported = new Set<string>();
  const ref = (n: PyName | SaType): string => {
    if (!n.module) return n.name;
    const r = nameRef(root, n.module, n.name, n.module === 'sqlalchemy' ? ['sqlmodel'] : []);
    // A name used by several columns is imported once.
    if (r.step && !imported.has(`${n.module}:${n.name}`)) steps.push(r.step);
    imported.add(`${n.module}:${n.name}`);
    return r.text;
  };
  const saCall = (t: SaType) => (t.args === undefined ? ref(t) : `${ref(t)}(${t.args})`);
  let optionalImported = false;
  const optional = (inner: string): string => {
    const style = optionalStyle(root);
    if (style.kind === 'pipe') return `${inner} | None`;
    if (style.kind === 'union') return `${style.head}[${inner}, None]`;
    if (style.head === 'Optional' && !isImported(root, 'Optional') && !optionalImported) {
      optionalImported = true;
      steps.push((r, s) => addTypingImport(r, s, 'Optional'));
    }
    return `${style.head}[${inner}]`;
  };
  const q = quoteOf(model.node);
  let textImported = false;
  const serverDefault = (sql: string): string => {
    const value = serverDefaultValue(sql);
    if (value.kind === 'string') return plainLiteral(value.value, q);
    const text = sqlalchemyText(root, source, root);
    if (text.edits.length > 0 && !textImported) {
      textImported = true;
      steps.push((r, s) => sqlalchemyText(r, s, r).edits);
    }
    return `${text.callee}(${plainLiteral(value.sql, q)})`;
  };
  const fkOf = (column: string) => {
    const fks = foreignKeys.filter((fk) => fk.column === column);
    if (fks.length > 1) throw new CannotApply(`${table}.${column} references more than one table; add the table by hand`);
    return fks[0] && { ...fks[0], onDelete: action(fks[0].onDelete), onUpdate: action(fks[0].onUpdate) };
  };

  // SQLAlchemy makes a lone integer primary key SERIAL by itself: that is how the truth's `nextval('<table>_<col>_seq')`
  // is written (by saying nothing), and any other integer key must say `autoincrement=False`.
  const keyColumns = columns.filter((c) => c.primaryKey);
  const serialKey = keyColumns.length === 1 && INTEGER_TYPES.has(keyColumns[0]!.type) && !foreignKeys.some((fk) => fk.column === keyColumns[0]!.name) ? keyColumns[0] : undefined;
  const isSerial = (c: ColumnSpec) => c === serialKey && c.default !== undefined && normalizeDefault(c.default) === normalizeDefault(`nextval('${table}_${c.name}_seq'::regclass)`);
  for (const c of columns) {
    if (c.default?.trim().startsWith('nextval(') && !isSerial(c)) throw new CannotApply(`${table}.${c.name}: a sequence default other than its own serial one; add the table by hand`);
  }
  const noAutoincrement = (c: ColumnSpec) => c === serialKey && !isSerial(c);
  const flagKeywords = (c: ColumnSpec) => {
    const f = keyed.flags.get(c.name);
    return [...(f?.unique ? ['unique=True'] : []), ...(f?.index ? ['index=True'] : [])];
  };

  const header = model.isTable
    ? `class ${className}(${ref({ module: 'sqlmodel', name: 'SQLModel' })}, table=True):`
    : `class ${className}(${baseOf(model)}):`;
  const lines = columns.map((c) => {
    const fk = fkOf(c.name);
    const what = `${table}.${c.name}`;
    const serverSide = isSerial(c) ? undefined : c.default;
    if (model.isTable) {
      // SQLModel's Field cannot pass autoincrement=False through to the column the reader reads it from.
      if (noAutoincrement(c)) throw new CannotApply(`${what}: SQLAlchemy would make this integer key SERIAL; add the table by hand`);
      const t = pythonColumnType(c.type, options.datetime || NAIVE, undefined);
      const keywords = [...(c.nullable && !c.primaryKey ? ['default=None'] : []), ...(c.primaryKey ? ['primary_key=True'] : [])];
      if (fk) {
        // SQLModel's Field has no onupdate: such a key needs sa_column=Column(ForeignKey(...)), written by hand.
        if (fk.onUpdate !== 'NO ACTION') throw new CannotApply(`${what}: Field(foreign_key=…) cannot say ON UPDATE ${fk.onUpdate}; add the table by hand`);
        keywords.push(`foreign_key=${plainLiteral(fk.target, q)}`);
        if (fk.onDelete !== 'NO ACTION') keywords.push(`ondelete=${plainLiteral(fk.onDelete, q)}`);
      }
      keywords.push(...flagKeywords(c));
      keywords.push(...t.fieldKeywords);
      if (t.sqlmodelSaType) keywords.push(`sa_type=${saCall(t.sqlmodelSaType)}`);
      if (serverSide !== undefined) keywords.push(`sa_column_kwargs={${plainLiteral('server_default', q)}: ${serverDefault(serverSide)}}`);
      const annotation = ref(t.annotation);
      const type = c.nullable && !c.primaryKey ? optional(annotation) : annotation;
      if (keywords.length === 1 && keywords[0] === 'default=None') return `${c.name}: ${type} = None`;
      return keywords.length === 0 ? `${c.name}: ${type}` : `${c.name}: ${type} = ${ref({ module: 'sqlmodel', name: 'Field' })}(${keywords.join(', ')})`;
    }
    // Plain SQLAlchemy maps a bare `datetime` to a naive timestamp whatever SQLModel does.
    const t = pythonColumnType(c.type, NAIVE, undefined);
    const inner = ref(t.annotation);
    const mapped = mappedHead(model) ?? ref({ module: 'sqlalchemy.orm', name: 'Mapped' });
    const args = [...(t.annotationSuffices ? [] : [saCall(t.saType)])];
    if (fk) {
      const actions = [
        ...(fk.onDelete !== 'NO ACTION' ? [`ondelete=${plainLiteral(fk.onDelete, q)}`] : []),
        ...(fk.onUpdate !== 'NO ACTION' ? [`onupdate=${plainLiteral(fk.onUpdate, q)}`] : []),
      ];
      args.push(`${ref({ module: 'sqlalchemy', name: 'ForeignKey' })}(${[plainLiteral(fk.target, q), ...actions].join(', ')})`);
    }
    if (c.primaryKey) args.push('primary_key=True');
    if (noAutoincrement(c)) args.push('autoincrement=False');
    args.push(...flagKeywords(c));
    if (serverSide !== undefined) args.push(`server_default=${serverDefault(serverSide)}`);
    const annotation = `${mapped}[${c.nullable && !c.primaryKey ? optional(inner) : inner}]`;
    // `orm.Mapped` comes with `orm.mapped_column`: the same module binding, not a second import.
    const prefix = mapped.slice(0, -'Mapped'.length);
    const column = prefix ? `${prefix}mapped_column` : ref({ module: 'sqlalchemy.orm', name: 'mapped_column' });
    return `${c.name}: ${annotation} = ${column}(${args.join(', ')})`;
  });
  for (const fk of foreignKeys) {
    if (!columns.some((c) => c.name === fk.column)) throw new Error(`${NAME}: foreign key on ${fk.column}, which columns does not list`);
  }

  const nl = newline(source);
  const indent = bodyIndent(source, model);
  const str = (value: string) => plainLiteral(value, q);
  const items = keyed.args.map((arg) => {
    const builder = builderRef(root, arg.builder);
    if (builder.step && !imported.has(`sqlalchemy:${arg.builder}`)) steps.push(builder.step);
    imported.add(`sqlalchemy:${arg.builder}`);
    return arg.render(builder.text, str);
  });
  const tableArgs =
    items.length === 0
      ? []
      : items.length === 1
        ? [`${indent}__table_args__ = (${items[0]},)`]
        : [`${indent}__table_args__ = (`, ...items.map((item) => `${indent.repeat(2)}${item},`), `${indent})`];
  const body = [`${indent}__tablename__ = ${plainLiteral(table, q)}`, ...tableArgs, '', ...lines.map((l) => `${indent}${l}`)];
  const block = [header, ...body].join(nl) + nl;
  // PEP 8: two blank lines before a top-level class; the file's last line break is kept as it was.
  const trailing = /(\r\n|\n|\r)*$/.exec(source)![0];
  const breaks = (trailing.match(/\r\n|\n|\r/g) ?? []).length;
  const lead = source.length === 0 ? '' : nl.repeat(Math.max(0, 3 - breaks));
  return { text: `${lead}${block}`, steps };
}

function action(raw: string | undefined): string {
  if (raw === undefined) return 'NO ACTION';
  const value = raw.trim().toUpperCase().replace(/[\s_-]+/g, ' ');
  if (!(FK_ACTIONS as readonly string[]).includes(value)) throw new Error(`${NAME}: a foreign key action must be one of ${FK_ACTIONS.join(', ')}; got ${JSON.stringify(raw)}`);
  return value;
}

/** The declarative base the model class maps through, as its class statement writes it. */
function baseOf(model: ModelClass): string {
  const superclasses = model.node.childForFieldName('superclasses');
  const first = superclasses && namedChildrenOf(superclasses).find((n) => n.type === 'identifier' || n.type === 'attribute');
  if (!first) throw new CannotApply(`${model.name} names no base class to map a new class through; add the table by hand`);
  return first.text;
}

/** `Mapped` or `orm.Mapped`, as the model class's annotations spell it. */
function mappedHead(model: ModelClass): string | undefined {
  for (const attr of model.attributes) {
    const m = attr.annotation?.text.match(/^([\w.]*Mapped)\[/);
    if (m) return m[1];
  }
  return undefined;
}

function bodyIndent(source: string, model: ModelClass): string {
  const body = model.node.childForFieldName('body');
  const first = body && namedChildrenOf(body)[0];
  return first ? indentAt(source, first.startIndex) : '    ';
}
