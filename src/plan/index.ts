// plan: findings + models + the truth → fix actions. Pure: it decides what to change, transforms change it.

import type { ComparedFinding } from '../compare/finding.ts';
import { tableKey } from '../model/names.ts';
import type { SchemaModel } from '../model/schema.ts';
import type { FixAction } from './action.ts';
import { FIXERS } from './fixers.ts';

export type { FixAction, TransformId } from './action.ts';

export interface PlanOptions {
  /** Only these rules (all by default). */
  rules?: readonly string[];
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
    if (!truthModel || truthValue === null || truthValue === undefined) continue;
    const truthTable = truthModel.tables.find((t) => tableKey(t) === finding.table);
    if (!truthTable) continue;
    for (const model of models) {
      const value = finding.values[model.source];
      if (model === truthModel || value === null || value === undefined || value === truthValue) continue;
      const fixer = FIXERS[finding.rule]?.[model.kind];
      const table = model.tables.find((t) => tableKey(t) === finding.table);
      if (!fixer || !table) continue;
      const edit = fixer({ finding, target: { model, table }, truth: { model: truthModel, table: truthTable } });
      if (!edit) continue;
      fixable.add(finding);
      if (!options.rules || options.rules.includes(finding.rule)) {
        actions.push({ ...edit, rule: finding.rule, source: model.source, finding });
      }
    }
  }
  return { actions, fixable };
}
