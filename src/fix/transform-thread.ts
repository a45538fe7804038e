// A fix limited to a few files (the commit hook, `fix FILE…`) is short enough that loading the TypeScript
// transforms' toolchain (jscodeshift, Babel, ast-types: about a third of the run) shows. On a thread started
// before the sources are read, that loading and the first parse of each file overlap the reading on the
// second core. Only the CLI's bundle has the worker entry; run from the TypeScript sources (tests, library
// use), the transforms run on the calling thread.

import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

const WORKER = new URL('./transform-worker.js', import.meta.url);
const TYPESCRIPT = /\.(ts|tsx|mts|cts)$/;

export interface ThreadRequest {
  id: number;
  path: string;
  source: string;
  actions: { transform: string; options: Record<string, string> }[];
}

export interface ThreadReply {
  id: number;
  /** The text after the actions that applied, up to a failed one. */
  text: string;
  /** Actions their transform declined (CannotApply), by index, with its reason. */
  skipped: { index: number; reason: string }[];
  /** An action that threw anything else: a bug, which stops the fix. */
  failed?: { index: number; message: string };
}

export interface TransformThread {
  run(request: Omit<ThreadRequest, 'id'>): Promise<ThreadReply>;
  /**
   * Done with the thread. One that ran transforms is let finish (it saves its compile cache, and the process
   * waits the few milliseconds that takes); one never used is stopped, so it cannot hold the exit up.
   */
  close(): void;
  /** Stops the thread at once: the run failed, and a thread still loading must not hold the exit up. */
  abort(): void;
}

/** A thread for the TypeScript transforms, warming up on `files`; undefined when none is TypeScript or no thread can run. */
export function startTransformThread(files: readonly string[]): TransformThread | undefined {
  const typescript = files.filter((f) => TYPESCRIPT.test(f));
  if (!typescript.length || process.env.SCHEMADRIFT_NO_WORKERS || availableParallelism() < 2) return undefined;
  if (WORKER.protocol !== 'file:' || !existsSync(fileURLToPath(WORKER))) return undefined;
  const worker = new Worker(WORKER, { workerData: { files: typescript } });
  // An idle thread must not keep the process alive: the CLI exits when its command is done.
  worker.unref();
  const waiting = new Map<number, { resolve: (r: ThreadReply) => void; reject: (e: Error) => void }>();
  let failure: Error | undefined;
  const fail = (error: Error) => {
    failure ??= error;
    for (const w of waiting.values()) w.reject(failure);
    waiting.clear();
  };
  worker.on('message', (reply: ThreadReply) => {
    waiting.get(reply.id)?.resolve(reply);
    waiting.delete(reply.id);
  });
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`the TypeScript transforms' thread stopped (exit code ${code})`)));
  let next = 0;
  return {
    run(request) {
      if (failure) return Promise.reject(failure);
      const id = next++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        worker.ref();
        worker.postMessage({ ...request, id });
      }).finally(() => {
        if (!waiting.size) worker.unref();
      }) as Promise<ThreadReply>;
    },
    close() {
      if (next === 0) return void worker.terminate();
      worker.ref();
      worker.postMessage('close');
    },
    abort() {
      void worker.terminate();
    },
  };
}
