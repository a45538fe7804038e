import path from 'node:path';
import type { Column } from '../../model/schema.ts';
import { type ColumnRef, type FileContext, type TableDraft, warn } from './context.ts';

type Found<T> = { value: T } | { ambiguous: string[] } | undefined;

/** Fills in FK targets and enum column types, which may name tables and enums of other files. */
export function resolvePending(contexts: FileContext[]): void {
  const resolver = new Resolver(contexts);
  for (const ctx of contexts) {
    for (const draft of ctx.drafts) {
      for (const pending of draft.pendingTypes) {
        const found = resolver.lookup(ctx, pending.path, (c) => c.enums);
        if (found && 'value' in found) {
          pending.column.type.sql = found.value + (pending.isArray ? '[]' : '');
        } else {
          warn(ctx, `unsupported column builder ${pending.path.join('.')} ignored${ambiguity(found)}`, pending.node);
        }
      }
      for (const pending of draft.pendingFks) {
        const targets = pending.targets.map((ref) => resolver.column(draft, ref));
        const failed = targets.findIndex((t) => !('column' in t));
        if (failed >= 0) {
          const ref = pending.targets[failed]!;
          warn(ctx, `cannot resolve foreign key target ${ref.node.getText()}: ${(targets[failed] as { why: string }).why}; foreign key ignored`, ref.node);
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
  constructor(private readonly contexts: FileContext[]) {}

  column(owner: TableDraft, ref: ColumnRef): { table: TableDraft; column: Column } | { why: string } {
    const tablePath = ref.kind === 'self' ? undefined : ref.path.slice(0, -1);
    const key = ref.kind === 'self' ? ref.key : ref.path[ref.path.length - 1]!;
    const found = tablePath ? this.lookup(owner.ctx, tablePath, (c) => c.tables) : { value: owner };
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
   * namespace import. An import is looked for first in the file its specifier points at, then in any
   * file read, since path aliases like `@/db/schema` cannot be resolved without the project's tsconfig.
   */
  lookup<T>(ctx: FileContext, names: string[], pick: (c: FileContext) => Map<string, T>): Found<T> {
    const [head, member] = names;
    if (head === undefined || names.length > 2) return undefined;
    const binding = ctx.imports.get(head);
    if (names.length === 1) {
      const local = pick(ctx).get(head);
      if (local !== undefined) return { value: local };
      if (!binding || binding.imported === '*' || binding.imported === 'default') return undefined;
      return this.exported(ctx, binding.module, binding.imported, pick);
    }
    if (binding?.imported !== '*' || member === undefined) return undefined;
    return this.exported(ctx, binding.module, member, pick);
  }

  private exported<T>(from: FileContext, module: string, name: string, pick: (c: FileContext) => Map<string, T>): Found<T> {
    const valueIn = (c: FileContext) => {
      const local = c.exports.get(name);
      return local === undefined ? undefined : pick(c).get(local);
    };
    const candidates = moduleCandidates(from.file.abs, module);
    for (const c of this.contexts) {
      const value = candidates.has(c.file.abs) ? valueIn(c) : undefined;
      if (value !== undefined) return { value };
    }
    const exporters = this.contexts.filter((c) => valueIn(c) !== undefined);
    if (exporters.length === 1) return { value: valueIn(exporters[0]!)! };
    if (exporters.length > 1) return { ambiguous: exporters.map((c) => c.file.shown) };
    return undefined;
  }
}

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

/** Files a relative specifier may name, the way TypeScript resolves them (`./users.js` may be `users.ts`). */
function moduleCandidates(fromFile: string, module: string): Set<string> {
  if (!module.startsWith('.') && !path.isAbsolute(module)) return new Set();
  const base = path.resolve(path.dirname(fromFile), module);
  const stem = base.replace(/\.[mc]?[jt]sx?$/, '');
  const result = new Set([base]);
  for (const ext of EXTENSIONS) {
    result.add(stem + ext);
    result.add(base + ext);
    result.add(path.join(base, `index${ext}`));
  }
  return result;
}
