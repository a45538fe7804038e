// Database introspection at scale: schemas of 100, 1,000 and 5,000 tables (7 columns, one foreign key
// each, an index on every table and more on some) in a real PostgreSQL, read with readDatabase and with
// the `schemadrift pull` command. Each size is read in a child process of its own, so its peak RSS is its
// own: the peak after its first read is what one `pull` needs; later reads only add garbage not yet
// collected. Targets (issue 4): 1,000 tables in under 1 s, time growing linearly, under 300 MB at 5,000.
//
//   node --import tsx bench/introspect.ts [--sizes 100,1000,5000] [--runs 5] [--profile]
//
// Uses the server BENCH_DATABASE_URL names (any database on it that may CREATE DATABASE), or starts an
// embedded one as the tests do. --profile prints the time of each catalog query.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { introspect, pgQueryable, readDatabase, type Queryable } from '../src/sources/database/index.ts';
import { startPostgres } from '../test/setup/server.ts';

const HERE = fileURLToPath(import.meta.url);
const ROOT = path.resolve(path.dirname(HERE), '..');
const TARGETS = { msAt1000: 1000, mbAt5000: 300 };

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? undefined : process.argv[at + 1];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** N tables t00001…, each with 7 columns and a foreign key to the one before it (the first to itself). */
function schemaSql(tables: number): string[] {
  const name = (i: number) => `t${String(i).padStart(5, '0')}`;
  const batches: string[] = [];
  let sql = '';
  for (let i = 1; i <= tables; i++) {
    const t = name(i);
    const parent = name(Math.max(1, i - 1));
    sql += `CREATE TABLE ${t} (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  parent_id bigint REFERENCES ${parent} (id) ON DELETE CASCADE,
  name varchar(64) NOT NULL,
  email text,
  amount numeric(10,2) NOT NULL DEFAULT 0,
  active boolean NOT NULL DEFAULT true,
  created_at timestamp(3) with time zone NOT NULL DEFAULT now()
);
CREATE INDEX ${t}_parent_id_idx ON ${t} (parent_id);
`;
    if (i % 3 === 0) sql += `CREATE UNIQUE INDEX ${t}_email_idx ON ${t} (lower(email));\n`;
    if (i % 5 === 0) sql += `CREATE INDEX ${t}_active_idx ON ${t} (created_at DESC) WHERE active;\n`;
    if (i % 500 === 0 || i === tables) {
      batches.push(sql);
      sql = '';
    }
  }
  return batches;
}

interface Measurement {
  tables: number;
  /** readDatabase wall times, connection included. */
  runs: number[];
  /** CPU time of one introspection: this process, and the server backend that answered (when local). */
  clientCpu: number[];
  serverCpu: number[];
  /** Peak RSS of the process after its first read (what one `pull` needs), and after all of them. */
  rssMb: number;
  rssAllMb: number;
  baseRssMb: number;
}

/** In the child: read the database `runs` times, check the model, report times and peak RSS. */
async function child(url: string, expected: number, runs: number, profile: boolean): Promise<void> {
  const baseRssMb = process.memoryUsage().rss / 2 ** 20;
  let rssMb = 0;
  const times: number[] = [];
  const clientCpu: number[] = [];
  const serverCpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const model = await readDatabase({ name: 'database', url, cwd: ROOT });
    times.push(performance.now() - start);
    if (i === 0) rssMb = process.resourceUsage().maxRSS / 1024;
    const fks = model.tables.reduce((n, t) => n + t.foreignKeys.length, 0);
    if (model.tables.length !== expected || fks !== expected || model.tables.some((t) => t.columns.length !== 7)) {
      throw new Error(`wrong model: ${model.tables.length} tables, ${fks} foreign keys (expected ${expected} of each, 7 columns a table)`);
    }
  }
  for (let i = 0; i < runs; i++) {
    const cpu = await cpuOfOneIntrospection(url);
    clientCpu.push(cpu.client);
    if (cpu.server !== undefined) serverCpu.push(cpu.server);
  }
  if (profile) await profileQueries(url);
  const rssAllMb = process.resourceUsage().maxRSS / 1024;
  const result: Measurement = { tables: expected, runs: times, clientCpu, serverCpu, rssMb, rssAllMb, baseRssMb };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

/**
 * On a loaded machine wall time says more about the other processes than about this code, so CPU time is
 * measured too: this process's, and that of the server process serving the connection, read from
 * /proc/PID/stat (utime + stime, in clock ticks of 10 ms) when the server runs on this machine.
 */
async function cpuOfOneIntrospection(url: string): Promise<{ client: number; server?: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const [{ pid }] = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows as [{ pid: number }];
    const ticks = () => {
      try {
        const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
        return Number(fields[11]) + Number(fields[12]);
      } catch {
        return undefined;
      }
    };
    const serverBefore = ticks();
    const before = process.cpuUsage();
    await introspect(pgQueryable(client));
    const used = process.cpuUsage(before);
    const serverAfter = ticks();
    return {
      client: (used.user + used.system) / 1000,
      server: serverBefore === undefined || serverAfter === undefined ? undefined : (serverAfter - serverBefore) * 10,
    };
  } finally {
    await client.end();
  }
}

