// What several report formats ask of a finding: how severe it reads, where the drift is written, and how
// info findings are summarised in one line per rule instead of one row each.

import type { Finding, FindingLocation, Severity } from '../compare/finding.ts';

/** `api_key_credits.user_id`, or the table alone for a table-level finding. */
export function findingSubject(f: Finding): string {
  return f.column ? `${f.table}.${f.column}` : f.table;
}

/**
 * The locations a reader has to change: those of sources whose value differs from the truth's. A source
 * that agrees with the truth is where the fact is right, and annotating it as an error would mislead.
 * When no location is of a differing source (e.g. the truth is a code source and alone has a location),
 * every location is kept.
 */
export function driftLocations(f: Finding): FindingLocation[] {
  const truth = f.values[f.truth] ?? null;
  const differing = f.locations.filter((l) => l.source !== f.truth && (f.values[l.source] ?? null) !== truth);
  return differing.length ? differing : f.locations;
}

export function severityCounts(findings: readonly Finding[]): Record<Severity, number> {
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  return { critical: count('critical'), warning: count('warning'), info: count('info') };
}

export interface InfoGroup {
  rule: string;
  /** Why these are only info, when every finding of the group says the same. */
  reason: string | undefined;
  findings: Finding[];
}

/** Rules say why a finding is only info in a trailing parenthetical: `… (equivalent in PostgreSQL)`. */
function infoReason(message: string): string | undefined {
  return /\(([^()]+)\)$/.exec(message)?.[1];
}

/** Info findings grouped by rule (and reason), in the order their first finding was reported. */
export function infoGroups(findings: readonly Finding[]): InfoGroup[] {
  const groups = new Map<string, InfoGroup>();
  for (const f of findings) {
    if (f.severity !== 'info') continue;
    const reason = infoReason(f.message);
    const key = `${f.rule}\u0000${reason ?? ''}`;
    const group = groups.get(key) ?? { rule: f.rule, reason, findings: [] };
    group.findings.push(f);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** `15 info findings (column-type: equivalent in PostgreSQL)`. */
export function describeInfoGroup(g: InfoGroup): string {
  const n = g.findings.length;
  return `${n} info finding${n === 1 ? '' : 's'} (${g.rule}${g.reason ? `: ${g.reason}` : ''})`;
}
