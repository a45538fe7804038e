// What the TypeScript transforms' thread does (transform-thread.ts starts it, transform-worker.ts is its
// entry): runs one file's actions per request, with the outcome runActions has on the calling thread.

import { readFileSync } from 'node:fs';
import { isCannotApply } from '../../transforms/lib/cannot-apply.ts';
import { parseSource } from '../../transforms/lib/drizzle-source.ts';
import type { ThreadReply, ThreadRequest } from './transform-thread.ts';
import type { TransformFn } from './transform-fn.ts';
import { TYPESCRIPT_TRANSFORMS, typescriptApi } from './typescript-transforms.ts';

const api = typescriptApi();
const transforms: Record<string, TransformFn> = TYPESCRIPT_TRANSFORMS;

export function runRequest(request: ThreadRequest): ThreadReply {
  let text = request.source;
  const skipped: ThreadReply['skipped'] = [];
  for (const [index, action] of request.actions.entries()) {
    try {
      text = transforms[action.transform]!({ path: request.path, source: text }, api as never, action.options);
    } catch (e) {
      if (isCannotApply(e)) {
        skipped.push({ index, reason: e.message });
        continue;
      }
      return { id: request.id, text, skipped, failed: { index, message: (e as Error).message } };
    }
  }
  return { id: request.id, text, skipped };
}

/**
 * Parses the files ahead: parseSource keeps the last tree per text, so the first transform handed a file's
 * text reuses it. A file that cannot be read or parsed here is the calling thread's to report, if it gets there.
 */
export function parseAhead(files: readonly string[]): void {
  for (const file of files) {
    try {
      parseSource({ path: file, source: readFileSync(file, 'utf8') }, api as never);
    } catch {
      // see above
    }
  }
}
