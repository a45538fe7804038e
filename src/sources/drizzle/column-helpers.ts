import type { ts } from 'ts-morph';
import { unwrap } from './chain.ts';
import type { FileContext } from './context.ts';
import { findVariable } from './declarations.ts';
import { isObjectLiteralExpression } from './syntax-guards.ts';

/** A shared column set (`export const timestamps = { createdAt: ..., }`) and the file it is written in. */
export interface ColumnHelper {
  ctx: FileContext;
  object: ts.ObjectLiteralExpression;
}

/**
 * The object literal a spread `...timestamps` names: declared in the same file, or imported from another
 * file read (through renames and re-exports). Only plain object literals qualify; a helper function's
 * result (`...timestamps()`) would have to be run to be known.
 */
export function findColumnHelper(ctx: FileContext, name: string, depth = 0): ColumnHelper | undefined {
  const decl = findVariable(ctx.file.sourceFile, name);
  if (decl) {
    const init = decl.initializer;
    const object = init && unwrap(init);
    return object && isObjectLiteralExpression(object) ? { ctx, object } : undefined;
  }
  const binding = ctx.imports.get(name);
  if (!binding || binding.imported === '*' || binding.imported === 'default' || depth > 8) return undefined;
  return exportedHelper(ctx, binding.module, binding.imported, depth + 1);
}

function exportedHelper(from: FileContext, module: string, name: string, depth: number): ColumnHelper | undefined {
  const file = from.program.modules.resolve(from.file.abs, module);
  const target = file === undefined ? undefined : from.program.contexts.get(file);
  if (!target || depth > 8) return undefined;
  const local = target.exports.get(name);
  if (local !== undefined) return findColumnHelper(target, local, depth + 1);
  for (const re of target.reExports) {
    const imported = re.names ? re.names.get(name) : name;
    const found = imported === undefined ? undefined : exportedHelper(target, re.module, imported, depth + 1);
    if (found) return found;
  }
  return undefined;
}
