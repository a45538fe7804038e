// What the table-add transforms are asked to write of a table's uniqueness and indexes (their `uniques` and
// `indexes` options), as the table a truth would hold it in: what a read-back is compared with.

import type { Table } from '../../src/model/schema.ts';
import type { IndexSpec, UniqueSpec } from '../../transforms/lib/keyed-options.ts';

export function askedKeys(table: string, uniquesJson: string | undefined, indexesJson: string | undefined): Table {
  const uniques = JSON.parse(uniquesJson ?? '[]') as UniqueSpec[];
  const indexes = JSON.parse(indexesJson ?? '[]') as IndexSpec[];
  return {
    schema: 'public', name: table, columns: [], foreignKeys: [],
    uniques: uniques.filter((u) => u.form !== 'index').map((u) => ({ columns: u.columns, ...(u.name !== undefined && { name: u.name }) })),
    indexes: [
      ...uniques.filter((u) => u.form === 'index').map((u) => ({ columns: u.columns, unique: true, ...(u.name !== undefined && { name: u.name }) })),
      ...indexes.map((i) => ({ columns: i.columns, unique: false, ...(i.name !== undefined && { name: i.name }) })),
    ],
  };
}
