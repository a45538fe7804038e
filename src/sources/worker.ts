// A code source read on its own thread (see threads.ts). The model is plain data, so it crosses the thread
// boundary by structured clone; errors cross as their class and message, and are rebuilt on the other side.

import { parentPort, workerData } from 'node:worker_threads';
import { ConfigError, DatabaseError, SourceError, UserError } from '../errors.ts';
import type { SourceSpec } from '../config/types.ts';
import { readSource } from './index.ts';

export type ErrorKind = 'SourceError' | 'ConfigError' | 'DatabaseError' | 'UserError' | 'bug';

export interface WorkerReply {
  model?: unknown;
  error?: { kind: ErrorKind; message: string; stack?: string; loc?: SourceError['loc'] };
}

function kindOf(error: unknown): ErrorKind {
  if (error instanceof SourceError) return 'SourceError';
  if (error instanceof ConfigError) return 'ConfigError';
  if (error instanceof DatabaseError) return 'DatabaseError';
  if (error instanceof UserError) return 'UserError';
  return 'bug';
}

const { spec, cwd } = workerData as { spec: SourceSpec; cwd: string };
let reply: WorkerReply;
try {
  reply = { model: await readSource(spec, cwd) };
} catch (error) {
  const e = error as Error & { loc?: SourceError['loc'] };
  reply = { error: { kind: kindOf(error), message: e.message, stack: e.stack, ...(e.loc && { loc: e.loc }) } };
}
parentPort!.postMessage(reply);
