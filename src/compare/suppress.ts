// Ignore comments in code sources, on the reported line or the line above it:
//   TypeScript  `// schemadrift-ignore fk-target, fk-on-delete`   (bare `// schemadrift-ignore`: every rule)
//   Python      `# schemadrift: ignore[fk-target, fk-on-delete]`  (bare `# schemadrift: ignore`: every rule)
// Rules never read files; this separate step reads only the files findings point at, each once.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FindingDraft, FindingLocation } from './finding.ts';

/** The text of a file as findings name it, or undefined when it cannot be read. */
export type ReadText = (file: string) => string | undefined;

export function fileReader(cwd: string): ReadText {
  return (file) => {
    try {
      return readFileSync(path.resolve(cwd, file), 'utf8');
    } catch {
      return undefined;
    }
  };
}

const TS_COMMENT = /\/\/\s*schemadrift-ignore\b(?![-\w])[ \t]*([a-z0-9-]+(?:[ \t]*,[ \t]*[a-z0-9-]+)*)?/;
const PY_COMMENT = /#\s*schemadrift:\s*ignore\b(?:\[([^\]]*)\])?/;

/** The rules a line's comment ignores: `all`, a list, or none. */
export function ignoredOnLine(line: string, file: string): 'all' | string[] | undefined {
  const m = (file.endsWith('.py') || file.endsWith('.pyi') ? PY_COMMENT : TS_COMMENT).exec(line);
  if (!m) return undefined;
  const list = (m[1] ?? '').split(',').map((r) => r.trim()).filter(Boolean);
  return list.length ? list : 'all';
}

/** Sources whose value differs from the truth's: the ones a comment must silence. */
function disagreeing(f: FindingDraft & { truth: string }): Set<string> {
  const truthValue = f.values[f.truth] ?? null;
  return new Set(
    Object.keys(f.values).filter((s) => s !== f.truth && f.presence[s] !== 'not-modelled' && (f.values[s] ?? null) !== truthValue),
  );
}

/**
 * Drops findings a comment silences: some location is on (or right below) a comment naming the rule, and
 * no location of another source that disagrees with the truth lacks one (silencing the source that is
 * right does not silence the one that is wrong).
 */
export function applyIgnoreComments<F extends FindingDraft & { truth: string }>(findings: readonly F[], read: ReadText): F[] {
  const lines = new Map<string, string[] | undefined>();
  const linesOf = (file: string) => {
    if (!lines.has(file)) lines.set(file, read(file)?.split(/\r?\n/));
    return lines.get(file);
  };
  const silenced = (rule: string, l: FindingLocation) => {
    const text = linesOf(l.file);
    if (!text) return false;
    return [l.line - 1, l.line - 2].some((i) => {
      const ignored = i >= 0 && i < text.length ? ignoredOnLine(text[i]!, l.file) : undefined;
      return ignored === 'all' || (ignored?.includes(rule) ?? false);
    });
  };
  return findings.filter((f) => {
    const marked = f.locations.filter((l) => silenced(f.rule, l));
    if (!marked.length) return true;
    const wrong = disagreeing(f);
    return f.locations.some((l) => wrong.has(l.source) && !marked.includes(l));
  });
}
