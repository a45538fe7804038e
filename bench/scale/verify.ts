// Holds a `check` result against the generated project's seeded drifts: the benchmark and its test both
// refuse a run that lost one, so speed is never bought with a missing answer.

import type { ExpectedFinding } from './generate.ts';

/** The part of a finding (library or `--format json`) the comparison needs. */
export interface ReportedFinding {
  rule: string;
  severity: string;
  table: string;
  column: string | null;
  truth: string;
  values: Record<string, string | null>;
  presence: Record<string, string>;
}

/** The sources that model the fact and say something other than the truth. */
export function disagreeing(f: ReportedFinding): string[] {
  return Object.keys(f.values).filter((s) => s !== f.truth && f.presence[s] !== 'not-modelled' && f.values[s] !== f.values[f.truth]);
}

export const describeFinding = (f: { rule: string; severity: string; table: string; column: string | null }, sources: string[]) =>
  `${f.severity} ${f.rule} ${f.table}${f.column ? `.${f.column}` : ''} (${sources.join(', ')})`;

/** The seeded findings the report lacks, described. */
export function missingFindings(findings: readonly ReportedFinding[], expected: readonly ExpectedFinding[]): string[] {
  const reported = new Set(findings.map((f) => describeFinding(f, disagreeing(f))));
  return expected.map((e) => describeFinding(e, [e.source])).filter((k) => !reported.has(k));
}
