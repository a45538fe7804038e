// Commit hooks end to end: real git repositories in temporary folders, real `git commit`, and the hook
// calling the real binary. The database side is a pulled snapshot, as a hook reads it (no PGlite start).

import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, copyExample, ROOT, runCli } from '../helpers/cli.ts';
import { findOraclePython } from '../oracle/python/interpreter.ts';

const SCHEMA = 'nextjs/src/database/schema.ts';
const MODELS = 'fastapi/models/credits.py';
const HOOK_LINE = 'PATH="$PWD/node_modules/.bin:$PATH" schemadrift fix --staged || exit $?';

let template: string;
let shimDir: string;
const made: string[] = [];

/** git as a hook sees it: no global or system config, and `schemadrift` on PATH as an installed package puts it. */
function gitEnv(): NodeJS.ProcessEnv {
  const { DATABASE_URL: _, ...rest } = process.env;
  return { ...rest, NO_COLOR: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', PATH: `${shimDir}${path.delimiter}${process.env.PATH}` };
}

function git(args: string[], cwd: string): { code: number | null; out: string } {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', env: gitEnv(), timeout: 120_000 });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

function gitOk(args: string[], cwd: string): string {
  const r = git(args, cwd);
  if (r.code !== 0) throw new Error(`git ${args.join(' ')} exited ${r.code}: ${r.out}`);
  return r.out;
}

const read = (dir: string, file: string) => readFileSync(path.join(dir, file), 'utf8');
const write = (dir: string, file: string, text: string) => writeFileSync(path.join(dir, file), text);

/** The committed, drift-free example with the git hook installed; each test works on its own copy. */
function repo(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'schemadrift-hook-'));
  made.push(dir);
  cpSync(template, dir, { recursive: true });
  return dir;
}

/** The drift a careless edit brings back: one Drizzle foreign key pointing at users.id again. */
function drizzleDrift(text: string): string {
  const fixed = '.references(() => userCredits.userId)';
  expect(text).toContain(fixed);
  return text.replace(fixed, '.references(() => users.id)');
}

function pythonDrift(text: string): string {
  const fixed = 'foreign_key="users.id"';
  expect(text).toContain(fixed);
  return text.replace(fixed, 'foreign_key="user_credits.user_id"');
}

const indexBlob = (dir: string, file: string) => gitOk(['rev-parse', `:${file}`], dir).trim();
const head = (dir: string) => gitOk(['rev-parse', 'HEAD'], dir).trim();

beforeAll(() => {
  shimDir = mkdtempSync(path.join(os.tmpdir(), 'schemadrift-bin-'));
  made.push(shimDir);
  writeFileSync(path.join(shimDir, 'schemadrift'), `#!/bin/sh\nexec '${process.execPath}' '${BIN}' "$@"\n`);
  chmodSync(path.join(shimDir, 'schemadrift'), 0o755);

  template = copyExample();
  made.push(template);
  const fixed = runCli(['fix', '--write'], template);
  expect(fixed.code, fixed.stderr).toBe(0);
  const pulled = runCli(['pull', '--out', 'db/schema.snapshot.json'], template);
  expect(pulled.code, pulled.stderr).toBe(0);
  const config = JSON.parse(read(template, 'schemadrift.config.json'));
  config.sources.database.snapshot = 'db/schema.snapshot.json';
  write(template, 'schemadrift.config.json', `${JSON.stringify(config, null, 2)}\n`);
  gitOk(['init', '-q'], template);
  gitOk(['config', 'user.name', 'Hook Test'], template);
  gitOk(['config', 'user.email', 'hook@example.com'], template);
  gitOk(['add', '-A'], template);
  gitOk(['commit', '-q', '-m', 'drift-free example'], template);
  const installed = runCli(['hook', 'install', '--git'], template);
  expect(installed.code, installed.stderr).toBe(0);
}, 120_000);

afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

