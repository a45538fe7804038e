import type { ts } from 'ts-morph';
import { accessPath } from './chain.ts';
import type { FileContext } from './context.ts';
import { PG_CORE } from './imports.ts';

/** What a callee names: an export of drizzle-orm/pg-core, or something else to resolve later by its path. */
export type Callee = { kind: 'pg'; name: string } | { kind: 'other'; path: string[] };

/**
 * Classifies `text`, `pg.text`, `t.text` (the column-helper parameter of `pgTable("x", (t) => ({...}))`)
 * or `myEnum`. A name that is neither imported nor declared is taken as a pg-core builder: the file may
 * rely on an auto-import or a global, and the builder name is still the best evidence there is.
 */
export function classifyCallee(ctx: FileContext, callee: ts.Node, helperParam?: string): Callee | undefined {
  const path = accessPath(callee, ctx.file.sourceFile);
  if (!path) return undefined;
  const [head, member] = path;
  if (path.length === 1 && head !== undefined) {
    const binding = ctx.imports.get(head);
    if (binding) {
      return isPgCore(binding.module) && binding.imported !== '*' && binding.imported !== 'default'
        ? { kind: 'pg', name: binding.imported }
        : { kind: 'other', path };
    }
    return ctx.declared.has(head) ? { kind: 'other', path } : { kind: 'pg', name: head };
  }
  if (path.length === 2 && head !== undefined && member !== undefined) {
    if (head === helperParam) return { kind: 'pg', name: member };
    const binding = ctx.imports.get(head);
    if (binding && binding.imported === '*' && isPgCore(binding.module)) return { kind: 'pg', name: member };
  }
  return { kind: 'other', path };
}

export function pgCoreName(ctx: FileContext, callee: ts.Node, helperParam?: string): string | undefined {
  const kind = classifyCallee(ctx, callee, helperParam);
  return kind?.kind === 'pg' ? kind.name : undefined;
}

function isPgCore(module: string): boolean {
  return module === PG_CORE || module.startsWith(`${PG_CORE}/`);
}
