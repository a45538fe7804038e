// The library API the CLI is a shell over, and what tests call directly:
//   sources → compare → plan → transforms → output.

import path from 'node:path';
import { ConfigError } from './errors.ts';
import { compare } from './compare/index.ts';
import { loadSqlParser } from './compare/normalize/sql-ast.ts';
import { applyIgnoreComments, fileReader } from './compare/suppress.ts';
import type { ComparedFinding, Finding } from './compare/finding.ts';
import { loadConfigModule, type ConfigOverrides } from './config/load.ts';
import type { ResolvedConfig, SourceSpec } from './config/types.ts';
import type { SchemaModel } from './model/schema.ts';
import { displayPath } from './model/span.ts';
import { unifiedDiff } from './output/diff.ts';
import { assertWritable } from './output/guard.ts';
import { writeAtomically, type FileChange } from './output/write.ts';
import { plan, type FixAction } from './plan/index.ts';
import { readSources } from './sources/index.ts';
import type { TransformThread } from './fix/transform-thread.ts';
import type { Timings } from './util/timings.ts';

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
  /** Unsafe actions (removing code) left out because `unsafe` was not given. */
  held: FixAction[];
}

export type RunOptions = ConfigOverrides & {
  /** Where to record the wall time of each stage (`--timings`). */
  timings?: Timings;
};

function withFixable(findings: ComparedFinding[], fixable: Set<ComparedFinding>): Finding[] {
  return findings.map((f) => ({ ...f, fixable: fixable.has(f) }));
}

/**
 * The sources a fix limited to some files needs: the truth, every table owner, and the code sources those
 * files belong to. A commit hook that stages one Python model then never loads the TypeScript compiler.
 */
async function sourcesFor(config: ResolvedConfig, files: readonly string[], cwd: string): Promise<SourceSpec[]> {
  const wanted = new Set(files.map((f) => path.resolve(cwd, f)));
  const keep = new Set([config.truth, ...config.policy.owners.map((o) => o.source)]);
  const { expandFiles, CODE_EXTENSIONS } = await import('./sources/files.ts');
  for (const s of config.sources) {
    if (s.kind === 'database' || keep.has(s.name)) continue;
    const mine = await expandFiles(s.files, CODE_EXTENSIONS[s.kind], s.name);
    if (mine.some((f) => wanted.has(path.resolve(cwd, f)))) keep.add(s.name);
  }
  return config.sources.filter((s) => keep.has(s.name));
}

/**
 * Each read code source's configured file for new tables (`"newTables"`), as models name files. It must be one
 * of the source's own files: a table written anywhere else would not be read back, and the finding would stay.
 */
async function newTablesFiles(config: ResolvedConfig, sources: readonly SourceSpec[], cwd: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const { expandFiles, CODE_EXTENSIONS } = await import('./sources/files.ts');
  for (const s of sources) {
    if (s.kind === 'database' || !s.newTables) continue;
    const mine = await expandFiles(s.files, CODE_EXTENSIONS[s.kind], s.name);
    if (!mine.some((f) => path.resolve(cwd, f) === s.newTables)) {
      const where = config.configFile ? `${displayPath(config.configFile, cwd)}: ` : '';
      throw new ConfigError(`${where}source "${s.name}": "newTables" (${displayPath(s.newTables, cwd)}) is not one of its files`);
    }
    out.set(s.name, displayPath(s.newTables, cwd));
  }
  return out;
}

async function analyse(options: RunOptions & { files?: readonly string[] }, rules?: string[]) {
  const t = options.timings;
  const stage = <T>(name: string, work: () => Promise<T> | T): Promise<T> | T => (t ? t.measure(name, work) : work());
  const config = await stage('config', () => loadConfigModule(options));
  const sources = options.files ? await sourcesFor(config, options.files, options.cwd) : config.sources;
  const models = await readSources(sources, options.cwd, t);
  const { owners, tables, rules: severities, equivalences, ignore } = config.policy;
  // CHECK conditions and partial-index predicates are compared by their parse trees.
  if (models.some((m) => m.tables.some((t) => t.checks?.length || t.indexes.some((i) => i.where)))) await loadSqlParser();
  const compared = await stage('compare', () => {
    const all = compare(models, { truth: config.truth, owners, tables, severities, equivalences, ignore });
    return applyIgnoreComments(all, fileReader(options.cwd));
  });
  const newTableFiles = await newTablesFiles(config, sources, options.cwd);
  const planned = await stage('plan', () => plan(compared, models, { rules, newTableFiles }));
  return { config, models, findings: withFixable(compared, planned.fixable), actions: planned.actions };
}

