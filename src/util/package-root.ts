// The folder holding schemadrift's own package.json. Found by walking up rather than by a fixed `../..`,
// because this code runs both as src/**/*.ts and from the bundle in dist/<key>/.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function find(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'schemadrift') return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('schemadrift: cannot find its own package.json');
    dir = parent;
  }
}

export const PACKAGE_ROOT = find();
