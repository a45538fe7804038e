// Per-table truth: `"owners": {"users": "drizzle", "auth.*": "database", "*": "database"}`. The owner of a
// table is right for it; a table no entry matches belongs to the run's truth.

import { globMatch, isGlob } from '../util/glob.ts';
import type { OwnerEntry } from './options.ts';

/**
 * An exact table key wins over any glob; among globs the first in config order wins, except that a bare
 * `*` is the fallback and is consulted last. Owners that are not sources of this run (left out with
 * --only-source/--ignore-source) are skipped.
 */
export function ownerOf(key: string, owners: readonly OwnerEntry[], sources: ReadonlySet<string>, truth: string): string {
  const usable = owners.filter((o) => sources.has(o.source));
  const exact = usable.find((o) => !isGlob(o.pattern) && o.pattern === key);
  if (exact) return exact.source;
  const glob = usable.find((o) => o.pattern !== '*' && isGlob(o.pattern) && globMatch(o.pattern, key));
  if (glob) return glob.source;
  return usable.find((o) => o.pattern === '*')?.source ?? truth;
}
