// Config `ignore` entries: `{"rule": "column-type", "table": "teams", "column": "*"}` drops the findings
// every given field matches (globs; an absent field matches anything).

import type { FindingDraft } from './finding.ts';
import { globMatch } from '../util/glob.ts';
import type { IgnoreEntry } from './options.ts';

export function isIgnored(finding: Pick<FindingDraft, 'rule' | 'table' | 'column'>, entries: readonly IgnoreEntry[]): boolean {
  return entries.some(
    (e) =>
      (e.rule === undefined || globMatch(e.rule, finding.rule)) &&
      (e.table === undefined || globMatch(e.table, finding.table)) &&
      (e.column === undefined || e.column === '*' || (finding.column !== null && globMatch(e.column, finding.column))),
  );
}