describe('plain git pre-commit hook', () => {
  it('keeps an existing hook, installs once, fixes a drifting commit in the same commit, and uninstalls only its line', () => {
    const dir = repo();
    const hook = path.join(dir, '.git/hooks/pre-commit');
    const own = '#!/bin/sh\n# the team\'s own check\ntouch .git/own-hook-ran\n';
    write(dir, '.git/hooks/pre-commit', own);

    for (let i = 0; i < 2; i++) expect(runCli(['hook', 'install', '--git'], dir).code).toBe(0);
    expect(readFileSync(hook, 'utf8')).toBe(`${own}${HOOK_LINE}\n`);
    expect(statSync(hook).mode & 0o111).toBe(0o111);

    const clean = read(dir, SCHEMA);
    const edited = `// Credits are owned by user_credits.\n${clean}`;
    write(dir, SCHEMA, drizzleDrift(edited));
    gitOk(['add', SCHEMA], dir);
    const commit = git(['commit', '-m', 'comment, and a wrong foreign key'], dir);

    expect(commit.code, commit.out).toBe(0);
    expect(commit.out).toContain(`schemadrift: fixed and staged ${SCHEMA}: credit_transactions.user_id: references → userCredits.userId`);
    expect(gitOk(['show', `HEAD:${SCHEMA}`], dir)).toBe(edited);
    expect(read(dir, SCHEMA)).toBe(edited);
    expect(gitOk(['status', '--porcelain'], dir)).toBe('');
    expect(existsSync(path.join(dir, '.git/own-hook-ran'))).toBe(true);

    const uninstalled = runCli(['hook', 'uninstall', '--git'], dir);
    expect(uninstalled.code).toBe(0);
    expect(readFileSync(hook, 'utf8')).toBe(own);
  }, 60_000);

  it('reads nothing when the commit touches no source', () => {
    const dir = repo();
    // A broken, unstaged snapshot: any run that read a source, or checked it against the index, would fail.
    write(dir, 'db/schema.snapshot.json', '{ not json');
    write(dir, 'NOTES.md', 'release notes\n');
    // TypeScript that is not a source is no reason to read or fix anything either.
    write(dir, 'nextjs/src/database/labels.ts', 'export const title = "Credits";\n');
    gitOk(['add', 'NOTES.md', 'nextjs/src/database/labels.ts'], dir);
    const before = head(dir);

    const commit = git(['commit', '-m', 'notes'], dir);

    expect(commit.code, commit.out).toBe(0);
    expect(commit.out).not.toMatch(/schemadrift/);
    expect(head(dir)).not.toBe(before);
    expect(gitOk(['show', '--name-only', '--format=', 'HEAD'], dir).trim().split('\n')).toEqual(['NOTES.md', 'nextjs/src/database/labels.ts']);
  }, 60_000);

  it('fixes the staged version of a partially staged file and keeps the changes that are not staged', () => {
    const dir = repo();
    const clean = read(dir, SCHEMA);
    write(dir, SCHEMA, drizzleDrift(clean));
    gitOk(['add', SCHEMA], dir);
    write(dir, SCHEMA, `${read(dir, SCHEMA)}// not ready yet\n`);
    // The staged version is what gets compared: a comment added to the snapshot in the working tree only
    // would make a run that read the working tree fail, since the snapshot would then be unparseable.
    write(dir, 'db/schema.snapshot.json', `${read(dir, 'db/schema.snapshot.json')}{ not json`);

    const commit = git(['commit', '-m', 'half staged'], dir);

    expect(commit.code, commit.out).toBe(0);
    expect(commit.out).toContain(`schemadrift: fixed and staged ${SCHEMA}: credit_transactions.user_id: references → userCredits.userId (changes not staged kept)`);
    expect(gitOk(['show', `HEAD:${SCHEMA}`], dir)).toBe(clean);
    expect(read(dir, SCHEMA)).toBe(`${clean}// not ready yet\n`);
    expect(gitOk(['status', '--porcelain'], dir)).toBe(' M db/schema.snapshot.json\n M nextjs/src/database/schema.ts\n');
  }, 60_000);

  it('refuses when the fix and the changes not staged touch the same lines, and leaves index and working tree as they were', () => {
    const dir = repo();
    write(dir, SCHEMA, drizzleDrift(read(dir, SCHEMA)));
    gitOk(['add', SCHEMA], dir);
    write(dir, SCHEMA, read(dir, SCHEMA).replace('.references(() => users.id),\n  teamId', '.references(() => users.id), // which users?\n  teamId'));
    const working = read(dir, SCHEMA);
    expect(working).toContain('// which users?');
    const staged = indexBlob(dir, SCHEMA);
    const before = head(dir);

    const commit = git(['commit', '-m', 'half staged, same line'], dir);

    expect(commit.code).not.toBe(0);
    expect(commit.out).toContain(`schemadrift: ${SCHEMA}: the fix touches lines that also have changes not staged; nothing was written.`);
    expect(commit.out).toContain('git stash --keep-index');
    expect(commit.out).not.toMatch(/\n\s+at /);
    expect(head(dir)).toBe(before);
    expect(indexBlob(dir, SCHEMA)).toBe(staged);
    expect(read(dir, SCHEMA)).toBe(working);
  }, 60_000);

  it('aborts the commit and touches nothing when the fix fails', () => {
    const dir = repo();
    const broken = `${drizzleDrift(read(dir, SCHEMA))}export const half = (;\n`;
    write(dir, SCHEMA, broken);
    gitOk(['add', SCHEMA], dir);
    const staged = indexBlob(dir, SCHEMA);
    const before = head(dir);

    const commit = git(['commit', '-m', 'broken'], dir);

    expect(commit.code).not.toBe(0);
    expect(commit.out).toMatch(new RegExp(`schemadrift: ${SCHEMA.replace(/\./g, '\\.')}:\\d+:\\d+: syntax error`));
    expect(head(dir)).toBe(before);
    expect(indexBlob(dir, SCHEMA)).toBe(staged);
    expect(read(dir, SCHEMA)).toBe(broken);
  }, 60_000);
});

