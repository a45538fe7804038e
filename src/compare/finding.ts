// What `compare` produces and every report prints. The JSON report is this shape verbatim, so changing a
// field here is changing a public contract (README, "JSON output").

export const SEVERITIES = ['critical', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export function severityRank(s: Severity): number {
  return SEVERITIES.length - SEVERITIES.indexOf(s);
}

/** Whether a source declares the fact a finding is about. */
export type Presence =
  /** The source declares the fact; its value is in `values`. */
  | 'present'
  /** The source models the table (and column) but does not declare this fact, e.g. no FK on the column. */
  | 'absent'
  /** The source does not model the table at all: shown as N/A and never drift. */
  | 'not-modelled';

export interface FindingLocation {
  source: string;
  file: string;
  line: number;
  column: number;
}

/** What a rule reports: one fact on which the sources disagree. */
export interface FindingDraft {
  rule: string;
  severity: Severity;
  /** `table`, or `schema.table` outside `public`. */
  table: string;
  column: string | null;
  message: string;
  /** One entry per source in the run, in the run's source order; `null` unless the source declares the fact. */
  values: Record<string, string | null>;
  /** Why a value is null: the source lacks the fact, or does not model the table at all (N/A). */
  presence: Record<string, Presence>;
  locations: FindingLocation[];
}

/** A draft as `compare` hands it on: with the source the fix aims at. */
export interface ComparedFinding extends FindingDraft {
  truth: string;
}

/** A finding as reported, once `plan` has said whether `fix` can act on it. */
export interface Finding extends ComparedFinding {
  fixable: boolean;
}
