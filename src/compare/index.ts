// compare: N named schema models → findings. Pure: no I/O, no knowledge of how fixes are made.

import { tableKey } from '../model/names.ts';
import type { SchemaModel, Table } from '../model/schema.ts';
import { severityRank, type ComparedFinding } from './finding.ts';
import type { Rule, TableContext } from './rule.ts';
import { RULES } from './rules/index.ts';

export interface CompareOptions {
  /** The source the others are fixed towards; it must be one of the models. */
  truth: string;
  /** Rules to run (all by default). */
  rules?: readonly Rule[];
}

/** Tables aligned by `schema.table` across sources, in first-seen order with the truth's tables first. */
export function alignTables(models: readonly SchemaModel[], truth: string): TableContext[] {
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
  return keys.map((key) => ({
    key,
    truth,
    sources: models.map((m) => ({ source: m.source, kind: m.kind, table: byKey.get(key)!.get(m.source) })),
  }));
}

export function compare(models: readonly SchemaModel[], options: CompareOptions): ComparedFinding[] {
  const rules = options.rules ?? RULES;
  const tables = alignTables(models, options.truth);
  const findings: (ComparedFinding & { order: number })[] = [];
  let order = 0;
  for (const ctx of tables) {
    // A table only one source knows of has nothing to disagree about (and "not modelled" is not drift).
    if (ctx.sources.filter((s) => s.table).length < 2) continue;
    for (const rule of rules) {
      for (const draft of rule.check(ctx)) findings.push({ ...draft, truth: options.truth, order: order++ });
    }
  }
  // Most severe first; within a severity, the order tables, columns and rules were visited in.
  findings.sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || a.order - b.order);
  return findings.map(({ order: _, ...f }) => f);
}
