// One `class X(SQLModel, table=True)` into a normalized Table, following what SQLModel's
// `get_column_from_field` would build, without running it.

import type { Node } from '../../lang/python.ts';
import { namedChildrenOf } from '../../lang/python.ts';
import { DEFAULT_SCHEMA, parseColumnRef } from '../../model/names.ts';
import type { Column, ForeignKey, Table } from '../../model/schema.ts';
import { readAnnotation } from './annotation.ts';
import type { PrimaryKeyDraft, TableContext } from './context.ts';
import { calleeName, fieldAttributes, fieldCall, keywordArgs, stringValue } from './cst.ts';
import type { ClassAttribute, KeywordArg, ModelClass } from './cst.ts';
import { fkAction, serverDefaultSql } from './defaults.ts';
import { readSaColumn } from './sa-column.ts';
import { columnIndexName, readTableArgs, tableArgsSchema } from './table-args.ts';
import { boolValue, intValue, pythonTypeToSql, saTypeToSql } from './types.ts';

export type { TableContext } from './context.ts';

/** Class attributes SQLModel or pydantic treat as configuration, never as columns. */
const NOT_FIELDS = new Set(['__tablename__', '__table_args__', 'model_config']);

/** A mapped class's table before its columns are read: SQLModel and SQLAlchemy classes start alike. */
export function classTable(cls: ModelClass, name: string, ctx: TableContext): { table: Table; tableArgs: ReturnType<typeof tableArgsOf> } {
  const tableArgs = tableArgsOf(cls);
  const table: Table = {
    schema: tableArgsSchema(tableArgs) ?? DEFAULT_SCHEMA,
    name,
    columns: [],
    foreignKeys: [],
    uniques: [],
    indexes: [],
    loc: ctx.span(cls.node),
    binding: cls.name,
  };
  return { table, tableArgs };
}

function tableArgsOf(cls: ModelClass) {
  return cls.attributes.find((a) => a.name === '__table_args__')?.value;
}

export function readTable(cls: ModelClass, ctx: TableContext): Table {
  const { table, tableArgs } = classTable(cls, cls.tableName, ctx);
  const pk: PrimaryKeyDraft = { columns: [] };
  for (const attr of fieldAttributes(cls, ctx.classes)) {
    if (NOT_FIELDS.has(attr.name) || attr.name.startsWith('_') || !attr.annotation) continue;
    if (attr.value && calleeName(attr.value) === 'Relationship') continue;
    const annotation = readAnnotation(attr.annotation);
    if (annotation.classVar) continue;
    readColumn(table, pk, attr, attr.annotation, annotation, ctx);
  }
  if (tableArgs) readTableArgs(table, pk, tableArgs, ctx);
  if (pk.columns.length > 0) table.primaryKey = pk;
  else ctx.diagnostics.push({ message: `table ${table.name} has no primary key`, loc: table.loc });
  return table;
}

function readColumn(
  table: Table,
  pk: PrimaryKeyDraft,
  attr: ClassAttribute,
  annotationNode: Node,
  annotation: ReturnType<typeof readAnnotation>,
  ctx: TableContext,
): void {
  const call = fieldCall(attr);
  const kw = new Map<string, KeywordArg>((call ? keywordArgs(call) : []).map((k) => [k.name, k]));
  const where = `${table.name}.${attr.name}`;
  const saColumn = kw.get('sa_column');
  if (saColumn && calleeName(saColumn.value) === 'Column') {
    // SQLModel uses the Column as it is: its type, nullability and keys, not the annotation's.
    readSaColumn(table, pk, { call: saColumn.value, attrName: attr.name, statement: attr.statement, nullableDefault: true }, ctx);
    return;
  }
  const flag = (name: string): boolean => {
    const arg = kw.get(name);
    const value = boolValue(arg?.value);
    if (value === null) ctx.diagnostics.push({ message: `${where}: ${name}= is not a literal, ignored`, loc: ctx.span(arg!.node) });
    return value === true;
  };

  const column: Column = {
    name: attr.name,
    type: { sql: null, written: annotationNode.text },
    nullable: false,
    loc: ctx.span(attr.statement),
    binding: attr.name,
  };
  table.columns.push(column);

  const isPk = flag('primary_key');
  const explicitNullable = boolValue(kw.get('nullable')?.value);
  column.nullable = typeof explicitNullable === 'boolean' ? explicitNullable : !isPk && annotation.optional;
  if (isPk) {
    // PostgreSQL makes primary key columns NOT NULL whatever the model says.
    column.nullable = false;
    pk.columns.push(attr.name);
    pk.loc ??= ctx.span(kw.get('primary_key')!.node);
  }

  if (saColumn) {
    ctx.diagnostics.push({ message: `${where}: sa_column=${saColumn.value.text} is not a Column(...) call, ignored`, loc: ctx.span(saColumn.node) });
    return;
  }
  // SQLAlchemy makes a lone integer key SERIAL only when Python supplies no default of its own.
  const pyDefault = kw.get('default');
  if ((pyDefault && pyDefault.value.type !== 'none') || kw.has('default_factory')) ctx.autoincrement?.set(column, false);

  column.type.sql = columnType(where, annotationNode, annotation.typeName, kw, ctx) ?? null;
  const serverDefault = readServerDefault(where, kw.get('sa_column_kwargs'), ctx);
  if (serverDefault !== undefined) column.default = serverDefault;

  const fk = kw.get('foreign_key');
  if (fk && call) readForeignKey(table, attr.name, call, fk, kw.get('ondelete'), ctx);

  const unique = flag('unique');
  if (flag('index')) {
    // SQLAlchemy turns `index=True, unique=True` into one unique index, not a constraint plus an index.
    table.indexes.push({
      name: columnIndexName(table, attr.name, ctx),
      columns: [attr.name],
      unique,
      loc: ctx.span(kw.get('index')!.node),
    });
  } else if (unique) {
    table.uniques.push({ columns: [attr.name], loc: ctx.span(kw.get('unique')!.node) });
  }
}

