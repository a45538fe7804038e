// The library API the CLI is a shell over, and what tests call directly:
//   sources → compare → plan → transforms → output.

import path from 'node:path';
import { compare } from './compare/index.ts';
import { applyIgnoreComments, fileReader } from './compare/suppress.ts';
import type { ComparedFinding, Finding } from './compare/finding.ts';
import { loadConfigModule, type ConfigOverrides } from './config/load.ts';
import type { ResolvedConfig } from './config/types.ts';
import { runActions } from './fix/run.ts';
import type { SchemaModel } from './model/schema.ts';
import { unifiedDiff } from './output/diff.ts';
import { assertWritable } from './output/guard.ts';
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
  const config = await loadConfigModule(options);
  const models = await readSources(config.sources, options.cwd);
  const { owners, tables, rules: severities, equivalences, ignore } = config.policy;
  const all = compare(models, { truth: config.truth, owners, tables, severities, equivalences, ignore });
  const compared = applyIgnoreComments(all, fileReader(options.cwd));
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

/** The files the code sources were read from: the only ones `writeChanges` may touch. */
function sourceFiles(models: readonly SchemaModel[], cwd: string): Set<string> {
  const files = new Set<string>();
  for (const m of models) for (const t of m.tables) if (t.loc) files.add(path.resolve(cwd, t.loc.file));
  return files;
}

/** Writes what `fix` computed: all files or none, and only source files inside the project root. */
export async function writeChanges(result: FixResult, cwd: string): Promise<void> {
  const root = result.config.configFile ? path.dirname(result.config.configFile) : cwd;
  assertWritable(result.changes, { root, sourceFiles: sourceFiles(result.models, cwd) });
  await writeAtomically(result.changes);
}
