import type { Node } from 'ts-morph';
import type { Column, Diagnostic, ForeignKey, Span, Table } from '../../model/schema.ts';
import type { LoadedFile } from './load.ts';
import type { ImportBinding } from './imports.ts';

/** One file being read, and what later files need from it to resolve names. */
export interface FileContext {
  file: LoadedFile;
  imports: Map<string, ImportBinding>;
  /** Names declared at the top level, which shadow a same-named import or builder. */
  declared: Set<string>;
  /** Local name under which each export is declared (`export { users as u }` maps `u` to `users`). */
  exports: Map<string, string>;
  /** Every table in the file in source order, with or without a variable. */
  drafts: TableDraft[];
  /** Tables by the variable they are bound to. */
  tables: Map<string, TableDraft>;
  /** Variables bound to `pgSchema("name")`. */
  schemas: Map<string, string>;
  /** Variables bound to `pgEnum(...)`, to the type name as format_type prints it. */
  enums: Map<string, string>;
  diagnostics: Diagnostic[];
}

/** A table while files are still being read: its FKs and enum columns may name things in other files. */
export interface TableDraft {
  table: Table;
  ctx: FileContext;
  variable?: string;
  byKey: Map<string, Column>;
  pendingFks: PendingFk[];
  pendingTypes: PendingType[];
}

/** A column reference as written: `t.userId` inside the table's own config, or `users.id` / `schema.users.id`. */
export type ColumnRef =
  | { kind: 'self'; key: string; node: Node }
  | { kind: 'path'; path: string[]; node: Node };

export interface PendingFk {
  /** Complete except for `target`, which is filled in once names can be resolved. */
  fk: ForeignKey;
  targets: ColumnRef[];
  node: Node;
}

/** A column built by something other than a pg-core builder, most likely an enum from `pgEnum`. */
export interface PendingType {
  column: Column;
  path: string[];
  isArray: boolean;
  node: Node;
}

export function span(ctx: FileContext, start: Node | number, end: Node | number = start): Span {
  const from = typeof start === 'number' ? start : start.getStart();
  const to = typeof end === 'number' ? end : end.getEnd();
  return ctx.file.lines.span(ctx.file.shown, from, to);
}

export function warn(ctx: FileContext, message: string, node?: Node): void {
  ctx.diagnostics.push(node ? { message, loc: span(ctx, node) } : { message });
}
