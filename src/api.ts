// The library API the CLI is a shell over, and what tests call directly:
//   sources → compare → plan → transforms → output.

import { compare } from './compare/index.ts';
import type { ComparedFinding, Finding } from './compare/finding.ts';
import { loadConfig, type ConfigOverrides } from './config/load.ts';
import type { ResolvedConfig } from './config/types.ts';
import { runActions } from './fix/run.ts';
import type { SchemaModel } from './model/schema.ts';
import { unifiedDiff } from './output/diff.ts';
import { writeAtomically, type FileChange } from './output/write.ts';
import { plan, type FixAction } from './plan/index.ts';
import { readSources } from './sources/index.ts';

export type { Finding } from './compare/finding.ts';
export type { FixAction } from './plan/index.ts';
export type { FileChange } from './output/write.ts';

export interface CheckResult {
  config: ResolvedConfig;
  models: SchemaModel[];
  findings: Finding[];
}

export interface FixResult extends CheckResult {
  actions: FixAction[];
  changes: FileChange[];
}

export type RunOptions = ConfigOverrides;

function withFixable(findings: ComparedFinding[], fixable: Set<ComparedFinding>): Finding[] {
  return findings.map((f) => ({ ...f, fixable: fixable.has(f) }));
}

async function analyse(options: RunOptions, rules?: string[]) {
  const config = loadConfig(options);
  const models = await readSources(config.sources, options.cwd);
  const compared = compare(models, { truth: config.truth });
  const planned = plan(compared, models, { rules });
  return { config, models, findings: withFixable(compared, planned.fixable), actions: planned.actions };
}

export async function check(options: RunOptions): Promise<CheckResult> {
  const { actions: _, ...result } = await analyse(options);
  return result;
}

/** Computes the changes `fix` would make, without writing them (see `writeChanges`). */
export async function fix(options: RunOptions & { rules?: string[] }): Promise<FixResult> {
  const result = await analyse(options, options.rules);
  return { ...result, changes: await runActions(result.actions, options.cwd) };
}

export function diffChanges(changes: readonly FileChange[]): string {
  return changes.map((c) => unifiedDiff(c.file, c.before, c.after)).join('');
}

export { writeAtomically as writeChanges };
