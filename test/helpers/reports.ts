// The report goldens: which CLI run on the example writes which file in test/e2e/golden. Shared by the test
// that compares against them (test/e2e/reports.test.ts) and the script that rewrites them (npm run golden),
// so the two can never disagree about what a golden is the output of.

import path from 'node:path';
import { ROOT } from './cli.ts';

export const GOLDEN_DIR = path.join(ROOT, 'test/e2e/golden');

export interface ReportGolden {
  file: string;
  format: 'table' | 'json' | 'markdown' | 'github' | 'sarif';
  verbose: boolean;
}

export const REPORT_GOLDENS: readonly ReportGolden[] = [
  { file: 'report.table.txt', format: 'table', verbose: false },
  { file: 'report.table-verbose.txt', format: 'table', verbose: true },
  { file: 'report.json', format: 'json', verbose: false },
  { file: 'report.md', format: 'markdown', verbose: false },
  { file: 'report.github.txt', format: 'github', verbose: false },
  { file: 'report.sarif', format: 'sarif', verbose: false },
];

/** The `schemadrift check` arguments that print a golden. */
export function goldenArgs(g: ReportGolden): string[] {
  return ['check', '--format', g.format, ...(g.verbose ? ['--verbose'] : [])];
}

/**
 * Goldens of other tests that are the same `check` output: `check.txt` (test/e2e/credits-app.test.ts) is
 * the default table, so it is rewritten with the reports.
 */
export const ALSO_WRITTEN: Readonly<Record<string, string>> = { 'check.txt': 'report.table.txt' };
