// Every report format on the example, byte for byte against its golden (test/e2e/golden/report.*): once
// through the real binary, as CI would run it, and twice through the library in one process, which must
// give the same bytes both times. The goldens are rewritten only by `npm run golden`.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fix, type FixResult } from '../../src/api.ts';
import { renderReport } from '../../src/cli/report.ts';
import { EXAMPLE, runCli, type CliResult } from '../helpers/cli.ts';
import { GOLDEN_DIR, goldenArgs, REPORT_GOLDENS, type ReportGolden } from '../helpers/reports.ts';

const golden = (file: string) => readFileSync(path.join(GOLDEN_DIR, file), 'utf8');

describe('reports on the credits-app example', () => {
  // The binary runs the same renderReport; what only a CLI run shows is the --format choice and the
  // dispatch, so it runs once per format that no other test runs through it (test/e2e/credits-app.test.ts
  // runs the table and json). One after the other: run at once on a busy machine they time out together.
  const cliGoldens = REPORT_GOLDENS.filter((g) => ['markdown', 'github', 'sarif'].includes(g.format));
  let runs: [FixResult, FixResult];
  let cli: Map<ReportGolden, CliResult>;
  beforeAll(async () => {
    runs = [await fix({ cwd: EXAMPLE }), await fix({ cwd: EXAMPLE })];
    cli = new Map(cliGoldens.map((g) => [g, runCli(goldenArgs(g), EXAMPLE)]));
  }, 300_000);

  for (const g of REPORT_GOLDENS) {
    it(`--format ${g.format}${g.verbose ? ' --verbose' : ''} is ${g.file}, the same bytes on every run`, () => {
      const render = (r: FixResult) => renderReport(g.format, r, { cwd: EXAMPLE, color: false, verbose: g.verbose });
      const first = render(runs[0]);
      expect(render(runs[1])).toBe(first);
      expect(first).toBe(golden(g.file));
    });
  }

  for (const g of cliGoldens) {
    it(`schemadrift ${goldenArgs(g).join(' ')} prints ${g.file} and exits 1`, () => {
      const r = cli.get(g)!;
      expect(r.stderr).toBe('');
      expect(r.code).toBe(1);
      expect(r.stdout).toBe(golden(g.file));
    });
  }

  it('the markdown report carries the seed report\'s three mismatches and their fixes', () => {
    const md = golden('report.md');
    const summary = md.slice(md.indexOf('## Executive Summary'), md.indexOf('## Detailed Comparison'));
    const critical = summary.split('\n').filter((l) => l.includes('**CRITICAL**'));
    expect(critical).toEqual([
      '| `api_key_credits.user_id` fk-target | → `user_credits.user_id` | ✗ → `users.id` | ✓ Matches | **CRITICAL** (fixable) |',
      '| `credit_transactions.user_id` fk-target | → `user_credits.user_id` | ✗ → `users.id` | ✓ Matches | **CRITICAL** (fixable) |',
      '| `teams.owner_id` fk-target | → `users.id` | ✓ Matches | ✗ → `user_credits.user_id` | **CRITICAL** (fixable) |',
    ]);
    // The seed's "File:" lines of its three fixes.
    for (const file of [
      '[nextjs/src/database/schema.ts:113-115](nextjs/src/database/schema.ts#L113-L115)',
      '[nextjs/src/database/schema.ts:130-132](nextjs/src/database/schema.ts#L130-L132)',
      '[fastapi/models/credits.py:72-73](fastapi/models/credits.py#L72-L73)',
    ]) {
      expect(md).toContain(`**File**: ${file}`);
    }
    expect(md).toContain('**Change to**:\n```python\nowner_id: Optional[str] = Field(\n    default=None, foreign_key="users.id"');
  });
});
