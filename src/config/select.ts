// --only-source / --ignore-source: run with a subset of the configured sources.

import { ConfigError } from '../errors.ts';
import type { SourceSpec } from './types.ts';

export function selectSources(sources: readonly SourceSpec[], only: readonly string[] = [], ignore: readonly string[] = []): SourceSpec[] {
  const names = sources.map((s) => s.name);
  for (const [flag, list] of [['--only-source', only], ['--ignore-source', ignore]] as const) {
    const unknown = list.filter((n) => !names.includes(n));
    if (unknown.length) throw new ConfigError(`${flag} ${unknown.join(', ')}: no such source (sources: ${names.join(', ')})`);
  }
  return sources.filter((s) => (!only.length || only.includes(s.name)) && !ignore.includes(s.name));
}
