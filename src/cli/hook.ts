// `schemadrift hook install|uninstall [--husky | --git]`: one line in the pre-commit hook that runs
// `schemadrift fix --staged`. The line is added after whatever the hook already runs and is the only
// thing uninstall removes, so hooks shared with other tools keep working.

import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { UserError } from '../errors.ts';
import { hooksDir, worktreeRoot } from '../git/git.ts';
import { displayPath } from '../model/span.ts';
import { EXIT } from './exit.ts';

export interface HookArgs {
  action: 'install' | 'uninstall';
  husky?: boolean;
  git?: boolean;
}

/** How our line is recognised, whatever else it says. */
const MARK = 'schemadrift fix --staged';

const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * A project's own node_modules/.bin first (schemadrift as a devDependency), then PATH. Not `npx`: it
 * costs half a second per commit and, without a local install, asks the registry.
 */
export function hookLine(root: string, cwd: string): string {
  const run = `PATH="$PWD/node_modules/.bin:$PATH" ${MARK}`;
  // git runs hooks from the top of the working tree; a project in a subfolder is entered first.
  const sub = path.relative(root, cwd);
  return sub && !sub.startsWith('..') ? `(cd ${shellQuote(sub)} && ${run}) || exit $?` : `${run} || exit $?`;
}

function hookFile(kind: 'husky' | 'git', root: string, cwd: string): string {
  if (kind === 'git') return path.join(hooksDir(cwd), 'pre-commit');
  const husky = [cwd, root].map((d) => path.join(d, '.husky')).find((d) => existsSync(d)) ?? path.join(root, '.husky');
  return path.join(husky, 'pre-commit');
}

function chooseKind(args: HookArgs, root: string, cwd: string): 'husky' | 'git' {
  if (args.husky) return 'husky';
  if (args.git) return 'git';
  return existsSync(path.join(cwd, '.husky')) || existsSync(path.join(root, '.husky')) ? 'husky' : 'git';
}

/** A line of sh appended to a Python or Node hook would break it. */
function assertShellScript(file: string, text: string, cwd: string): void {
  const shebang = /^#!(.*)/.exec(text)?.[1];
  if (shebang && !/\b(sh|bash|dash|zsh|ksh)\b/.test(shebang)) {
    throw new UserError(`${displayPath(file, cwd)}:1: is a "${shebang.trim()}" script, not a shell script; add "${MARK}" to it by hand`);
  }
}

export function installHook(args: HookArgs, cwd: string): number {
  const root = worktreeRoot(cwd);
  const kind = chooseKind(args, root, cwd);
  const file = hookFile(kind, root, cwd);
  const shown = displayPath(file, cwd);
  const before = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  if (before?.split('\n').some((l) => l.includes(MARK))) {
    process.stdout.write(`schemadrift: ${shown} already runs ${MARK}\n`);
    return EXIT.ok;
  }
  if (before !== undefined) assertShellScript(file, before, cwd);
  // husky 9 runs .husky/pre-commit with sh itself; a plain git hook needs its interpreter named.
  const head = before ?? (kind === 'git' ? '#!/bin/sh\n' : '');
  const text = `${head}${head && !head.endsWith('\n') ? '\n' : ''}${hookLine(root, cwd)}\n`;
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text, 'utf8');
  chmodSync(file, 0o755);
  process.stdout.write(`schemadrift: ${before === undefined ? 'wrote' : 'added a line to'} ${shown}: ${MARK} runs before each commit\n`);
  return EXIT.ok;
}

export function uninstallHook(args: HookArgs, cwd: string): number {
  const root = worktreeRoot(cwd);
  const file = hookFile(chooseKind(args, root, cwd), root, cwd);
  const shown = displayPath(file, cwd);
  const before = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const lines = before.split('\n');
  const kept = lines.filter((l) => !l.includes(MARK));
  if (kept.length === lines.length) {
    process.stdout.write(`schemadrift: ${existsSync(file) ? `${shown} does not run ${MARK}` : `no ${shown}`}; nothing to remove\n`);
    return EXIT.ok;
  }
  const rest = kept.join('\n');
  // A hook that was only our line (and the shebang we wrote) goes; anything else of the user's stays.
  if (!rest.replace(/^#!.*$/m, '').trim()) rmSync(file);
  else writeFileSync(file, rest, 'utf8');
  process.stdout.write(`schemadrift: removed ${MARK} from ${shown}\n`);
  return EXIT.ok;
}

export const hookCommand: CommandModule<object, HookArgs> = {
  command: 'hook <action>',
  describe: 'Install or remove the pre-commit hook that runs `fix --staged` (husky if .husky/ exists, else .git/hooks)',
  builder: (y: Argv) =>
    y
      .positional('action', { choices: ['install', 'uninstall'] as const, describe: 'install or uninstall' })
      .option('husky', { type: 'boolean', describe: 'Use .husky/pre-commit' })
      .option('git', { type: 'boolean', describe: "Use git's own hooks folder (git rev-parse --git-path hooks)" })
      .conflicts('husky', 'git') as Argv<HookArgs>,
  // Both succeed (exit 0) or throw a UserError, which main turns into exit 2.
  handler: (args) => void (args.action === 'install' ? installHook(args, process.cwd()) : uninstallHook(args, process.cwd())),
};
