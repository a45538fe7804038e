// Git plumbing for `fix --staged` and `hook`: one synchronous `git` call per question. The commands run
// inside a commit hook, where git has already set GIT_INDEX_FILE and friends; they are passed through so
// that every answer is about the index being committed.

import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { UserError } from '../errors.ts';

export function git(args: readonly string[], cwd: string, input?: string): string {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...(input !== undefined && { input }) });
  if (r.error) throw new UserError(`cannot run git (${(r.error as NodeJS.ErrnoException).code ?? r.error.message}); is it installed?`);
  if (r.status !== 0) {
    const why = r.stderr.trim().split('\n')[0] || `exit ${r.status}`;
    throw new UserError(`git ${args.find((a) => !a.startsWith('-'))} failed: ${why}`);
  }
  return r.stdout;
}

/** The working tree's root, or a one-line error when `cwd` is not inside one. */
export function worktreeRoot(cwd: string): string {
  try {
    return path.resolve(git(['rev-parse', '--show-toplevel'], cwd).trim());
  } catch (error) {
    if (error instanceof UserError) throw new UserError(`${cwd} is not inside a git working tree (${error.message})`);
    throw error;
  }
}

const nulList = (out: string) => out.split('\0').filter(Boolean);

/** Absolute paths of files staged for the next commit that still exist in it (added, copied, modified, renamed). */
export function stagedFiles(root: string): string[] {
  return nulList(git(['diff', '--cached', '--name-only', '-z', '--diff-filter=ACMR'], root)).map((f) => path.join(root, f));
}

/**
 * Of `files` (absolute, inside `root`), those whose working-tree copy is not what the index holds:
 * modified or deleted since staged, or untracked. Those are the files a run would read differently from
 * the commit.
 */
export function unstagedFiles(root: string, files: readonly string[]): string[] {
  if (!files.length) return [];
  const specs = files.map((f) => path.relative(root, f));
  const out = git(['--literal-pathspecs', 'status', '--porcelain=v1', '-z', '--untracked-files=all', '--no-renames', '--', ...specs], root);
  const dirty: string[] = [];
  for (const entry of nulList(out)) {
    const worktree = entry[1];
    if (worktree !== ' ') dirty.push(path.join(root, entry.slice(3)));
  }
  return dirty;
}

export function stage(root: string, files: readonly string[]): void {
  if (files.length) git(['--literal-pathspecs', 'add', '--', ...files.map((f) => path.relative(root, f))], root);
}

/** Where git looks for hooks: `.git/hooks`, a worktree's common hooks folder, or `core.hooksPath`. */
export function hooksDir(cwd: string): string {
  return path.resolve(cwd, git(['rev-parse', '--git-path', 'hooks'], cwd).trim());
}

/** Writes every file of the index (what would be committed) below `folder`, as checkout would. */
export function checkoutIndex(root: string, folder: string): void {
  git(['checkout-index', '--all', '--force', `--prefix=${folder}${path.sep}`], root);
}

/**
 * Replaces index entries with the contents of files (paths relative to `root` → file holding the new
 * text), keeping each entry's mode. The blobs go through the same clean filters `git add` applies; the
 * index is updated in one command, so either every entry changes or none.
 */
export function updateIndex(root: string, entries: ReadonlyMap<string, string>): void {
  const lines: string[] = [];
  for (const [rel, file] of entries) {
    const mode = git(['--literal-pathspecs', 'ls-files', '--stage', '--', rel], root).split(' ')[0] || '100644';
    const blob = git(['hash-object', '-w', `--path=${rel}`, '--', file], root).trim();
    lines.push(`${mode} ${blob}\t${rel}`);
  }
  if (lines.length) git(['update-index', '--index-info'], root, `${lines.join('\n')}\n`);
}

/**
 * Three-way merge of texts in files: the changes from `base` to `theirs` applied to `ours`. Undefined
 * when they touch the same lines.
 */
export function mergeFile(cwd: string, ours: string, base: string, theirs: string): string | undefined {
  const r = spawnSync('git', ['merge-file', '-p', '--quiet', ours, base, theirs], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error || r.status === null || r.status < 0 || r.status > 127) throw new UserError(`git merge-file failed: ${r.stderr.trim() || r.error?.message}`);
  return r.status === 0 ? r.stdout : undefined;
}
