// The whole `check` on the example app through the real binary, as a user runs it: process start, the
// three sources (database from db/schema.sql via PGlite, with the data-directory snapshot cached),
// compare and report. Median of several runs, and the peak RSS of the process.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const example = path.join(root, 'examples/credits-app');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

// GNU time reports the child's peak RSS; without it, only wall time is measured.
const TIME = existsSync('/usr/bin/time') ? ['/usr/bin/time', '-f', '%M'] : [];

function once(): { ms: number; rssKb: number } {
  const started = performance.now();
  const argv = [...TIME, process.execPath, path.join(root, 'bin/schemadrift'), 'check', '--format', 'json'];
  const r = spawnSync(argv[0]!, argv.slice(1), { cwd: example, encoding: 'utf8' });
  const ms = performance.now() - started;
  if (r.status !== 1) throw new Error(`check exited ${r.status}: ${r.stderr}`);
  const findings = (JSON.parse(r.stdout) as { findings: { rule: string; severity: string }[] }).findings;
  // Speed never at the cost of the answer: the seed's three wrong foreign keys must be there every time.
  if (findings.filter((f) => f.rule === 'fk-target' && f.severity === 'critical').length !== 3) {
    throw new Error('check lost a seeded finding');
  }
  return { ms, rssKb: TIME.length ? Number(r.stderr.trim().split('\n').pop()) : NaN };
}

once(); // warms tsx's transform cache and the PGlite snapshot
const runs = Array.from({ length: RUNS }, once).sort((a, b) => a.ms - b.ms);
const median = runs[Math.floor(runs.length / 2)]!;
console.log(`check on examples/credits-app (3 sources, PGlite): median ${median.ms.toFixed(0)} ms over ${RUNS} runs, ` +
  `min ${runs[0]!.ms.toFixed(0)} ms, peak RSS ${(Math.max(...runs.map((r) => r.rssKb)) / 1024).toFixed(0)} MB`);
