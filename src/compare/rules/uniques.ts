// What counts as a uniqueness fact: a UNIQUE constraint, or a unique index over plain columns without a
// predicate (PostgreSQL enforces both the same way; tools pick either spelling). The column order of a
// uniqueness fact does not matter, so the key sorts it.

import type { Table } from '../../model/schema.ts';
import { columnsLabel, type KeyedObject } from './keyed.ts';

export function uniqueObjects(table: Table): KeyedObject[] {
  const out: KeyedObject[] = [];
  const add = (columns: string[], name: string | undefined, loc: KeyedObject['loc'], nullsNotDistinct?: boolean) => {
    const nnd = nullsNotDistinct ? ' NULLS NOT DISTINCT' : '';
    out.push({
      key: `${[...columns].sort().join(',')}${nnd}`,
      label: columnsLabel(columns),
      value: `UNIQUE${nnd} (${columns.join(', ')})`,
      columns,
      name,
      loc,
    });
  };
  for (const u of table.uniques) add(u.columns, u.name, u.loc, u.nullsNotDistinct);
  for (const i of table.indexes) if (isUniqueConstraintIndex(i)) add(i.columns, i.name, i.loc);
  return out;
}

export function isUniqueConstraintIndex(i: Table['indexes'][number]): boolean {
  return (
    i.unique &&
    i.columns.length > 0 &&
    i.where === undefined &&
    (i.parts === undefined || i.parts.every((p) => p.column !== undefined && !p.expression))
  );
}
