// The markdown report, in the shape of a hand-written schema verification report: a status header, an
// executive summary table (one row per finding, one column per source), per-table detail, the foreign-key
// architecture as each source sees it, the fixes as "change from / change to" code, and an action plan.
// It carries no date, so the same inputs give the same bytes.

import type { Finding } from '../../compare/finding.ts';
import { alignTables } from '../../compare/index.ts';
import type { SchemaModel } from '../../model/schema.ts';
import type { FixAction } from '../../plan/index.ts';
import type { FileChange } from '../write.ts';
import { describeInfoGroup, findingSubject, infoGroups, severityCounts } from '../findings.ts';
import { foreignKeyArchitecture } from './foreign-keys.ts';
import { requiredFixes, unfixed } from './fixes.ts';
import { tableDetails } from './tables.ts';
import { code, row, SourceTexts } from './text.ts';

export interface MarkdownInput {
  findings: readonly Finding[];
  models: readonly SchemaModel[];
  truth: string;
  /** The fix plan for all rules, and the file changes it makes (not written). */
  actions: readonly FixAction[];
  changes: readonly FileChange[];
  /** Reads a file as spans name it (relative to the working directory). */
  readFile: (file: string) => string;
}

function statusLine(findings: readonly Finding[]): string {
  const n = severityCounts(findings);
  const plural = (k: number, word: string) => `${k} ${word}${k === 1 ? '' : 'ES'}`;
  if (n.critical) return `❌ **${plural(n.critical, 'CRITICAL MISMATCH')} FOUND**`;
  if (n.warning) return `⚠️ **${plural(n.warning, 'MISMATCH')} FOUND**`;
  return '✅ **NO DRIFT**';
}

function cell(f: Finding, source: string): string {
  if (f.presence[source] === 'not-modelled') return 'N/A';
  const value = f.values[source] ?? null;
  const arrow = f.rule === 'fk-target' ? '→ ' : '';
  if (value === null) return '✗ none';
  const shown = `${arrow}${code(value)}`;
  if (source === f.truth) return shown;
  const truth = f.values[f.truth] ?? null;
  if (truth === null) return shown;
  return value === truth ? '✓ Matches' : `✗ ${shown}`;
}

function executiveSummary(findings: readonly Finding[], sources: readonly string[], truth: string): string[] {
  const n = severityCounts(findings);
  const drift = findings.filter((f) => f.severity !== 'info');
  const out = ['## Executive Summary', ''];
  out.push(
    drift.length
      ? `The sources have **${n.critical} critical** and **${n.warning} warning** mismatches; ${code(truth)} is the truth the others are fixed towards:`
      : `The sources agree on every fact that matters; ${code(truth)} is the truth.`,
    '',
  );
  if (drift.length) {
    out.push(row(['Issue', ...sources.map((s) => (s === truth ? `${s} (truth)` : s)), 'Status']));
    out.push(`|${['Issue', ...sources, 'Status'].map(() => '---').join('|')}|`);
    for (const f of drift) {
      const status = `**${f.severity.toUpperCase()}**${f.fixable ? ' (fixable)' : ''}`;
      out.push(row([`${code(findingSubject(f))} ${f.rule}`, ...sources.map((s) => cell(f, s)), status]));
    }
    out.push('');
  }
  const groups = infoGroups(findings);
  if (groups.length) out.push(`Not drift: ${groups.map(describeInfoGroup).join('; ')}, listed per table below.`, '');
  return out;
}

function actionPlan(input: MarkdownInput, truthKind: string | undefined): string[] {
  const out = ['## Action Plan', ''];
  const steps: string[] = [];
  const bySource = new Map<string, Set<string>>();
  for (const a of input.actions) bySource.set(a.source, (bySource.get(a.source) ?? new Set()).add(a.finding.table));
  for (const [source, tables] of bySource) steps.push(`**Apply the ${source} fixes** (${[...tables].join(', ')})`);
  if (input.changes.length) steps.push('All of them at once: `schemadrift fix --write` (every file or none; `schemadrift fix` shows the diff first)');
  const left = input.findings.filter((f) => f.severity !== 'info' && !f.fixable);
  if (left.length) steps.push(`**Resolve by hand** the ${left.length} finding${left.length === 1 ? '' : 's'} no fix settles (listed under "Not fixed automatically")`);
  steps.push('**Verify no drift**: `schemadrift check` exits 0 (info findings are not drift)');
  if (input.changes.length) {
    steps.push(`**Commit the changes**: \`git add ${input.changes.map((c) => c.file).join(' ')}\``);
  }
  if (truthKind === 'database') steps.push('**Deploy** (no migration needed: the database is the truth)');
  else steps.push(`**Migrate the database** towards ${code(input.truth)} if it differs`);
  steps.forEach((s, i) => out.push(`${i + 1}. ${s}`));
  out.push('');
  return out;
}

export function formatMarkdown(input: MarkdownInput): string {
  const texts = new SourceTexts(input.readFile);
  const sources = input.models.map((m) => m.source);
  const tables = alignTables(input.models, input.truth).filter((t) => t.sources.filter((s) => s.table).length >= 2);
  const truthKind = input.models.find((m) => m.source === input.truth)?.kind;
  const out = [
    '# Schema Verification Report',
    `**Sources**: ${sources.map((s) => (s === input.truth ? `${s} (truth)` : s)).join(', ')}; ${tables.length} tables compared`,
    `**Status**: ${statusLine(input.findings)}`,
    '',
    ...executiveSummary(input.findings, sources, input.truth),
    ...tableDetails(tables, input.findings, texts),
    ...foreignKeyArchitecture(tables, input.findings, input.truth),
    ...requiredFixes(input.actions, input.changes, input.models, texts),
    ...unfixed(input.findings),
    ...actionPlan(input, truthKind),
  ];
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}
