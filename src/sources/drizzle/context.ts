import type { ts } from 'ts-morph';
import type { Column, Diagnostic, ForeignKey, Span, Table } from '../../model/schema.ts';
import type { Casing } from './config.ts';
import type { ImportBinding, ReExport } from './imports.ts';
import type { LoadedFile } from './load.ts';
import type { ModuleResolver } from './modules.ts';
import { nodeText } from './node-text.ts';

export interface Program {
  modules: ModuleResolver;
  contexts: Map<string, FileContext>;
}

/** One file being read, and what later files need from it to resolve names. */
export interface FileContext {
  file: LoadedFile;
  /** How keys written without a column name become names. */
  casing?: Casing;
  imports: Map<string, ImportBinding>;
  /** Names declared at the top level, which shadow a same-named import or builder. */
  declared: Set<string>;
  /** Local name under which each export is declared (`export { users as u }` maps `u` to `users`). */
  exports: Map<string, string>;
  reExports: ReExport[];
  /** Every file being read, for what crosses files (imported column helpers). */
  program: Program;
  /** Every table in the file in source order, with or without a variable. */
  drafts: TableDraft[];
  /** Tables by the variable they are bound to. */
  tables: Map<string, TableDraft>;
  /** Variables bound to `pgSchema("name")`. */
  schemas: Map<string, string>;
  /** Variables bound to `pgEnum(...)`, to the type name as format_type prints it. */
  enums: Map<string, string>;
  /** Variables bound to `customType({ dataType })`: the declared type, or null when it is not static. */
  customTypes: Map<string, string | null>;
  /** Variables bound to `pgTableCreator((name) => \`app_${name}\`)`: the name around the table's, or null if not static. */
  tableCreators: Map<string, { prefix: string; suffix: string } | null>;
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
  /** `.generatedAlwaysAs(...)` expressions, read once every column of the table is known, and the file each is written in. */
  pendingGenerated: { column: Column; node: ts.Node; ctx: FileContext }[];
  /** A `check(...)` could not be read: the table's checks are then unknown rather than incomplete. */
  checksUnreadable?: boolean;
}

/** `products.price` (the table's own variable) or `t.price` (the config callback's parameter) as a column name. */
export function ownColumn(draft: TableDraft, path: string[], param?: string): string | undefined {
  if (path.length !== 2 || (path[0] !== draft.variable && path[0] !== param)) return undefined;
  return draft.byKey.get(path[1]!)?.name;
}

/** A column reference as written: `t.userId` inside the table's own config, or `users.id` / `schema.users.id`. */
export type ColumnRef =
  | { kind: 'self'; key: string; node: ts.Node }
  | { kind: 'path'; path: string[]; node: ts.Node };

export interface PendingFk {
  /** Complete except for `target`, which is filled in once names can be resolved. */
  fk: ForeignKey;
  /** The file it is written in, when not the table's (a column spread from a helper in another file). */
  ctx?: FileContext;
  targets: ColumnRef[];
  node: ts.Node;
}

/** A column built by something other than a pg-core builder: an enum from `pgEnum`, or a `customType`. */
export interface PendingType {
  ctx?: FileContext;
  column: Column;
  path: string[];
  isArray: boolean;
  node: ts.Node;
}

export function span(ctx: FileContext, start: ts.Node | number, end: ts.Node | number = start): Span {
  const from = typeof start === 'number' ? start : start.getStart(ctx.file.sourceFile);
  const to = typeof end === 'number' ? end : end.end;
  return ctx.file.lines.span(ctx.file.shown, from, to);
}

/** A node of the file `ctx` reads, as written there. */
export function text(ctx: FileContext, node: ts.Node): string {
  return nodeText(node, ctx.file.sourceFile);
}

export function warn(ctx: FileContext, message: string, node?: ts.Node): void {
  ctx.diagnostics.push(node ? { message, loc: span(ctx, node) } : { message });
}
