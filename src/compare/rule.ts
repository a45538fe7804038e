// The shape of a rule and the view of one table across all sources that each rule is given.

import type { Column, SchemaModel, SourceKind, Span, Table } from '../model/schema.ts';
import type { FindingDraft, FindingLocation, Presence, Severity } from './finding.ts';
import type { Equivalences } from './options.ts';

export interface RuleMeta {
  id: string;
  /** The severity when the rule does not pick one per finding. */
  severity: Severity;
  /** One sentence, shown by `--help`-style listings and at the top of the rule's doc. */
  description: string;
}

/** One source's side of a table: `table` is undefined when the source does not model it. */
export interface SourceTable {
  source: string;
  kind: SourceKind;
  table: Table | undefined;
}

export interface TableContext {
  /** `table` or `schema.table`. */
  key: string;
  /** Every source of the run, in run order. */
  sources: SourceTable[];
  /** The name of the source the others are fixed towards: the table's owner, else the run's truth. */
  truth: string;
  /** Sources the config says must model this table (`table-missing` when they do not). */
  required: ReadonlySet<string>;
  equivalences: Equivalences;
}

/** The whole run, for facts that belong to no table (enum types). */
export interface SchemaContext {
  models: readonly SchemaModel[];
  truth: string;
  equivalences: Equivalences;
}

export interface Rule {
  meta: RuleMeta;
  /** Findings about one table. */
  check(ctx: TableContext): FindingDraft[];
  /** Also run on tables only one source models (every other rule needs two to disagree). */
  runsOnLoneTables?: boolean;
  /** Findings about schema-wide objects, run once per comparison. */
  checkSchema?(ctx: SchemaContext): FindingDraft[];
}

/** One source's value of the fact a rule looks at. */
export interface Fact {
  value: string | null;
  presence: Presence;
  loc?: Span;
}

// Every rule looks up every column of every source by name; at thousands of tables a linear search per
// lookup was a third of compare's time. Models are not changed once read, so the index is built once.
const columnsByName = new WeakMap<Table, Map<string, Column>>();

export function findColumn(table: Table | undefined, name: string): Column | undefined {
  if (!table) return undefined;
  let index = columnsByName.get(table);
  if (!index) {
    index = new Map();
    for (const c of table.columns) if (!index.has(c.name)) index.set(c.name, c);
    columnsByName.set(table, index);
  }
  return index.get(name);
}

/**
 * Reads one fact from every source. `read` is called only for sources that model the table; it returns
 * undefined when the source does not declare the fact.
 */
export function collectFacts(
  ctx: TableContext,
  read: (table: Table) => { value: string | null; loc?: Span } | undefined,
): Map<string, Fact> {
  const facts = new Map<string, Fact>();
  for (const s of ctx.sources) {
    if (!s.table) {
      facts.set(s.source, { value: null, presence: 'not-modelled' });
      continue;
    }
    const got = read(s.table);
    facts.set(s.source, got ? { ...got, presence: 'present' } : { value: null, presence: 'absent' });
  }
  return facts;
}

/** The distinct values among sources that declare the fact with a known value. */
export function distinctValues(facts: Map<string, Fact>): string[] {
  // A handful of sources: a list beats a Set, and this runs for every column of every rule.
  const seen: string[] = [];
  for (const f of facts.values()) if (f.presence === 'present' && f.value !== null && !seen.includes(f.value)) seen.push(f.value);
  return seen;
}

export function toValues(facts: Map<string, Fact>): Record<string, string | null> {
  return Object.fromEntries([...facts].map(([source, f]) => [source, f.presence === 'present' ? f.value : null]));
}

export function toPresence(facts: Map<string, Fact>): Record<string, Presence> {
  return Object.fromEntries([...facts].map(([source, f]) => [source, f.presence]));
}

export function toLocations(facts: Map<string, Fact>): FindingLocation[] {
  const out: FindingLocation[] = [];
  for (const [source, f] of facts) {
    if (f.loc) out.push({ source, file: f.loc.file, line: f.loc.line, column: f.loc.column });
  }
  return out;
}

/** `database, sqlmodel say user_credits.user_id; drizzle says users.id` — sources grouped by value. */
export function describeDisagreement(facts: Map<string, Fact>, show: (v: string) => string = (v) => v): string {
  const groups = new Map<string, string[]>();
  for (const [source, f] of facts) {
    if (f.presence !== 'present' || f.value === null) continue;
    const list = groups.get(f.value) ?? [];
    list.push(source);
    groups.set(f.value, list);
  }
  return [...groups]
    .map(([value, sources]) => `${sources.join(', ')} ${sources.length === 1 ? 'says' : 'say'} ${show(value)}`)
    .join('; ');
}

/** A draft for a fact on which the declaring sources disagree. */
export function disagreement(
  meta: RuleMeta,
  ctx: TableContext,
  column: string | null,
  facts: Map<string, Fact>,
  message: string,
  severity: Severity = meta.severity,
): FindingDraft {
  return {
    rule: meta.id,
    severity,
    table: ctx.key,
    column,
    message,
    values: toValues(facts),
    presence: toPresence(facts),
    locations: toLocations(facts),
  };
}
