// Indexes that are not uniqueness facts (see uniques.ts), matched by unique-ness, method, key columns and
// predicate. Sort order, NULLS placement and operator classes are not compared yet: not every source reads
// them (Index.parts is optional), and a difference there would show as a missing plus an extra index.

import type { Index, Table } from '../../model/schema.ts';
import { columnsLabel, type KeyedObject } from './keyed.ts';
import { isUniqueConstraintIndex } from './uniques.ts';

function partText(p: NonNullable<Index['parts']>[number]): string {
  return (p.column ?? p.expression)!;
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
    out.push({ key: def, label: columnsLabel(i.columns.length ? i.columns : parts), value: def, columns: i.columns, name: i.name, loc: i.loc });
  }
  return out;
}
