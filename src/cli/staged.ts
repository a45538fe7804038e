// `schemadrift fix --staged [FILE…]`: the commit-hook run. It does nothing unless the commit touches a
// configured source; then it fixes the staged code files towards the truth and stages the fixes, so they
// land in the same commit.
//
// What is compared is what is committed. When every file the run reads (the code source files, the
// database files, the config) is the same in the index and the working tree, the working tree is read
// and fixed in place and the fixed files are `git add`ed. Otherwise (a partially staged file, an edit
// not staged) the index is copied out and read instead; see fixIndex.
//
// The database is the committed snapshot (`"snapshot"` on the database source), a .sql file or a
// migrations folder, never a live server: a hook must work offline (see readSnapshots in config/load.ts).

import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FileChange, RunOptions } from '../api.ts';
import type { ResolvedConfig, SourceSpec } from '../config/types.ts';
import { UserError } from '../errors.ts';
import { checkoutIndex, mergeFile, stage, stagedFiles, unstagedFiles, updateIndex, worktreeRoot } from '../git/git.ts';
import { displayPath } from '../model/span.ts';
import { Timings } from '../util/timings.ts';
import { EXIT } from './exit.ts';

export interface StagedOptions extends RunOptions {
  rules?: string[];
  /** File names a pre-commit framework passes: used instead of asking git what is staged. */
  files?: string[];
  /** Print the diff the hook would apply; write and stage nothing. */
  dryRun?: boolean;
}

const EXTENSIONS: Record<Exclude<SourceSpec['kind'], 'database'>, string[]> = {
  drizzle: ['.ts', '.tsx', '.mts', '.cts'],
  sqlmodel: ['.py'],
};

const real = (file: string) => {
  try {
    return realpathSync(file);
  } catch {
    return path.resolve(file);
  }
};

const isUrl = (s: string) => /^postgres(ql)?:\/\//i.test(s);

/** The files each source is read from: code files, and the database's snapshot, .sql file or migrations folder. */
async function sourceInputs(config: ResolvedConfig): Promise<{ code: string[]; database: string[] }> {
  const { expandFiles } = await import('../sources/files.ts');
  const code: string[] = [];
  const database: string[] = [];
  for (const s of config.sources) {
    if (s.kind === 'database') {
      const file = s.snapshot ?? (isUrl(s.url) ? undefined : s.url);
      if (file) database.push(real(file));
    } else {
      for (const f of await expandFiles(s.files, EXTENSIONS[s.kind], s.name)) code.push(real(f));
    }
  }
  return { code: [...new Set(code)], database };
}

const within = (file: string, target: string) => file === target || file.startsWith(target + path.sep);

export interface StagedArgs {
  config?: string;
  db?: string;
  drizzle?: string[];
  sqlmodel?: string[];
  truth?: string;
  schema?: string[];
  onlySource?: string[];
  ignoreSource?: string[];
  rule?: string[];
  files?: string[];
  dryRun?: boolean;
  timings?: boolean;
}

export async function stagedCommand(args: StagedArgs): Promise<number> {
  const timings = args.timings ? new Timings() : undefined;
  timings?.startup();
  try {
    return await fixStaged({
      cwd: process.cwd(), config: args.config, db: args.db, drizzle: args.drizzle, sqlmodel: args.sqlmodel, truth: args.truth, timings,
      schemas: args.schema, onlySources: args.onlySource, ignoreSources: args.ignoreSource, rules: args.rule, files: args.files, dryRun: args.dryRun,
    });
  } finally {
    if (timings) process.stderr.write(timings.format());
  }
}