function columnType(
  where: string,
  annotationNode: Node,
  typeName: string | undefined,
  kw: ReadonlyMap<string, KeywordArg>,
  ctx: TableContext,
): string | undefined {
  const saType = kw.get('sa_type');
  if (saType) {
    const sql = saTypeToSql(saType.value);
    if (!sql) ctx.diagnostics.push({ message: `${where}: unsupported type ${saType.value.text} ignored`, loc: ctx.span(saType.node) });
    return sql;
  }
  const int = (name: string): number | undefined => {
    const value = intValue(kw.get(name)?.value);
    return value === null ? undefined : value;
  };
  const sql =
    typeName &&
    pythonTypeToSql(
      typeName,
      { maxLength: int('max_length'), maxDigits: int('max_digits'), decimalPlaces: int('decimal_places'), utcDatetime: ctx.utcDatetime },
      ctx.enums,
    );
  if (!sql) {
    ctx.diagnostics.push({ message: `${where}: unsupported type ${annotationNode.text} ignored`, loc: ctx.span(annotationNode) });
  }
  return sql || undefined;
}

function readForeignKey(
  table: Table,
  column: string,
  call: Node,
  arg: KeywordArg,
  onDeleteArg: KeywordArg | undefined,
  ctx: TableContext,
): void {
  const text = stringValue(arg.value);
  const ref = text === undefined ? undefined : parseColumnRef(text);
  if (!ref) {
    ctx.diagnostics.push({
      message: `${table.name}.${column}: foreign_key ${arg.value.text} is not a "table.column" string literal, ignored`,
      loc: ctx.span(arg.node),
    });
    return;
  }
  const fk: ForeignKey = {
    columns: [column],
    target: { schema: ref.schema, table: ref.table, columns: [ref.column] },
    onDelete: 'NO ACTION',
    onUpdate: 'NO ACTION',
    loc: ctx.span(call),
    targetLoc: ctx.span(arg.value),
  };
  if (onDeleteArg) {
    fk.onDeleteLoc = ctx.span(onDeleteArg.node);
    const action = fkAction(onDeleteArg.value);
    if (action) fk.onDelete = action;
    else if (onDeleteArg.value.type !== 'none') {
      ctx.diagnostics.push({
        message: `${table.name}.${column}: ondelete=${onDeleteArg.value.text} is not a referential action, ignored`,
        loc: fk.onDeleteLoc,
      });
    }
  }
  table.foreignKeys.push(fk);
}

/** `sa_column_kwargs={"server_default": ...}`: the one database-side default SQLModel fields can carry. */
function readServerDefault(where: string, arg: KeywordArg | undefined, ctx: TableContext): string | undefined {
  if (!arg || arg.value.type !== 'dictionary') return undefined;
  for (const pair of namedChildrenOf(arg.value)) {
    if (pair.type !== 'pair') continue;
    const key = pair.childForFieldName('key');
    const value = pair.childForFieldName('value');
    if (!key || !value || stringValue(key) !== 'server_default') continue;
    const sql = serverDefaultSql(value);
    if (sql === undefined) {
      ctx.diagnostics.push({ message: `${where}: server_default ${value.text} not understood, ignored`, loc: ctx.span(pair) });
    }
    return sql;
  }
  return undefined;
}
