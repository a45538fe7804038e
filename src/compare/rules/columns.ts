import type { Column, Span, Table } from '../../model/schema.ts';
import { findColumn, type Fact, type TableContext } from '../rule.ts';

/** Every column name any source declares for the table: the truth's order first, then first-seen. */
export function columnNames(ctx: TableContext): string[] {
  const known = namesOf.get(ctx);
  if (known) return known;
  const ordered = [...ctx.sources].sort((a, b) => Number(b.source === ctx.truth) - Number(a.source === ctx.truth));
  const names = new Set<string>();
  for (const s of ordered) for (const c of s.table?.columns ?? []) names.add(c.name);
  const list = [...names];
  namesOf.set(ctx, list);
  return list;
}

/** Each rule asks for the same table's names; one list per table context (callers do not change it). */
const namesOf = new WeakMap<TableContext, string[]>();

/**
 * One column fact per source. A source without the column is `absent` (column-missing speaks for it), and
 * pointing at the table keeps a location for the fix that would add it.
 */
export function collectColumnFacts(
  ctx: TableContext,
  name: string,
  pick: (column: Column, table: Table) => { value: string | null; loc?: Span } | undefined,
): Map<string, Fact> {
  // Every fact is built with the same shape (no spread): this runs once per column, source and rule.
  const facts = new Map<string, Fact>();
  for (const s of ctx.sources) {
    const column = findColumn(s.table, name);
    if (!s.table) facts.set(s.source, { value: null, presence: 'not-modelled', loc: undefined });
    else if (!column) facts.set(s.source, { value: null, presence: 'absent', loc: s.table.loc });
    else {
      const got = pick(column, s.table);
      facts.set(s.source, got ? { value: got.value, presence: 'present', loc: got.loc } : { value: null, presence: 'absent', loc: column.loc });
    }
  }
  return facts;
}

/** Only the sources that declare the column take part in comparing its properties. In place: callers pass a map they just made. */
export function withoutAbsent(facts: Map<string, Fact>): Map<string, Fact> {
  for (const [s, f] of facts) if (f.presence === 'absent') facts.set(s, { value: null, presence: 'not-modelled', loc: undefined });
  return facts;
}

/**
 * Like collectColumnFacts, but a source without the column is left out (`not-modelled`: column-missing
 * speaks for it), while a source with the column and without the fact stays `absent`.
 */
export function collectDeclaredColumnFacts(
  ctx: TableContext,
  name: string,
  pick: (column: Column, table: Table) => { value: string | null; loc?: Span } | undefined,
): Map<string, Fact> {
  const facts = collectColumnFacts(ctx, name, pick);
  for (const s of ctx.sources) {
    if (s.table && !findColumn(s.table, name)) facts.set(s.source, { value: null, presence: 'not-modelled' });
  }
  return facts;
}
