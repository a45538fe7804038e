// The entry of the TypeScript transforms' thread (transform-thread.ts). Node 20 has no compile cache of its
// own, and the one bin/schemadrift installs covers only the main thread, so this thread installs
// v8-compile-cache before loading jscodeshift, Babel and ast-types (about a third less time to load them).
// Its cache is saved when the thread exits by itself, which is why the thread is asked to leave, not killed.

import { createRequire } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';
import type { ThreadRequest } from './transform-thread.ts';

createRequire(import.meta.url)('v8-compile-cache');
const { parseAhead, runRequest } = await import('./transform-serve.ts');

parentPort!.on('message', (request: ThreadRequest | 'close') => {
  if (request === 'close') process.exit(0);
  parentPort!.postMessage(runRequest(request));
});
parseAhead((workerData as { files: string[] }).files);
