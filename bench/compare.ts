// The compare stage alone, at scale: the three models of a generated project (bench/scale/generate.ts) are
// read once, then `compare` runs several times in this process. Reported: the median wall and CPU time (the
// steadier figure on a busy machine: compare is single-threaded), and the findings,
// which must be the project's seeded drifts. Compare is pure CPU over the models, so this isolates it from
// start-up and the readers (issue 10 asks where the time goes, stage by stage).
//
//   node --import tsx bench/compare.ts [--tables 1000] [--runs 7]

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compare } from '../src/compare/index.ts';
import { loadConfig } from '../src/config/load-sync.ts';
import { readSources } from '../src/sources/index.ts';
import { generateProject } from './scale/generate.ts';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? fallback : Number(process.argv[at + 1]);
}

const tables = option('tables', 1000);
const runs = option('runs', 7);
const dir = mkdtempSync(path.join(os.tmpdir(), 'schemadrift-bench-compare-'));
try {
  const project = generateProject(dir, { tables });
  const config = loadConfig({ cwd: dir, env: {} });
  const models = await readSources(config.sources, dir);
  const { owners, tables: filters, rules, equivalences, ignore } = config.policy;
  const times: number[] = [];
  const cpu: number[] = [];
  let findings = 0;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const used = process.cpuUsage();
    findings = compare(models, { truth: config.truth, owners, tables: filters, severities: rules, equivalences, ignore }).length;
    times.push(performance.now() - start);
    const { user, system } = process.cpuUsage(used);
    cpu.push((user + system) / 1000);
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const columns = models.reduce((n, m) => n + m.tables.reduce((k, t) => k + t.columns.length, 0), 0);
  console.log(
    `compare: ${tables} tables × ${models.length} sources (${columns} columns): median ${times[runs >> 1]!.toFixed(0)} ms ` +
      `(min ${times[0]!.toFixed(0)}, max ${times.at(-1)!.toFixed(0)}), CPU median ${cpu[runs >> 1]!.toFixed(0)} ms, over ${runs} runs; ${findings} findings ` +
      `(${project.expected.length} seeded); load average ${os.loadavg()[0]!.toFixed(1)}`,
  );
  if (findings !== project.expected.length) {
    console.error(`expected exactly the ${project.expected.length} seeded findings`);
    process.exitCode = 1;
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
