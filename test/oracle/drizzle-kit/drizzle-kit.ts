// Runs drizzle-kit itself on a fixture to get the SQL it would create: the oracle the Drizzle reader is
// checked against. drizzle-kit executes the fixture's TypeScript; that is fine for a test oracle and is
// exactly what schemadrift never does.

import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from '../../helpers/cli.ts';

const run = promisify(execFile);
const KIT = path.join(ROOT, 'node_modules/drizzle-kit/bin.cjs');

export interface KitOptions {
  /**
   * `drizzle-kit export` ignores `casing` in drizzle.config.ts (0.31): a fixture that relies on it is run
   * through `generate` with these flags instead, which does honour `--casing`.
   */
  generate?: string[];
}

/** The DDL drizzle-kit makes of the fixture in `dir`, using the drizzle config found there. */
export async function drizzleKitSql(dir: string, options: KitOptions = {}): Promise<string> {
  const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
  if (!options.generate) {
    const { stdout } = await run(process.execPath, [KIT, 'export'], { cwd: dir, env, maxBuffer: 16 << 20 });
    return stdout;
  }
  const out = await mkdtemp(path.join(tmpdir(), 'schemadrift-kit-'));
  try {
    await run(process.execPath, [KIT, 'generate', ...options.generate, '--out', out, '--name', 'oracle'], { cwd: dir, env });
    const file = (await readdir(out)).find((f) => f.endsWith('.sql'));
    if (!file) throw new Error(`drizzle-kit generate wrote no SQL for ${dir}`);
    return (await readFile(path.join(out, file), 'utf8')).replaceAll('--> statement-breakpoint', '\n');
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}