describe('husky', () => {
  it('installs into .husky/pre-commit by default and fixes a drifting Python model in the commit', () => {
    const dir = repo();
    // What husky 9 sets up: core.hooksPath at .husky/_, whose hooks run .husky/<hook> with sh -e.
    mkdirSync(path.join(dir, '.husky/_'), { recursive: true });
    write(dir, '.husky/_/pre-commit', '#!/bin/sh\nexec sh -e .husky/pre-commit "$@"\n');
    write(dir, '.husky/_/.gitignore', '*\n');
    chmodSync(path.join(dir, '.husky/_/pre-commit'), 0o755);
    gitOk(['config', 'core.hooksPath', '.husky/_'], dir);

    const installed = runCli(['hook', 'install'], dir);
    expect(installed.code, installed.stderr).toBe(0);
    expect(read(dir, '.husky/pre-commit')).toBe(`${HOOK_LINE}\n`);
    expect(statSync(path.join(dir, '.husky/pre-commit')).mode & 0o111).toBe(0o111);

    const clean = read(dir, MODELS);
    const edited = `${clean}\n# Teams belong to users.\n`;
    write(dir, MODELS, pythonDrift(edited));
    gitOk(['add', MODELS, '.husky/pre-commit'], dir);
    const commit = git(['commit', '-m', 'husky commit'], dir);

    expect(commit.code, commit.out).toBe(0);
    expect(commit.out).toContain(`schemadrift: fixed and staged ${MODELS}: user_credits.user_id: foreign_key → users.id`);
    expect(gitOk(['show', `HEAD:${MODELS}`], dir)).toBe(edited);
    expect(gitOk(['status', '--porcelain'], dir)).toBe('');
  }, 60_000);
});

