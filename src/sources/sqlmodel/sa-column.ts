// One SQLAlchemy column: `Column(...)`, `mapped_column(...)` or a bare `Mapped[T]` annotation, as
// SQLAlchemy 2 builds it. Shared by declarative classes, `Table(...)` and SQLModel's `sa_column=`.

import type { Node } from '../../lang/python.ts';
import { namedChildrenOf } from '../../lang/python.ts';
import { parseColumnRef } from '../../model/names.ts';
import type { Column, ForeignKey, Table } from '../../model/schema.ts';
import type { AnnotationInfo } from './annotation.ts';
import type { PrimaryKeyDraft, TableContext } from './context.ts';
import { calleeName, keywordArgs, stringValue } from './cst.ts';
import type { KeywordArg } from './cst.ts';
import { fkAction, serverDefaultSql } from './defaults.ts';
import { constraintNameFor, conventionName, DEFAULT_NAMING } from './naming.ts';
import { boolValue, pythonTypeToSql, saTypeToSql } from './types.ts';

export interface ColumnInput {
  /** `Column(...)`/`mapped_column(...)`, absent for a bare `Mapped[T]`. */
  call?: Node;
  /** The Python attribute, the column's name unless the call names it. */
  attrName?: string;
  /** Where the column is reported. */
  statement: Node;
  /** The `Mapped[...]` (or SQLModel) annotation, unwrapped. */
  annotation?: { node: Node; info: AnnotationInfo };
  /** Nullability when neither `nullable=` nor the annotation says: `not primary_key` in SQLAlchemy. */
  nullableDefault?: boolean;
}

/** Positional arguments that are schema items, not the column's type. */
const SCHEMA_ITEMS = new Set(['ForeignKey', 'Sequence', 'Identity', 'Computed', 'CheckConstraint', 'FetchedValue', 'DefaultClause']);

export function positionalArgs(call: Node): Node[] {
  const list = call.childForFieldName('arguments');
  if (!list) return [];
  return namedChildrenOf(list).filter((a) => a.type !== 'keyword_argument' && a.type !== 'comment');
}

export function readSaColumn(table: Table, pk: PrimaryKeyDraft, input: ColumnInput, ctx: TableContext): Column | undefined {
  const { call } = input;
  const kw = new Map<string, KeywordArg>((call ? keywordArgs(call) : []).map((k) => [k.name, k]));
  const args = call ? positionalArgs(call) : [];
  let name = input.attrName;
  let typeNode: Node | undefined = kw.get('type_')?.value;
  const fkCalls: Node[] = [];
  for (const [i, arg] of args.entries()) {
    const literal = stringValue(arg);
    if (i === 0 && literal !== undefined) name = literal;
    else if (SCHEMA_ITEMS.has(calleeName(arg) ?? '')) {
      if (calleeName(arg) === 'ForeignKey') fkCalls.push(arg);
      else unsupported(arg, `${calleeName(arg)}(...) not yet supported, ignored`);
    } else typeNode ??= arg;
  }
  const nameArg = kw.get('name');
  if (nameArg) name = stringValue(nameArg.value) ?? name;
  if (!name) {
    ctx.diagnostics.push({ message: `${table.name}: a column without a literal name, ignored`, loc: ctx.span(input.statement) });
    return undefined;
  }
  const where = `${table.name}.${name}`;
  function unsupported(node: Node, what: string): void {
    ctx.diagnostics.push({ message: `${table.name}.${name ?? '?'}: ${what}`, loc: ctx.span(node) });
  }
  const flag = (key: string): boolean => {
    const arg = kw.get(key);
    const value = boolValue(arg?.value);
    if (value === null) unsupported(arg!.node, `${key}= is not a literal, ignored`);
    return value === true;
  };

  const column: Column = {
    name,
    type: { sql: null, written: (typeNode ?? input.annotation?.node)?.text },
    nullable: false,
    loc: ctx.span(input.statement),
    binding: input.attrName,
  };
  table.columns.push(column);

  const isPk = flag('primary_key');
  const explicit = boolValue(kw.get('nullable')?.value);
  if (explicit === null) unsupported(kw.get('nullable')!.node, 'nullable= is not a literal, ignored');
  if (typeof explicit === 'boolean') column.nullable = explicit;
  else if (input.annotation) column.nullable = input.annotation.info.optional;
  else column.nullable = input.nullableDefault ?? true;
  if (isPk) {
    column.nullable = false;
    pk.columns.push(name);
    pk.loc ??= ctx.span(kw.get('primary_key')!.node);
  }

  if (typeNode) {
    column.type.sql = saTypeToSql(typeNode) ?? null;
    if (!column.type.sql) unsupported(typeNode, `unsupported type ${typeNode.text} ignored`);
  } else if (input.annotation?.info.typeName && !fkCalls.length) {
    // With a ForeignKey and no explicit type, SQLAlchemy ignores the annotation's type and copies the
    // target column's (`_init_column_for_annotation` skips columns with foreign keys).
    // SQLAlchemy's default type_annotation_map: the same Python → SQL mapping as SQLModel's for these.
    const typeName = input.annotation.info.typeName;
    if (ctx.typeMap?.has(typeName)) {
      // The base's own mapping wins; an entry it could not read was reported there, so no second warning.
      column.type.sql = ctx.typeMap.get(typeName) ?? null;
    } else {
      column.type.sql = pythonTypeToSql(typeName, {}, ctx.enums) ?? null;
      if (!column.type.sql) unsupported(input.annotation.node, `unsupported type ${input.annotation.node.text} ignored`);
    }
  } else if (!fkCalls.length) {
    unsupported(input.statement, 'no type SQLAlchemy would know statically, ignored');
  }

  const serverDefault = kw.get('server_default');
  if (serverDefault && serverDefault.value.type !== 'none') {
    const sql = serverDefaultSql(serverDefault.value);
    if (sql === undefined) unsupported(serverDefault.node, `server_default ${serverDefault.value.text} not understood, ignored`);
    else column.default = sql;
  }
  // A Python-side default or an explicit autoincrement= decides whether an integer key becomes SERIAL.
  const auto = kw.get('autoincrement')?.value;
  if (auto?.type === 'false') ctx.autoincrement?.set(column, false);
  else if (auto?.type === 'true') ctx.autoincrement?.set(column, true);
  else if (hasValue(kw.get('default')) || kw.has('insert_default')) ctx.autoincrement?.set(column, false);

  const typeFromFk = !typeNode;
  for (const fkCall of fkCalls) {
    const fk = readForeignKeyCall(table, column, fkCall, ctx);
    if (fk && typeFromFk && fkCall === fkCalls[0]) ctx.typeFromTarget?.push({ column, fk });
  }

  const unique = flag('unique');
  if (flag('index')) {
    table.indexes.push({
      name: conventionName(ctx.naming ?? DEFAULT_NAMING, 'ix', { table: table.name, columns: [name] }) ?? `ix_${table.name}_${name}`,
      columns: [name],
      unique,
      loc: ctx.span(kw.get('index')!.node),
    });
  } else if (unique) {
    const ucName = ctx.naming && conventionName(ctx.naming, 'uq', { table: table.name, columns: [name] });
    table.uniques.push({ columns: [name], ...(ucName ? { name: ucName } : {}), loc: ctx.span(kw.get('unique')!.node) });
  }
  return column;
}

