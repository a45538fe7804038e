import type { Column } from '../../model/schema.ts';
import { type ColumnRef, type FileContext, type TableDraft, text, warn } from './context.ts';
import type { ModuleResolver } from './modules.ts';

type Found<T> = { value: T } | { ambiguous: string[] } | undefined;

/** Fills in FK targets and enum / custom column types, which may name tables and types of other files. */
export function resolvePending(contexts: FileContext[], modules: ModuleResolver): void {
  const resolver = new Resolver(contexts, modules);
  for (const tableCtx of contexts) {
    for (const draft of tableCtx.drafts) {
      for (const pending of draft.pendingTypes) {
        const ctx = pending.ctx ?? tableCtx;
        const found = resolver.lookup(ctx, pending.path, (c) => c.enums);
        const custom = found ? undefined : resolver.lookup(ctx, pending.path, (c) => c.customTypes);
        if (found && 'value' in found) {
          pending.column.type.sql = found.value + (pending.isArray ? '[]' : '');
        } else if (custom && 'value' in custom) {
          pending.column.type.sql = custom.value === null ? null : custom.value + (pending.isArray ? '[]' : '');
          if (custom.value === null) {
            warn(ctx, `customType ${pending.path.join('.')} has no static dataType(); type of ${draft.table.name}.${pending.column.name} unknown`, pending.node);
          }
        } else {
          warn(ctx, `unsupported column builder ${pending.path.join('.')} ignored${ambiguity(found ?? custom)}`, pending.node);
        }
      }
      for (const pending of draft.pendingFks) {
        const ctx = pending.ctx ?? tableCtx;
        const targets = pending.targets.map((ref) => resolver.column(ctx, draft, ref));
        const failed = targets.findIndex((t) => !('column' in t));
        if (failed >= 0) {
          const ref = pending.targets[failed]!;
          warn(ctx, `cannot resolve foreign key target ${text(ctx, ref.node)}: ${(targets[failed] as { why: string }).why}; foreign key ignored`, ref.node);
          continue;
        }
        const resolved = targets as { table: TableDraft; column: Column }[];
        const table = resolved[0]!.table;
        if (resolved.some((t) => t.table !== table)) {
          warn(ctx, 'foreign key targets columns of different tables; ignored', pending.node);
          continue;
        }
        pending.fk.target = { schema: table.table.schema, table: table.table.name, columns: resolved.map((t) => t.column.name) };
        draft.table.foreignKeys.push(pending.fk);
      }
    }
  }
}

function ambiguity(found: Found<unknown>): string {
  return found && 'ambiguous' in found ? ` (exported by more than one file: ${found.ambiguous.join(', ')})` : '';
}

class Resolver {
  private readonly byPath: Map<string, FileContext>;

  constructor(
    private readonly contexts: FileContext[],
    private readonly modules: ModuleResolver,
  ) {
    this.byPath = new Map(contexts.map((c) => [c.file.abs, c]));
  }

  /** The table and column a reference names, looked up from the file `ctx` it is written in. */
  column(ctx: FileContext, owner: TableDraft, ref: ColumnRef): { table: TableDraft; column: Column } | { why: string } {
    const tablePath = ref.kind === 'self' ? undefined : ref.path.slice(0, -1);
    const key = ref.kind === 'self' ? ref.key : ref.path[ref.path.length - 1]!;
    const found = tablePath ? this.lookup(ctx, tablePath, (c) => c.tables) : { value: owner };
    if (!found || !('value' in found)) {
      return { why: `no table ${tablePath!.join('.')} in scope${ambiguity(found)}` };
    }
    const column = found.value.byKey.get(key);
    return column
      ? { table: found.value, column }
      : { why: `table ${found.value.table.name} has no column ${key}` };
  }

  /**
   * `users` declared in this file, else imported (`import { users as u }`), else `schema.users` through a
   * namespace import. An import is looked up in the file its specifier resolves to (relative, or through
   * the tsconfig's path aliases), following re-exports; when it cannot be resolved, in any file read that
   * exports the name, if only one does.
   */
  lookup<T>(ctx: FileContext, names: string[], pick: (c: FileContext) => Map<string, T>): Found<T> {
    const [head, member] = names;
    if (head === undefined || names.length > 2) return undefined;
    const binding = ctx.imports.get(head);
    if (names.length === 1) {
      const local = pick(ctx).get(head);
      if (local !== undefined) return { value: local };
      if (!binding || binding.imported === '*' || binding.imported === 'default') return undefined;
      return this.imported(ctx, binding.module, binding.imported, pick);
    }
    if (binding?.imported !== '*' || member === undefined) return undefined;
    return this.imported(ctx, binding.module, member, pick);
  }

  private imported<T>(from: FileContext, module: string, name: string, pick: (c: FileContext) => Map<string, T>): Found<T> {
    const file = this.modules.resolve(from.file.abs, module);
    const target = file === undefined ? undefined : this.byPath.get(file);
    if (target) {
      const value = this.exported(target, name, pick, new Set());
      return value === undefined ? undefined : { value };
    }
    const exporters = this.contexts.filter((c) => this.exported(c, name, pick, new Set()) !== undefined);
    if (exporters.length === 1) return { value: this.exported(exporters[0]!, name, pick, new Set())! };
    if (exporters.length > 1) return { ambiguous: exporters.map((c) => c.file.shown) };
    return undefined;
  }

  /** What `ctx` exports as `name`: declared there, or re-exported from another file read. */
  private exported<T>(ctx: FileContext, name: string, pick: (c: FileContext) => Map<string, T>, seen: Set<string>): T | undefined {
    // A name, not a file, is visited once: a barrel may re-export one file both wholesale and renamed.
    const visit = `${ctx.file.abs}\0${name}`;
    if (seen.has(visit)) return undefined;
    seen.add(visit);
    const local = ctx.exports.get(name);
    if (local !== undefined) {
      const value = pick(ctx).get(local);
      if (value !== undefined) return value;
      // `import { users } from "./users"; export { users as people }`: the export is itself an import.
      const binding = ctx.imports.get(local);
      if (binding && binding.imported !== '*' && binding.imported !== 'default') {
        const next = this.fileOf(ctx, binding.module);
        return next && this.exported(next, binding.imported, pick, seen);
      }
      return undefined;
    }
    for (const re of ctx.reExports) {
      const imported = re.names ? re.names.get(name) : name;
      if (imported === undefined) continue;
      const next = this.fileOf(ctx, re.module);
      const value = next && this.exported(next, imported, pick, seen);
      if (value !== undefined) return value;
    }
    return undefined;
  }

  private fileOf(ctx: FileContext, module: string): FileContext | undefined {
    const file = this.modules.resolve(ctx.file.abs, module);
    return file === undefined ? undefined : this.byPath.get(file);
  }
}