describe('pre-commit framework', () => {
  const manifest = readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8');

  it('ships a manifest that runs fix --staged on the staged schema files', () => {
    const hooks = parseYaml(manifest) as { id: string; entry: string; language: string; files: string; pass_filenames: boolean }[];
    const hook = hooks.find((h) => h.id === 'schemadrift')!;
    expect(hook).toMatchObject({ language: 'node', entry: 'schemadrift fix --staged', pass_filenames: true });
    const files = new RegExp(hook.files);
    for (const f of [SCHEMA, MODELS, 'db/schema.snapshot.json', 'db/schema.sql']) expect(f).toMatch(files);
    expect('README.md').not.toMatch(files);
  });

  it('fixes only the files it is given, and skips a run given no source', () => {
    const dir = repo();
    write(dir, SCHEMA, drizzleDrift(read(dir, SCHEMA)));
    write(dir, MODELS, pythonDrift(read(dir, MODELS)));
    gitOk(['add', SCHEMA, MODELS], dir);
    const drizzleStaged = indexBlob(dir, SCHEMA);
    const drifting = read(dir, SCHEMA);

    const run = runCli(['fix', '--staged', MODELS], dir);

    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(`schemadrift: fixed and staged ${MODELS}: user_credits.user_id: foreign_key → users.id\n`);
    expect(indexBlob(dir, MODELS)).toBe(gitOk(['rev-parse', `HEAD:${MODELS}`], dir).trim());
    expect(indexBlob(dir, SCHEMA)).toBe(drizzleStaged);
    expect(read(dir, SCHEMA)).toBe(drifting);

    const skipped = runCli(['fix', '--staged', 'README.md'], dir);
    expect(skipped).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(indexBlob(dir, SCHEMA)).toBe(drizzleStaged);
  }, 60_000);

  it('with --timings, says on stderr where the hook spent its time, from git to git add', () => {
    const dir = repo();
    write(dir, SCHEMA, drizzleDrift(read(dir, SCHEMA)));
    gitOk(['add', SCHEMA], dir);

    const run = runCli(['fix', '--staged', '--timings'], dir);

    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^schemadrift: fixed and staged ${SCHEMA}: `));
    const stages = [...run.stderr.matchAll(/^ {2}(.+?) +\d+ ms$/gm)].map((m) => m[1]);
    expect(stages).toEqual([
      'startup', 'git rev-parse', 'git diff --cached', 'git status', 'config', 'read drizzle (drizzle)', 'read database (database)',
      'compare', 'plan', 'fix transforms (own thread)', 'write', 'git add', 'total',
    ]);
    expect(indexBlob(dir, SCHEMA)).toBe(gitOk(['rev-parse', `HEAD:${SCHEMA}`], dir).trim());
  }, 60_000);
});

describe('offline database', () => {
  it('refuses a live database without a snapshot, and takes --db as given', () => {
    const dir = repo();
    const config = JSON.parse(read(dir, 'schemadrift.config.json'));
    config.sources.database = { kind: 'database', url: 'postgres://hook:secret@db.invalid:5432/app' };
    write(dir, 'schemadrift.config.json', JSON.stringify(config));
    write(dir, SCHEMA, drizzleDrift(read(dir, SCHEMA)));
    gitOk(['add', SCHEMA, 'schemadrift.config.json'], dir);

    const refused = runCli(['fix', '--staged'], dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      'schemadrift: schemadrift.config.json: source "database" is a live database, which --staged never reads: run ' +
        '`schemadrift pull --out db/schema.snapshot.json`, commit that file and set "snapshot": "db/schema.snapshot.json" ' +
        'on the database source (or pass --db)\n',
    );

    const given = runCli(['fix', '--staged', '--dry-run', '--db', 'db/schema.snapshot.json'], dir);
    expect(given.code, given.stderr).toBe(1);
    expect(given.stdout).toContain(`+++ b/${SCHEMA}`);
    expect(given.stdout).toContain('+    .references(() => userCredits.userId)');
  }, 60_000);
});

describe('CI workflow example', () => {
  it('fails on drift, annotates with --format github and uploads SARIF', () => {
    const text = readFileSync(path.join(ROOT, 'examples/ci/schemadrift.yml'), 'utf8');
    const workflow = parseYaml(text) as { on: Record<string, unknown>; jobs: Record<string, { permissions?: Record<string, string>; steps: { uses?: string; run?: string; with?: Record<string, string>; if?: string }[] }> };
    // YAML 1.1 (PyYAML) reads the key `on` as the boolean true; GitHub reads it as "on".
    expect(workflow.on ?? (workflow as unknown as Record<string, unknown>).true).toHaveProperty('pull_request');
    const steps = Object.values(workflow.jobs).flatMap((j) => j.steps);
    const runs = steps.map((s) => s.run ?? '').join('\n');
    expect(runs).toMatch(/schemadrift check[^\n]*--format github/);
    expect(runs).toMatch(/schemadrift check[^\n]*--format sarif/);
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif'));
    expect(upload?.if).toMatch(/always\(\)/);
    expect(Object.values(workflow.jobs).some((j) => j.permissions?.['security-events'] === 'write')).toBe(true);
  });
});

/**
 * YAML is not a dependency; PyYAML parses it as GitHub and pre-commit would. It comes with the oracle's
 * interpreter (test/oracle-requirements.txt, installed by .ci/run).
 */
function parseYaml(text: string): unknown {
  const found = findOraclePython('yaml');
  if (!found.python) throw new Error(`cannot parse YAML: ${found.skipReason}`);
  const r = spawnSync(found.python, ['-c', 'import sys, json, yaml; json.dump(yaml.safe_load(sys.stdin), sys.stdout)'], { input: text, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`cannot parse YAML with PyYAML: ${r.stderr || r.error?.message}`);
  return JSON.parse(r.stdout);
}
