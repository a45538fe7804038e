// Expanding the files, folders and globs a code source names into a sorted list of files.

import { statSync } from 'node:fs';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { ConfigError } from '../errors.ts';

/** What a folder of each kind of code source holds. */
export const CODE_EXTENSIONS = {
  drizzle: ['.ts', '.tsx', '.mts', '.cts'],
  sqlmodel: ['.py'],
} as const satisfies Record<'drizzle' | 'sqlmodel', readonly string[]>;

const IGNORE = ['**/node_modules/**', '**/.git/**', '**/__pycache__/**', '**/.venv/**', '**/venv/**'];

/** `patterns` are absolute. A folder means every file with one of `extensions` below it. */
export async function expandFiles(patterns: readonly string[], extensions: readonly string[], sourceName: string): Promise<string[]> {
  const out = new Set<string>();
  for (const pattern of patterns) {
    let matches: string[];
    if (isDynamicPattern(pattern.split(path.sep).join('/'))) {
      matches = await glob(pattern.split(path.sep).join('/'), { absolute: true, ignore: IGNORE });
    } else {
      const stat = statSync(pattern, { throwIfNoEntry: false });
      if (!stat) throw new ConfigError(`${sourceName}: ${pattern}: no such file or folder`);
      matches = stat.isDirectory()
        ? await glob(extensions.map((e) => `**/*${e}`), { cwd: pattern, absolute: true, ignore: IGNORE })
        : [pattern];
    }
    if (!matches.length) throw new ConfigError(`${sourceName}: ${pattern}: matches no files`);
    for (const m of matches) out.add(path.resolve(m));
  }
  return [...out].sort();
}