export async function check(options: RunOptions): Promise<CheckResult> {
  const { actions: _, ...result } = await analyse(options);
  return result;
}

/** Computes the changes `fix` would make, without writing them (see `writeChanges`). */
export interface FixOptions extends RunOptions {
  rules?: string[];
  files?: readonly string[];
  unsafe?: boolean;
  /** A thread for the TypeScript transforms the caller started earlier (fix/transform-thread.ts); fix closes it. */
  transformThread?: TransformThread;
}

export async function fix(options: FixOptions): Promise<FixResult> {
  // A fix limited to some files is short, so the TypeScript transforms load on a thread of their own while
  // the sources are read (fix/transform-thread.ts). A whole-project fix reads for longer and may edit nothing.
  const thread =
    options.transformThread ??
    (options.files && (await import('./fix/transform-thread.ts')).startTransformThread(options.files.map((f) => path.resolve(options.cwd, f))));
  try {
    const result = await fixWith(options, thread);
    thread?.close();
    return result;
  } catch (error) {
    thread?.abort();
    throw error;
  }
}

async function fixWith(options: FixOptions, thread: TransformThread | undefined): Promise<FixResult> {
  const analysed = await analyse(options, options.rules);
  // Findings are still computed across every file: a table in one file can be wrong because of another.
  const only = options.files && new Set(options.files.map((f) => path.resolve(options.cwd, f)));
  const scoped = only ? analysed.actions.filter((a) => only.has(path.resolve(options.cwd, a.file))) : analysed.actions;
  // Removing code can break its callers: such actions run only when asked for (`fix --unsafe`).
  const held = options.unsafe ? [] : scoped.filter((a) => a.unsafe);
  const result = { ...analysed, actions: held.length ? scoped.filter((a) => !a.unsafe) : scoped };
  // Loaded on use: the transforms bring jscodeshift and the TypeScript parser, which `check` never needs.
  const { runActions, warnSkipped } = await import('./fix/run.ts');
  // A skipped action (the code is in a form its transform does not edit) is warned about and is not reported
  // as done, nor counted in the dry run's summary.
  const skipped = new Set<FixAction>();
  const run = () =>
    runActions(
      result.actions,
      options.cwd,
      (action, reason) => {
        skipped.add(action);
        warnSkipped(action, reason);
      },
      thread,
    );
  const changes = await (options.timings ? options.timings.measure(thread ? 'fix transforms (own thread)' : 'fix transforms', run) : run());
  return { ...result, actions: result.actions.filter((a) => !skipped.has(a)), changes, held };
}

export function diffChanges(changes: readonly FileChange[]): string {
  return changes.map((c) => unifiedDiff(c.file, c.before, c.after)).join('');
}

/** The files the code sources were read from, and those configured for new tables: the only ones `writeChanges` may touch. */
function sourceFiles(result: FixResult, cwd: string): Set<string> {
  const files = new Set<string>();
  for (const m of result.models) for (const t of m.tables) if (t.loc) files.add(path.resolve(cwd, t.loc.file));
  for (const s of result.config.sources) if (s.kind !== 'database' && s.newTables) files.add(s.newTables);
  return files;
}

/** Writes what `fix` computed: all files or none, and only source files inside the project root. */
export async function writeChanges(result: FixResult, cwd: string): Promise<void> {
  const root = result.config.configFile ? path.dirname(result.config.configFile) : cwd;
  assertWritable(result.changes, { root, sourceFiles: sourceFiles(result, cwd) });
  await writeAtomically(result.changes);
}
