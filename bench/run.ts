// `npm run bench`: every benchmark in this folder, one child process each so that one's heap and peak
// memory do not colour the next. Each prints its own table; targets live in the scripts and RESULTS.md.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
// scale/run.ts (issue 10) takes --sizes (default 100,1000; add 5000 for the full run), --runs and
// --drizzle-kit-sizes; introspect.ts reads --sizes and --runs too.
const BENCHES = ['check.ts', 'hook.ts', 'introspect.ts', 'drizzle.ts', 'python.ts', 'scale/run.ts'];

let failed = 0;
for (const name of BENCHES) {
  const file = path.join(here, name);
  if (!existsSync(file)) continue;
  process.stdout.write(`\n== ${name}\n`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', file, ...process.argv.slice(2)], { stdio: 'inherit' });
  if (r.status !== 0) {
    failed++;
    process.stdout.write(`${name} failed (exit ${r.status})\n`);
  }
}
process.exitCode = failed ? 1 : 0;
