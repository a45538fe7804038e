// Table-level schema items: `__table_args__` (a tuple of constraints, optionally ending in a dict of
// options, or just the dict) and the extra positional arguments of `Table(...)`.

import type { Node } from '../../lang/python.ts';
import { namedChildrenOf } from '../../lang/python.ts';
import type { ForeignKey, Table } from '../../model/schema.ts';
import type { PrimaryKeyDraft, TableContext } from './context.ts';
import { calleeName, keywordArgs, stringValue } from './cst.ts';
import { fkAction } from './defaults.ts';
import { constraintNameFor, conventionName, DEFAULT_NAMING } from './naming.ts';
import { columnRef, positionalArgs } from './sa-column.ts';

const items = (node: Node) => namedChildrenOf(node).filter((n) => n.type !== 'comment');

/** The `{"schema": …}` of `__table_args__`, read before columns so spans and names use the right schema. */
export function tableArgsSchema(args: Node | undefined): string | undefined {
  if (!args) return undefined;
  const dicts = args.type === 'dictionary' ? [args] : args.type === 'tuple' ? items(args).filter((n) => n.type === 'dictionary') : [];
  for (const dict of dicts) {
    for (const pair of items(dict)) {
      const key = pair.type === 'pair' ? pair.childForFieldName('key') : null;
      const value = pair.type === 'pair' ? pair.childForFieldName('value') : null;
      if (key && value && stringValue(key) === 'schema') return stringValue(value);
    }
  }
  return undefined;
}

/** Every constraint in `__table_args__`, once the table's columns are known. */
export function readTableArgs(table: Table, pk: PrimaryKeyDraft, args: Node, ctx: TableContext): void {
  if (args.type === 'dictionary') return;
  if (args.type !== 'tuple') {
    ctx.diagnostics.push({ message: `${table.name}: __table_args__ ${args.type} is not a tuple or dict, ignored`, loc: ctx.span(args) });
    return;
  }
  for (const item of items(args)) if (item.type !== 'dictionary') readSchemaItem(table, pk, item, ctx);
}

/** One `UniqueConstraint`/`Index`/`ForeignKeyConstraint`/`CheckConstraint`/`PrimaryKeyConstraint(...)`. */
export function readSchemaItem(table: Table, pk: PrimaryKeyDraft, item: Node, ctx: TableContext): void {
  const kind = calleeName(item);
  const kw = new Map(keywordArgs(item).map((k) => [k.name, k.value]));
  const args = item.type === 'call' ? positionalArgs(item) : [];
  const skip = (why: string): void => void ctx.diagnostics.push({ message: `${table.name}: ${why}, ignored`, loc: ctx.span(item) });
  const nameOf = (node: Node | undefined) => (node ? stringValue(node) : undefined);
  const columnName = (node: Node): string | undefined => {
    const literal = stringValue(node);
    if (literal !== undefined) return literal;
    // `Index("ix", Model.email)` / `UniqueConstraint(email)` inside a class body: a column by attribute.
    const attr = node.type === 'attribute' ? node.childForFieldName('attribute')?.text : node.type === 'identifier' ? node.text : undefined;
    return attr && (table.columns.find((c) => c.binding === attr || c.name === attr)?.name);
  };
  const columns = (nodes: Node[]): string[] | undefined => {
    const names = nodes.map(columnName);
    return names.every((n): n is string => n !== undefined) ? names : undefined;
  };

  switch (kind) {
    case 'UniqueConstraint': {
      const cols = columns(args);
      if (!cols) return skip(`${item.text} names columns we cannot read`);
      const name = constraintNameFor(ctx.naming, 'uq', { table: table.name, columns: cols, constraintName: nameOf(kw.get('name')) });
      table.uniques.push({ columns: cols, ...(name ? { name } : {}), loc: ctx.span(item) });
      return;
    }
    case 'Index': {
      const [first, ...rest] = args;
      const name = first && stringValue(first);
      const cols = columns(rest);
      if (!name || !cols || !cols.length || [...kw.keys()].some((k) => k !== 'unique')) {
        return skip(`${item.text} is not a plain named column index`);
      }
      const unique = kw.get('unique')?.type === 'true';
      table.indexes.push({ name, columns: cols, unique, loc: ctx.span(item) });
      return;
    }
    case 'PrimaryKeyConstraint': {
      const cols = columns(args);
      if (!cols) return skip(`${item.text} names columns we cannot read`);
      pk.columns.splice(0, pk.columns.length, ...cols);
      pk.loc = ctx.span(item);
      pk.name = constraintNameFor(ctx.naming, 'pk', { table: table.name, columns: cols, constraintName: nameOf(kw.get('name')) });
      for (const c of table.columns) if (cols.includes(c.name)) c.nullable = false;
      return;
    }
    case 'ForeignKeyConstraint': {
      const [local, remote] = args;
      const cols = local?.type === 'list' || local?.type === 'tuple' ? columns(items(local)) : undefined;
      const refs = remote?.type === 'list' || remote?.type === 'tuple' ? items(remote).map((n) => columnRef(n, ctx)) : undefined;
      if (!cols || !refs || refs.length !== cols.length || refs.some((r) => !r)) return skip(`${item.text} is not literal`);
      const first = refs[0]!;
      if (refs.some((r) => r!.schema !== first.schema || r!.table !== first.table)) return skip(`${item.text} refers to several tables`);
      const fk: ForeignKey = {
        columns: cols,
        target: { schema: first.schema, table: first.table, columns: refs.map((r) => r!.column) },
        onDelete: 'NO ACTION',
        onUpdate: 'NO ACTION',
        loc: ctx.span(item),
        targetLoc: ctx.span(remote!),
      };
      for (const [key, field] of [['ondelete', 'onDelete'], ['onupdate', 'onUpdate']] as const) {
        const value = kw.get(key);
        if (!value || value.type === 'none') continue;
        const action = fkAction(value);
        if (action) fk[field] = action;
        else skip(`${key}=${value.text} is not a referential action`);
      }
      const name = constraintNameFor(ctx.naming, 'fk', {
        table: table.name,
        columns: cols,
        referredTable: first.table,
        referredColumns: fk.target.columns,
        constraintName: nameOf(kw.get('name')),
      });
      if (name) fk.name = name;
      table.foreignKeys.push(fk);
      return;
    }
    case 'CheckConstraint': {
      const expression = args[0] && stringValue(args[0]);
      if (expression === undefined) return skip(`${item.text} is not a literal SQL condition`);
      const name = constraintNameFor(ctx.naming, 'ck', { table: table.name, columns: [], constraintName: nameOf(kw.get('name')) });
      (table.checks ??= []).push({ expression, ...(name ? { name } : {}), loc: ctx.span(item) });
      return;
    }
    default:
      return skip(`${item.text.split('\n')[0]} not yet supported`);
  }
}

/** The index name SQLAlchemy would give `index=True` on a column: the convention, `ix_<table>_<column>` by default. */
export function columnIndexName(table: Table, column: string, ctx: TableContext): string {
  return conventionName(ctx.naming ?? DEFAULT_NAMING, 'ix', { table: table.name, columns: [column] }) ?? `ix_${table.name}_${column}`;
}
