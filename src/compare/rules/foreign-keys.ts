// Foreign keys are matched across sources by their local columns, not by name or target: a wrong target
// is then one fk-target finding instead of an fk-missing plus an fk-extra.

import type { ForeignKey, Span, Table } from '../../model/schema.ts';
import { findColumn, type Fact, type TableContext } from '../rule.ts';

export function fkKey(columns: readonly string[]): string {
  return columns.join(',');
}

export function findForeignKey(table: Table, key: string): ForeignKey | undefined {
  return table.foreignKeys.find((fk) => fkKey(fk.columns) === key);
}

/** The column sets that carry a foreign key in any source, in first-seen order (truth's order first). */
export function foreignKeyColumnSets(ctx: TableContext): string[][] {
  const ordered = [...ctx.sources].sort((a, b) => Number(b.source === ctx.truth) - Number(a.source === ctx.truth));
  const seen = new Map<string, string[]>();
  for (const s of ordered) {
    for (const fk of s.table?.foreignKeys ?? []) {
      const key = fkKey(fk.columns);
      if (!seen.has(key)) seen.set(key, fk.columns);
    }
  }
  return [...seen.values()];
}

export function fkColumnLabel(columns: readonly string[]): string {
  return columns.length === 1 ? columns[0]! : `(${columns.join(', ')})`;
}

/**
 * One FK fact per source for a column set. A source that lacks one of the columns is treated as not
 * declaring anything here (column-missing speaks for it), so it is left out as `not-modelled`.
 */
export function collectFkFacts(
  ctx: TableContext,
  columns: readonly string[],
  pick: (fk: ForeignKey) => { value: string; loc?: Span } | undefined,
): Map<string, Fact> {
  const key = fkKey(columns);
  const facts = new Map<string, Fact>();
  for (const s of ctx.sources) {
    const table = s.table;
    if (!table || !columns.every((c) => findColumn(table, c))) {
      facts.set(s.source, { value: null, presence: 'not-modelled' });
      continue;
    }
    const fk = findForeignKey(table, key);
    const got = fk && pick(fk);
    facts.set(s.source, got ? { ...got, presence: 'present' } : { value: null, presence: 'absent', loc: fk?.loc });
  }
  return facts;
}