async function profileQueries(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const inner = pgQueryable(client);
    const timed: Queryable = {
      async query<T>(sql: string, params?: unknown[]) {
        const start = performance.now();
        const result = await inner.query<T>(sql, params);
        const label = /FROM pg_catalog\.(\w+)/.exec(sql)?.[1] ?? sql.trim().split(/\s+/).slice(0, 2).join(' ');
        process.stderr.write(`  ${label.padEnd(16)} ${(performance.now() - start).toFixed(1).padStart(8)} ms  ${result.rows.length} rows\n`);
        return result;
      },
    };
    const start = performance.now();
    await introspect(timed);
    process.stderr.write(`  ${'total'.padEnd(16)} ${(performance.now() - start).toFixed(1).padStart(8)} ms\n`);
  } finally {
    await client.end();
  }
}

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

/** Wall time of the whole command, node start-up included, as a user (or CI) sees it. */
function timePull(url: string): number {
  const out = mkdtempSync(path.join(os.tmpdir(), 'schemadrift-bench-'));
  try {
    const start = performance.now();
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/schemadrift'), 'pull', '--db', url, '--out', path.join(out, 's.json')], {
      encoding: 'utf8',
    });
    const ms = performance.now() - start;
    if (r.status !== 0) throw new Error(`pull failed (exit ${r.status}): ${r.stderr}`);
    return ms;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const sizes = (option('sizes') ?? '100,1000,5000').split(',').map(Number);
  const runs = Number(option('runs') ?? 5);
  const profile = process.argv.includes('--profile');
  const external = process.env.BENCH_DATABASE_URL;
  const server = external ? { url: external, stop: async () => {} } : await startPostgres();
  const rows: Array<Measurement & { pullMs: number }> = [];
  try {
    for (const n of sizes) {
      const name = `schemadrift_bench_${n}_${process.pid}`;
      await withClient(server.url, (c) => c.query(`CREATE DATABASE ${name}`));
      const url = databaseUrl(server.url, name);
      try {
        const built = performance.now();
        await withClient(url, async (c) => {
          for (const batch of schemaSql(n)) await c.query(batch);
          await c.query('ANALYZE');
        });
        process.stderr.write(`${n} tables created in ${((performance.now() - built) / 1000).toFixed(1)} s\n`);

        const r = spawnSync(process.execPath, ['--import', 'tsx', HERE, '--child', url, String(n), String(runs), ...(profile ? ['--profile'] : [])], {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'inherit'],
        });
        if (r.status !== 0) throw new Error(`measuring ${n} tables failed (exit ${r.status})`);
        const measured = JSON.parse(r.stdout.trim().split('\n').pop()!) as Measurement;
        const pullMs = median([timePull(url), timePull(url), timePull(url)]);
        rows.push({ ...measured, pullMs });
      } finally {
        await withClient(server.url, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      }
    }
  } finally {
    await server.stop();
  }

  process.stdout.write(
    `\n| tables | readDatabase wall, median of ${runs} (min–max) | CPU: schemadrift + server = total | total per table | peak RSS: one read (start; all reads) | \`schemadrift pull\` wall, median of 3 |\n|---:|---:|---:|---:|---:|---:|\n`,
  );
  for (const r of rows) {
    const med = median(r.runs);
    const client = median(r.clientCpu);
    const server = r.serverCpu.length ? median(r.serverCpu) : undefined;
    const cpu =
      server === undefined
        ? `${client.toFixed(0)} ms + ? (server not local)`
        : `${client.toFixed(0)} + ${server.toFixed(0)} = ${(client + server).toFixed(0)} ms`;
    const perTable = server === undefined ? '' : `${(((client + server) * 1000) / r.tables).toFixed(0)} µs`;
    process.stdout.write(
      `| ${r.tables.toLocaleString('en')} | ${med.toFixed(0)} ms (${Math.min(...r.runs).toFixed(0)}–${Math.max(...r.runs).toFixed(0)}) | ${cpu} | ${perTable} | ${r.rssMb.toFixed(0)} MB (${r.baseRssMb.toFixed(0)}; ${r.rssAllMb.toFixed(0)}) | ${(r.pullMs / 1000).toFixed(2)} s |\n`,
    );
  }
  const at1000 = rows.find((r) => r.tables === 1000);
  const at5000 = rows.find((r) => r.tables === 5000);
  const verdicts = [
    at1000 && `1,000 tables: ${median(at1000.runs).toFixed(0)} ms wall (target < ${TARGETS.msAt1000} ms) ${median(at1000.runs) < TARGETS.msAt1000 ? 'ok' : 'MISSED'}`,
    at5000 && `5,000 tables: peak RSS ${at5000.rssMb.toFixed(0)} MB (target < ${TARGETS.mbAt5000} MB) ${at5000.rssMb < TARGETS.mbAt5000 ? 'ok' : 'MISSED'}`,
  ].filter(Boolean);
  process.stdout.write(`\n${verdicts.join('\n')}\nload average at the end: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} (${os.cpus().length} cores)\n`);
}

if (process.argv[2] === '--child') {
  await child(process.argv[3]!, Number(process.argv[4]), Number(process.argv[5]), process.argv.includes('--profile'));
} else {
  await main();
}
