// The human report: a summary table in the shape of a hand-written verification report's executive
// summary (one row per finding, one column per source, a status column), then where each problem is.
// Info findings are never drift, and a big schema has hundreds of them (varchar vs text on every column),
// so by default they collapse into one line per rule; --verbose lists them as rows too.

import { styleText } from 'node:util';
import type { Finding, Severity } from '../compare/finding.ts';
import { describeInfoGroup, driftLocations, findingSubject, infoGroups, severityCounts } from './findings.ts';

export interface TableOptions {
  sources: readonly string[];
  truth: string;
  tableCount: number;
  color: boolean;
  /** List info findings as rows and in the details too, instead of one summary line per rule. */
  verbose?: boolean;
}

type Style = Parameters<typeof styleText>[0];

function cell(f: Finding, source: string): string {
  const value = f.values[source] ?? null;
  const presence = f.presence[source];
  if (presence === 'not-modelled') return 'N/A';
  if (value === null) return '✗ none';
  if (source === f.truth) return value;
  const truth = f.values[f.truth] ?? null;
  if (truth === null) return value;
  if (value === truth) return '✓';
  return `${f.severity === 'info' ? '≈' : '✗'} ${value}`;
}

const SEVERITY_STYLE: Record<Severity, Style> = { critical: ['red', 'bold'], warning: 'yellow', info: 'dim' };

function counts(findings: readonly Finding[]): string {
  const n = severityCounts(findings);
  return `${n.critical} critical, ${n.warning} warning, ${n.info} info`;
}

export function formatTable(findings: readonly Finding[], o: TableOptions): string {
  const paint = (style: Style, text: string) => (o.color ? styleText(style, text) : text);
  const header = ['Issue', 'Rule', ...o.sources.map((s) => (s === o.truth ? `${s} (truth)` : s)), 'Status'];
  const listed = findings.filter((f) => o.verbose || f.severity !== 'info');
  const rows = listed.map((f) => [
    findingSubject(f),
    f.rule,
    ...o.sources.map((s) => cell(f, s)),
    f.severity === 'info' ? 'info' : `${f.severity.toUpperCase()}${f.fixable ? ' (fixable)' : ''}`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd();

  const out: string[] = [];
  const title = `Compared ${o.tableCount} tables across ${o.sources.join(', ')} (truth: ${o.truth}).`;
  if (!findings.length) return `${title}\nNo drift.\n`;
  out.push(title, '');
  if (listed.length) out.push(paint('bold', line(header)));
  listed.forEach((f, i) => out.push(paint(SEVERITY_STYLE[f.severity], line(rows[i]!))));
  if (!o.verbose) {
    for (const g of infoGroups(findings)) out.push(paint(SEVERITY_STYLE.info, `${describeInfoGroup(g)} — use --verbose to list them`));
  }

  if (listed.length) out.push('');
  for (const f of listed) {
    out.push(`${paint(SEVERITY_STYLE[f.severity], f.severity)} ${f.rule}: ${f.message}`);
    // Only where something has to change: the source that agrees with the truth is not a problem.
    for (const l of driftLocations(f)) out.push(`    ${l.source.padEnd(Math.max(...o.sources.map((s) => s.length)))}  ${l.file}:${l.line}:${l.column}`);
  }
  const fixable = findings.filter((f) => f.fixable).length;
  out.push('', `${counts(findings)}.${fixable ? ` ${fixable} fixable: run \`schemadrift fix --dry-run\` to see the changes.` : ''}`);
  return `${out.join('\n')}\n`;
}
