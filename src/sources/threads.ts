// Reading code sources side by side. Each reader is single-threaded CPU work (ts-morph, tree-sitter), so on
// a machine with two cores a Drizzle schema and a Python package read at the same time take as long as the
// slower of the two, not their sum. Only the CLI's bundle has a worker entry (worker.js beside this chunk);
// run from the TypeScript sources (tests, library use), everything is read on the calling thread.

import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { SourceSpec } from '../config/types.ts';
import { ConfigError, DatabaseError, SourceError, UserError } from '../errors.ts';
import type { SchemaModel } from '../model/schema.ts';
import type { WorkerReply } from './worker.ts';

const WORKER = new URL('./worker.js', import.meta.url);

export function workersAvailable(): boolean {
  return !process.env.SCHEMADRIFT_NO_WORKERS && availableParallelism() > 1 && WORKER.protocol === 'file:' && existsSync(fileURLToPath(WORKER));
}

/**
 * Which sources get a thread of their own: every code source but one, which the calling thread reads — a
 * Drizzle one if there is one, because the TypeScript compiler loads fastest where bin/schemadrift installed
 * its compile cache (a worker would compile it afresh, about 0.3 s).
 */
export function threadedSources(specs: readonly SourceSpec[], bytes: ReadonlyMap<SourceSpec, number>): Set<SourceSpec> {
  const code = specs.filter((s) => s.kind !== 'database');
  const here = code.find((s) => s.kind === 'drizzle') ?? code[0];
  // A thread costs ~0.2 s to start and load its reader: worth it only for a source big enough to take longer.
  return new Set(code.filter((s) => s !== here && (bytes.get(s) ?? 0) >= THREAD_MIN_BYTES));
}

/** About 250 tables of either language. */
export const THREAD_MIN_BYTES = 128 * 1024;

export function readInWorker(spec: SourceSpec, cwd: string): Promise<SchemaModel> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { workerData: { spec, cwd } });
    let settled = false;
    worker.once('message', (reply: WorkerReply) => {
      settled = true;
      if (reply.error) reject(revive(reply.error));
      else resolve(reply.model as SchemaModel);
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the reader of source "${spec.name}" stopped (exit code ${code})`));
    });
  });
}

function revive(e: NonNullable<WorkerReply['error']>): Error {
  const error =
    e.kind === 'SourceError' ? new SourceError(e.message)
    : e.kind === 'ConfigError' ? new ConfigError(e.message)
    : e.kind === 'DatabaseError' ? new DatabaseError(e.message)
    : e.kind === 'UserError' ? new UserError(e.message)
    : new Error(e.message);
  if (e.loc) Object.defineProperty(error, 'loc', { value: e.loc });
  if (e.stack) error.stack = e.stack;
  return error;
}