function hasValue(arg: KeywordArg | undefined): boolean {
  return !!arg && arg.value.type !== 'none';
}

/** `ForeignKey("t.c", ondelete=…, onupdate=…, name=…)` or `ForeignKey(User.id)`. */
function readForeignKeyCall(table: Table, column: Column, call: Node, ctx: TableContext): ForeignKey | undefined {
  const target = positionalArgs(call)[0];
  const ref = target && columnRef(target, ctx);
  if (!target || !ref) {
    ctx.diagnostics.push({
      message: `${table.name}.${column.name}: ForeignKey target ${target?.text ?? '(none)'} is not a "table.column" literal, ignored`,
      loc: ctx.span(call),
    });
    return undefined;
  }
  const kw = new Map(keywordArgs(call).map((k) => [k.name, k]));
  const fk: ForeignKey = {
    columns: [column.name],
    target: { schema: ref.schema, table: ref.table, columns: [ref.column] },
    onDelete: 'NO ACTION',
    onUpdate: 'NO ACTION',
    loc: ctx.span(call),
    targetLoc: ctx.span(target),
  };
  for (const [key, field] of [['ondelete', 'onDelete'], ['onupdate', 'onUpdate']] as const) {
    const arg = kw.get(key);
    if (!arg || arg.value.type === 'none') continue;
    if (key === 'ondelete') fk.onDeleteLoc = ctx.span(arg.node);
    const action = fkAction(arg.value);
    if (action) fk[field] = action;
    else ctx.diagnostics.push({ message: `${table.name}.${column.name}: ${arg.node.text} is not a referential action, ignored`, loc: ctx.span(arg.node) });
  }
  const explicit = kw.get('name') && stringValue(kw.get('name')!.value);
  const name = constraintNameFor(ctx.naming, 'fk', {
    table: table.name,
    columns: [column.name],
    referredTable: ref.table,
    referredColumns: [ref.column],
    constraintName: explicit || undefined,
  });
  if (name) fk.name = name;
  table.foreignKeys.push(fk);
  return fk;
}

/** `"schema.table.column"`/`"table.column"`, or `Model.attr` for a mapped class read. */
export function columnRef(node: Node, ctx: TableContext): ReturnType<typeof parseColumnRef> {
  const text = stringValue(node);
  if (text !== undefined) return parseColumnRef(text);
  if (node.type === 'attribute') {
    const owner = node.childForFieldName('object')?.text;
    const attr = node.childForFieldName('attribute')?.text;
    const table = owner && ctx.tableOfClass?.get(owner);
    if (table && attr) return parseColumnRef(`${table}.${attr}`);
  }
  return undefined;
}
