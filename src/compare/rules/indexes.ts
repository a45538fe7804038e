// Indexes that are not uniqueness facts (see uniques.ts), matched by unique-ness, method, key columns and
// predicate. Sort order, NULLS placement and operator classes are compared only between sources that read
// them (Index.parts): a source that does not cannot be wrong about them, and a difference there is the same
// index declared differently, not a missing plus an extra one.

import type { Index, Table } from '../../model/schema.ts';
import { canonicalExpression } from '../normalize/sql-ast.ts';
import { normalizeExpression } from '../normalize/sql-expression.ts';
import { columnsLabel, type KeyedObject } from './keyed.ts';
import { isUniqueConstraintIndex } from './uniques.ts';

function partText(p: NonNullable<Index['parts']>[number]): string {
  return (p.column ?? p.expression)!;
}

/** `a DESC NULLS LAST, lower(b) text_pattern_ops`: the key parts with what matching leaves out. */
function partsDetail(parts: NonNullable<Index['parts']>): string {
  return parts
    .map((p) => [partText(p), p.opclass, p.order, p.nulls && `NULLS ${p.nulls}`].filter(Boolean).join(' '))
    .join(', ');
}

export function indexObjects(table: Table): KeyedObject[] | undefined {
  const out: KeyedObject[] = [];
  for (const i of table.indexes) {
    if (isUniqueConstraintIndex(i)) continue;
    // An expression index is only comparable when the source read its expressions.
    if (!i.columns.length && !i.parts?.length) continue;
    const parts = i.columns.length ? i.columns : i.parts!.map(partText);
    const using = i.method && i.method !== 'btree' ? ` USING ${i.method}` : '';
    const where = i.where ? ` WHERE ${i.where}` : '';
    const def = `${i.unique ? 'UNIQUE ' : ''}INDEX${using} (${parts.join(', ')})${where}`;
    // A predicate is matched by meaning (as checks are), shown as the source wrote it.
    const predicate = i.where ? ` WHERE ${canonicalExpression(i.where) ?? normalizeExpression(i.where)}` : '';
    const key = `${i.unique ? 'UNIQUE ' : ''}INDEX${using} (${parts.join(', ')})${predicate}`;
    const detail = i.parts?.length ? `${i.unique ? 'UNIQUE ' : ''}INDEX${using} (${partsDetail(i.parts)})${where}` : undefined;
    out.push({
      key,
      label: columnsLabel(i.columns.length ? i.columns : parts),
      value: def,
      ...(detail && { detail }),
      columns: i.columns,
      name: i.name,
      loc: i.loc,
    });
  }
  return out;
}
