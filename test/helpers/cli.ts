import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = path.join(ROOT, 'bin/schemadrift');
export const EXAMPLE = path.join(ROOT, 'examples/credits-app');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real binary, as a user would, with a clean environment (no DATABASE_URL leaking in). */
export function runCli(args: string[], cwd: string, env: Record<string, string> = {}): CliResult {
  const { DATABASE_URL: _, ...rest } = process.env;
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...rest, NO_COLOR: '1', ...env },
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A private copy of the example app, so tests can let `fix --write` loose on it. */
export function copyExample(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'schemadrift-e2e-'));
  cpSync(EXAMPLE, dir, { recursive: true });
  return dir;
}
