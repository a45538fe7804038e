// What `--write` may touch: only files a configured code source was read from, and only inside the project
// root once symlinks are resolved. A planner bug or a hostile symlink must not turn a schema fix into a
// write somewhere else on the machine.

import { realpathSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors.ts';
import type { FileChange } from './write.ts';

export interface WriteScope {
  /** The project root: the config file's folder, or the working directory without one. */
  root: string;
  /** Absolute paths of the files the code sources were read from. */
  sourceFiles: ReadonlySet<string>;
}

function inside(root: string, file: string): boolean {
  const rel = path.relative(root, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

export function assertWritable(changes: readonly FileChange[], scope: WriteScope): void {
  const root = realpathSync(scope.root);
  for (const c of changes) {
    if (!scope.sourceFiles.has(c.absolutePath)) {
      throw new UserError(`${c.file}: not a file of a configured source; refusing to write anything`);
    }
    const real = realpathSync(c.absolutePath);
    if (!inside(root, real)) {
      const why = real === c.absolutePath ? 'is outside' : `links to ${real}, outside`;
      throw new UserError(`${c.file}: ${why} the project root ${scope.root}; refusing to write anything`);
    }
  }
}
