// compare: N named schema models → findings. Pure: no I/O, no knowledge of how fixes are made.

import { tableKey } from '../model/names.ts';
import type { SchemaModel, Table } from '../model/schema.ts';
import { severityRank, type ComparedFinding, type FindingDraft, type Severity } from './finding.ts';
import { matchesAny } from '../util/glob.ts';
import { isIgnored } from './ignore.ts';
import { DEFAULT_EQUIVALENCES, type Equivalences, type IgnoreEntry, type OwnerEntry, type SeverityOverride, type TableFilter } from './options.ts';
import { ownerOf } from './ownership.ts';
import type { Rule, RuleMeta, TableContext } from './rule.ts';
import { RULES } from './rules/index.ts';

export interface CompareOptions {
  /** The source the others are fixed towards; it must be one of the models. */
  truth: string;
  /** Rules to run (all by default). */
  rules?: readonly Rule[];
  /** Per-table truth, in config order. */
  owners?: readonly OwnerEntry[];
  /** Per source: which tables it takes part in and which it must model. */
  tables?: Readonly<Record<string, TableFilter>>;
  /** Per rule: a severity replacing the rule's, or `off`. */
  severities?: Readonly<Record<string, SeverityOverride>>;
  equivalences?: Partial<Equivalences>;
  ignore?: readonly IgnoreEntry[];
}

/** A table glob matches the table's name (`users`) or its `schema.table` (`auth.users`, `public.users`),
 * as the database source's own filter does. */
function matchesTable(patterns: readonly string[] | undefined, key: string): boolean {
  const dot = key.indexOf('.');
  const [schema, name] = dot === -1 ? ['public', key] : [key.slice(0, dot), key.slice(dot + 1)];
  return matchesAny(patterns, name) || matchesAny(patterns, `${schema}.${name}`);
}

function included(filter: TableFilter | undefined, key: string): boolean {
  if (!filter) return true;
  if (filter.include?.length && !matchesTable(filter.include, key)) return false;
  return !matchesTable(filter.exclude, key);
}

/** Each model with the tables its source's filter leaves out removed: those count as not modelled. */
export function applyTableFilters(models: readonly SchemaModel[], tables: CompareOptions['tables'] = {}): SchemaModel[] {
  return models.map((m) => {
    const filter = tables[m.source];
    return filter ? { ...m, tables: m.tables.filter((t) => included(filter, tableKey(t))) } : m;
  });
}

function requiredSources(key: string, models: readonly SchemaModel[], tables: CompareOptions['tables'] = {}): Set<string> {
  const out = new Set<string>();
  for (const m of models) {
    const f = tables[m.source];
    if (f && included(f, key) && (f.required || matchesTable(f.mustModel, key))) out.add(m.source);
  }
  return out;
}

/** Tables aligned by `schema.table` across sources, in first-seen order with the truth's tables first. */
export function alignTables(models: readonly SchemaModel[], truth: string, options: Omit<CompareOptions, 'truth'> = {}): TableContext[] {
  const ordered = [...models].sort((a, b) => Number(b.source === truth) - Number(a.source === truth));
  const keys: string[] = [];
  const byKey = new Map<string, Map<string, Table>>();
  for (const m of ordered) {
    for (const t of m.tables) {
      const key = tableKey(t);
      let bySource = byKey.get(key);
      if (!bySource) {
        bySource = new Map();
        byKey.set(key, bySource);
        keys.push(key);
      }
      bySource.set(m.source, t);
    }
  }
  const names = new Set(models.map((m) => m.source));
  const equivalences = { ...DEFAULT_EQUIVALENCES, ...options.equivalences };
  return keys.map((key) => ({
    key,
    truth: ownerOf(key, options.owners ?? [], names, truth),
    sources: models.map((m) => ({ source: m.source, kind: m.kind, table: byKey.get(key)!.get(m.source) })),
    required: requiredSources(key, models, options.tables),
    equivalences,
  }));
}

/**
 * A configured severity replaces the rule's, except where the rule lowered a finding to `info` because the
 * difference is an equivalence (varchar vs text): those are never raised.
 */
function severityOf(draft: FindingDraft, meta: RuleMeta, override: SeverityOverride | undefined): Severity {
  if (!override || override === 'off') return draft.severity;
  if (draft.severity === 'info' && meta.severity !== 'info') return draft.severity;
  return override;
}

export function compare(models: readonly SchemaModel[], options: CompareOptions): ComparedFinding[] {
  const severities = options.severities ?? {};
  const rules = (options.rules ?? RULES).filter((r) => severities[r.meta.id] !== 'off');
  const filtered = applyTableFilters(models, options.tables);
  const tables = alignTables(filtered, options.truth, options);
  const findings: (ComparedFinding & { order: number })[] = [];
  let order = 0;
  const add = (rule: Rule, draft: FindingDraft, truth: string) => {
    if (options.ignore && isIgnored(draft, options.ignore)) return;
    const severity = severityOf(draft, rule.meta, severities[rule.meta.id]);
    findings.push({ ...draft, severity, truth, order: order++ });
  };
  for (const ctx of tables) {
    // A table only one source knows of has nothing to disagree about (and "not modelled" is not drift),
    // unless a source is required to model it.
    const lone = ctx.sources.filter((s) => s.table).length < 2;
    for (const rule of rules) {
      if (lone && !rule.runsOnLoneTables) continue;
      for (const draft of rule.check(ctx)) add(rule, draft, ctx.truth);
    }
  }
  const equivalences = { ...DEFAULT_EQUIVALENCES, ...options.equivalences };
  for (const rule of rules) {
    for (const draft of rule.checkSchema?.({ models: filtered, truth: options.truth, equivalences }) ?? []) add(rule, draft, options.truth);
  }
  // Most severe first; within a severity, the order tables, columns and rules were visited in.
  findings.sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || a.order - b.order);
  return findings.map(({ order: _, ...f }) => f);
}