export async function fixStaged(options: StagedOptions): Promise<number> {
  const cwd = options.cwd;
  const timed = <T>(name: string, work: () => T): Promise<T> | T => (options.timings ? options.timings.measure(name, work) : work());
  const root = await timed('git rev-parse', () => worktreeRoot(cwd));
  const candidates = (options.files?.length ? options.files.map((f) => path.resolve(cwd, f)) : await timed('git diff --cached', () => stagedFiles(root))).map(real);
  if (!candidates.length) return EXIT.ok;

  const { loadConfigModule } = await import('../config/load.ts');
  // Loaded without `offline` first: a commit that touches no source must pass even where the config
  // names a live database without a snapshot.
  const config = await loadConfigModule(options);
  const inputs = await sourceInputs(config);
  const staged = new Set(candidates);
  const configFile = config.configFile && real(config.configFile);
  const touchedCode = inputs.code.filter((f) => staged.has(f));
  const touchedTruth = inputs.database.some((d) => candidates.some((c) => within(c, d))) || (configFile !== undefined && staged.has(configFile));
  if (!touchedCode.length && !touchedTruth) return EXIT.ok;

  // A new database schema or config can put every model file wrong, so staging one opens them all to fixing.
  const scope = touchedTruth ? inputs.code : touchedCode;
  const read = [...inputs.code, ...inputs.database, ...(configFile ? [configFile] : [])];
  // A file outside the working tree is not part of any commit, so the index has nothing to say about it.
  const dirty = await timed('git status', () => unstagedFiles(root, read.filter((f) => within(f, root) && f !== root)));
  if (dirty.length) return fixIndex(options, root, scope);

  // Started before the library loads, so the transforms' thread is ready when the plan is (see api.ts fix).
  const transformThread = (await import('../fix/transform-thread.ts')).startTransformThread(scope);
  const { diffChanges, fix, writeChanges } = await import('../api.ts');
  const result = await fix({ ...options, offline: true, files: scope, transformThread });
  if (options.dryRun) {
    process.stdout.write(diffChanges(result.changes));
    return result.changes.length ? EXIT.drift : EXIT.ok;
  }
  await timed('write', () => writeChanges(result, cwd));
  await timed('git add', () => stage(root, result.changes.map((c) => c.absolutePath)));
  for (const c of result.changes) {
    const done = result.actions.filter((a) => a.file === c.file).map((a) => a.description);
    process.stdout.write(`schemadrift: fixed and staged ${c.file}: ${done.join('; ')}\n`);
  }
  return EXIT.ok;
}

/**
 * The run for a commit whose sources differ from the working tree (a partially staged file, an edit not
 * staged): what is committed is read from a copy of the index, the fixed text becomes the new index
 * entry, and the same edit is merged into the working-tree file, keeping the changes that are not staged.
 * When the fix and those changes touch the same lines, nothing is written at all.
 */
async function fixIndex(options: StagedOptions, root: string, scope: readonly string[]): Promise<number> {
  const copy = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'schemadrift-index-')));
  try {
    checkoutIndex(root, copy);
    // The copy is a repository root too, for anything that walks up looking for one (the SQLModel pin).
    mkdirSync(path.join(copy, '.git'), { recursive: true });
    const inCopy = (file: string) => {
      const abs = real(path.resolve(options.cwd, file));
      return within(abs, root) ? path.join(copy, path.relative(root, abs)) : file;
    };
    const cwd = inCopy(options.cwd);
    mkdirSync(cwd, { recursive: true });
    const pathOption = (p?: string) => (p === undefined || isUrl(p) ? p : inCopy(p));
    const { diffChanges, fix, writeChanges } = await import('../api.ts');
    const result = await fix({
      ...options,
      cwd,
      offline: true,
      config: pathOption(options.config),
      db: pathOption(options.db),
      drizzle: options.drizzle?.map(inCopy),
      sqlmodel: options.sqlmodel?.map(inCopy),
      files: scope.map(inCopy),
    });
    if (options.dryRun) {
      process.stdout.write(diffChanges(result.changes));
      return result.changes.length ? EXIT.drift : EXIT.ok;
    }
    if (!result.changes.length) return EXIT.ok;
    // Into the copy first: the same guard as --write (only source files, inside the project).
    await writeChanges(result, cwd);

    const bases = mkdtempSync(path.join(copy, '.git', 'base-'));
    const worktree: FileChange[] = [];
    const kept = new Set<string>();
    const entries = new Map<string, string>();
    for (const [i, c] of result.changes.entries()) {
      const rel = path.relative(copy, c.absolutePath);
      const target = path.join(root, rel);
      const current = readText(target);
      let merged: string | undefined = c.after;
      if (current !== c.before) {
        const base = path.join(bases, String(i));
        writeFileSync(base, c.before);
        if (current === undefined) throw new UserError(`${c.file}: staged, but deleted from the working tree; nothing was written`);
        merged = mergeFile(root, target, base, c.absolutePath);
        if (merged === undefined) {
          throw new UserError(
            `${c.file}: the fix touches lines that also have changes not staged; nothing was written. Stage them (git add) ` +
              'or set them aside (git stash --keep-index), then commit again',
          );
        }
        kept.add(c.file);
      }
      if (merged !== current) worktree.push({ file: c.file, absolutePath: target, before: current!, after: merged });
      entries.set(rel, c.absolutePath);
    }
    const { writeAtomically } = await import('../output/write.ts');
    await writeAtomically(worktree);
    updateIndex(root, entries);
    for (const c of result.changes) {
      const done = result.actions.filter((a) => path.resolve(cwd, a.file) === c.absolutePath).map((a) => a.description);
      const note = kept.has(c.file) ? ' (changes not staged kept)' : '';
      process.stdout.write(`schemadrift: fixed and staged ${c.file}: ${done.join('; ')}${note}\n`);
    }
    return EXIT.ok;
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
