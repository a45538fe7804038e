// PGlite ships PostgreSQL's contrib extensions (citext, pgcrypto, uuid-ossp, …) but only makes those
// available that it was started with, so a schema beginning `CREATE EXTENSION "uuid-ossp"` would fail to
// replay. The scripts name what they need; those are loaded, and anything PGlite lacks is left for
// CREATE EXTENSION itself to report at its line.

import type { Extension } from '@electric-sql/pglite';

const CREATE_EXTENSION = /\bcreate\s+extension\s+(?:if\s+not\s+exists\s+)?("(?:[^"]|"")+"|[a-z_][a-z0-9_$]*)/gi;

/** Extension names as CREATE EXTENSION resolves them: unquoted folded to lower case. */
export function extensionsCreatedBy(texts: string[]): string[] {
  const names = new Set<string>();
  for (const text of texts) {
    for (const match of text.matchAll(CREATE_EXTENSION)) {
      const written = match[1]!;
      names.add(written.startsWith('"') ? written.slice(1, -1).replace(/""/g, '"') : written.toLowerCase());
    }
  }
  return [...names].sort();
}

export async function pgliteExtensions(names: string[]): Promise<Record<string, Extension>> {
  const extensions: Record<string, Extension> = {};
  for (const name of names) {
    // PGlite's modules are named like the extension, with `_` for `-` (uuid-ossp → uuid_ossp).
    const module = name.replace(/-/g, '_');
    if (!/^[a-z0-9_]+$/.test(module)) continue;
    try {
      const loaded = (await import(`@electric-sql/pglite/contrib/${module}`)) as Record<string, Extension | undefined>;
      const extension = loaded[module];
      if (extension) extensions[module] = extension;
    } catch {
      // Not shipped with PGlite (PostGIS, pgvector, …).
    }
  }
  return extensions;
}
