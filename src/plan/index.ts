// plan: findings + models + the truth → fix actions. Pure: it decides what to change, transforms change it.

import type { ComparedFinding } from '../compare/finding.ts';
import { tableKey } from '../model/names.ts';
import type { SchemaModel } from '../model/schema.ts';
import type { FixAction } from './action.ts';
import { ADDS_ABSENT, FIXERS, REMOVES_PRESENT, TABLE_FIXERS, TABLE_REMOVERS } from './fixers/index.ts';

export type { FixAction, TransformId } from './action.ts';

export interface PlanOptions {
  /** Only these rules (all by default). */
  rules?: readonly string[];
  /** Per code source, the file a table it lacks is written to (config `"newTables"`), as models name files. */
  newTableFiles?: ReadonlyMap<string, string>;
}

export interface Plan {
  actions: FixAction[];
  /** The findings at least one action settles (before the rule filter), for the `fixable` flag. */
  fixable: Set<ComparedFinding>;
}

export function plan(findings: readonly ComparedFinding[], models: readonly SchemaModel[], options: PlanOptions = {}): Plan {
  const byName = new Map(models.map((m) => [m.source, m]));
  const actions: FixAction[] = [];
  const fixable = new Set<ComparedFinding>();
  for (const finding of findings) {
    const truthModel = byName.get(finding.truth);
    const truthValue = finding.values[finding.truth];
    // Removing fixers (column-extra) act exactly where the truth has nothing.
    const removes = REMOVES_PRESENT.has(finding.rule) && finding.presence[finding.truth] === 'absent';
    if (!truthModel || ((truthValue === null || truthValue === undefined) && !removes)) continue;
    const truthTable = truthModel.tables.find((t) => tableKey(t) === finding.table);
    if (!truthTable) {
      // The truth lacks the whole table (table-missing): only fixers that remove tables are asked, of the sources declaring it.
      for (const model of removes ? models : []) {
        const table = model.tables.find((t) => tableKey(t) === finding.table);
        const remover = table && model !== truthModel ? TABLE_REMOVERS[finding.rule]?.[model.kind] : undefined;
        const edit = remover?.({ finding, target: { model, table: table! }, truth: { model: truthModel }, ...(options.rules && { rules: options.rules }) });
        if (!edit) continue;
        fixable.add(finding);
        if (!options.rules || options.rules.includes(finding.rule)) actions.push({ ...edit, rule: finding.rule, source: model.source, finding });
      }
      continue;
    }
    for (const model of models) {
      const value = finding.values[model.source];
      // A source lacking the fact altogether is asked about only by fixers that add it (column-missing).
      const adds = value === null && finding.presence[model.source] === 'absent' && ADDS_ABSENT.has(finding.rule);
      if (model === truthModel || ((value === null || value === undefined) && !adds) || value === truthValue) continue;
      const table = model.tables.find((t) => tableKey(t) === finding.table);
      const truth = { model: truthModel, table: truthTable };
      const rules = options.rules && { rules: options.rules };
      // A source lacking the whole table (table-missing) has no table to hand a column fixer: only fixers that write tables are asked.
      const fixer = table ? FIXERS[finding.rule]?.[model.kind] : undefined;
      const adder = table ? undefined : TABLE_FIXERS[finding.rule]?.[model.kind];
      const edit = fixer ? fixer({ finding, target: { model, table: table! }, truth, ...rules }) : adder?.({ finding, target: { model, newTableFile: options.newTableFiles?.get(model.source) }, truth, ...rules });
      if (!edit) continue;
      fixable.add(finding);
      if (!options.rules || options.rules.includes(finding.rule)) {
        actions.push({ ...edit, rule: finding.rule, source: model.source, finding });
      }
    }
  }
  return { actions, fixable };
}
