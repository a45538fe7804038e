// `check --format …`: which output module prints a result, and what each needs beyond the findings.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CheckResult, FixResult } from '../api.ts';
import { RULES } from '../compare/rules/index.ts';
import { formatGithub } from '../output/github.ts';
import { formatJson } from '../output/json.ts';
import { formatMarkdown } from '../output/markdown/index.ts';
import { formatSarif } from '../output/sarif.ts';
import { formatTable } from '../output/table.ts';
import pkg from '../../package.json' with { type: 'json' };

export const REPORT_FORMATS = ['table', 'json', 'markdown', 'github', 'sarif'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The markdown report shows the fixes, so it needs the fix plan (`fix` without writing). */
export const NEEDS_FIX_PLAN: ReadonlySet<ReportFormat> = new Set(['markdown']);

export interface ReportOptions {
  cwd: string;
  color: boolean;
  verbose: boolean;
}

export function renderReport(format: ReportFormat, result: CheckResult | FixResult, o: ReportOptions): string {
  const { findings, config, models } = result;
  switch (format) {
    case 'json':
      return formatJson(findings, { sources: config.sources, truth: config.truth });
    case 'github':
      return formatGithub(findings);
    case 'sarif': {
      const homepage = (pkg as { homepage?: string }).homepage;
      return formatSarif(findings, { tool: { name: pkg.name, version: pkg.version, homepage }, rules: RULES.map((r) => r.meta) });
    }
    case 'markdown': {
      if (!('actions' in result)) throw new Error('the markdown report needs the fix plan');
      return formatMarkdown({
        findings,
        models,
        truth: config.truth,
        actions: result.actions,
        changes: result.changes,
        readFile: (file) => readFileSync(path.resolve(o.cwd, file), 'utf8'),
      });
    }
    case 'table':
      return formatTable(findings, {
        sources: config.sources.map((s) => s.name),
        truth: config.truth,
        tableCount: new Set(models.flatMap((m) => m.tables.map((t) => `${t.schema}.${t.name}`))).size,
        color: o.color,
        verbose: o.verbose,
      });
  }
}
