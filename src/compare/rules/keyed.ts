// Table-level objects without a column of their own (unique constraints, indexes, checks) are matched
// across sources by what they mean, not by name: a unique constraint by its column set, an index by its
// method and key columns, a check by its expression. Names are compared separately (constraint-name).

import type { Span, Table } from '../../model/schema.ts';
import { findColumn, type Fact, type TableContext } from '../rule.ts';

export interface KeyedObject {
  /** What the object means: equal keys are the same object in two sources. */
  key: string;
  /** The finding's `column`: `email`, `(team_id, user_id)`, or null for a table-wide object. */
  label: string | null;
  /** The value shown for a source that has it. */
  value: string;
  /** The full definition, when this source read more than the key holds (an index's sort order, opclasses). */
  detail?: string;
  /** Columns the object needs; a source lacking one of them leaves the object to column-missing. */
  columns: readonly string[];
  name?: string;
  loc?: Span;
}

export interface KeyedFacts {
  object: KeyedObject;
  facts: Map<string, Fact>;
  /** The object as each source that has it declared it. */
  owners: KeyedBySource;
}

/** Each source's own object under the key, for comparing what the key leaves out. */
export type KeyedBySource = Map<string, KeyedObject>;

type Reader = (table: Table) => readonly KeyedObject[] | undefined;
type Pick = (o: KeyedObject) => { value: string; loc?: Span } | undefined;

const byValue: Pick = (o) => ({ value: o.value, loc: o.loc });

/** The missing and the extra rule of a kind ask for the same table's facts; they are collected once. */
const collected = new WeakMap<TableContext, Map<Reader, KeyedFacts[]>>();

/**
 * Every object any source declares (the truth's first), with one fact per source. `read` returns
 * undefined when the source did not read this kind of object at all (never a finding).
 */
export function collectKeyed(ctx: TableContext, read: Reader, pick: Pick = byValue): KeyedFacts[] {
  if (pick !== byValue) return collect(ctx, read, pick);
  let mine = collected.get(ctx);
  if (!mine) collected.set(ctx, (mine = new Map()));
  let facts = mine.get(read);
  if (!facts) mine.set(read, (facts = collect(ctx, read, pick)));
  return facts;
}

function collect(ctx: TableContext, read: Reader, pick: Pick): KeyedFacts[] {
  const ordered = [...ctx.sources].sort((a, b) => Number(b.source === ctx.truth) - Number(a.source === ctx.truth));
  const bySource = new Map<string, Map<string, KeyedObject> | undefined>();
  const all = new Map<string, KeyedObject>();
  for (const s of ordered) {
    const objects = s.table ? read(s.table) : undefined;
    if (!objects) continue;
    const mine = new Map<string, KeyedObject>();
    for (const o of objects) {
      if (!mine.has(o.key)) mine.set(o.key, o);
      if (!all.has(o.key)) all.set(o.key, o);
    }
    bySource.set(s.source, mine);
  }
  return [...all.values()].map((object) => {
    const facts = new Map<string, Fact>();
    const owners: KeyedBySource = new Map();
    for (const s of ctx.sources) {
      const mine = bySource.get(s.source);
      const table = s.table;
      if (!table || !mine || !object.columns.every((c) => findColumn(table, c))) {
        facts.set(s.source, { value: null, presence: 'not-modelled' });
        continue;
      }
      const own = mine.get(object.key);
      const got = own && pick(own);
      if (own) owners.set(s.source, own);
      facts.set(s.source, got ? { ...got, presence: 'present' } : own ? { value: null, presence: 'not-modelled' } : { value: null, presence: 'absent', loc: table.loc });
    }
    return { object, facts, owners };
  });
}

export function columnsLabel(columns: readonly string[]): string {
  return columns.length === 1 ? columns[0]! : `(${columns.join(', ')})`;
}
