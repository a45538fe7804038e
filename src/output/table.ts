// The human report: a summary table in the shape of a hand-written verification report's executive
// summary (one row per finding, one column per source, a status column), then where each problem is.

import { styleText } from 'node:util';
import type { Finding, Severity } from '../compare/finding.ts';

export interface TableOptions {
  sources: readonly string[];
  truth: string;
  tableCount: number;
  color: boolean;
  /** List info findings in the details too. */
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
  const by = (s: Severity) => findings.filter((f) => f.severity === s).length;
  return `${by('critical')} critical, ${by('warning')} warning, ${by('info')} info`;
}

export function formatTable(findings: readonly Finding[], o: TableOptions): string {
  const paint = (style: Style, text: string) => (o.color ? styleText(style, text) : text);
  const header = ['Issue', 'Rule', ...o.sources.map((s) => (s === o.truth ? `${s} (truth)` : s)), 'Status'];
  const rows = findings.map((f) => [
    f.column ? `${f.table}.${f.column}` : f.table,
    f.rule,
    ...o.sources.map((s) => cell(f, s)),
    f.severity === 'info' ? 'info' : `${f.severity.toUpperCase()}${f.fixable ? ' (fixable)' : ''}`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd();

  const out: string[] = [];
  const title = `Compared ${o.tableCount} tables across ${o.sources.join(', ')} (truth: ${o.truth}).`;
  if (!findings.length) return `${title}\nNo drift.\n`;
  out.push(title, '', paint('bold', line(header)));
  findings.forEach((f, i) => out.push(paint(SEVERITY_STYLE[f.severity], line(rows[i]!))));

  const detailed = findings.filter((f) => o.verbose || f.severity !== 'info');
  if (detailed.length) out.push('');
  for (const f of detailed) {
    out.push(`${paint(SEVERITY_STYLE[f.severity], f.severity)} ${f.rule}: ${f.message}`);
    for (const l of f.locations) out.push(`    ${l.source.padEnd(Math.max(...o.sources.map((s) => s.length)))}  ${l.file}:${l.line}:${l.column}`);
  }
  const fixable = findings.filter((f) => f.fixable).length;
  out.push('', `${counts(findings)}.${fixable ? ` ${fixable} fixable: run \`schemadrift fix --dry-run\` to see the changes.` : ''}`);
  return `${out.join('\n')}\n`;
}
