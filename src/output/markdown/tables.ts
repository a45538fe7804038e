// "Detailed Comparison": per table, its status, each source's definition (columns with their keys, as that
// source has them, linked to where the code declares the table) and the findings on it.

import type { Finding } from '../../compare/finding.ts';
import type { TableContext } from '../../compare/rule.ts';
import { fkTargetText } from '../../model/names.ts';
import type { Column, Table } from '../../model/schema.ts';
import { findingSubject } from '../findings.ts';
import { code, fenced, lineLink, type SourceTexts } from './text.ts';

const MARK = { critical: '❌', warning: '⚠️', info: 'ℹ️' } as const;

/** `user_id (character varying, NOT NULL, FK → user_credits.user_id ON DELETE CASCADE)`. */
function describeColumn(table: Table, c: Column): string {
  const facts: string[] = [c.type.sql ?? c.type.written ?? 'type unknown'];
  const inPk = table.primaryKey?.columns.includes(c.name) ?? false;
  if (inPk) facts.push(table.primaryKey!.columns.length === 1 ? 'PK' : `PK (${table.primaryKey!.columns.join(', ')})`);
  if (!c.nullable && !inPk) facts.push('NOT NULL');
  const single = (columns: readonly string[]) => columns.length === 1 && columns[0] === c.name;
  if (table.uniques.some((u) => single(u.columns)) || table.indexes.some((i) => i.unique && single(i.columns))) facts.push('UNIQUE');
  if (c.default !== undefined) facts.push(`default ${c.default}`);
  for (const fk of table.foreignKeys) {
    if (!fk.columns.includes(c.name)) continue;
    const cols = fk.columns.length > 1 ? ` (${fk.columns.join(', ')})` : '';
    facts.push(`FK${cols} → ${fkTargetText(fk)}${fk.onDelete === 'NO ACTION' ? '' : ` ON DELETE ${fk.onDelete}`}`);
  }
  if (table.indexes.some((i) => !i.unique && single(i.columns))) facts.push('indexed');
  return `- ${c.name} (${facts.join(', ')})`;
}

function definition(table: Table): string[] {
  return [`Table "${table.name}"`, ...table.columns.map((c) => describeColumn(table, c))];
}

function status(findings: readonly Finding[], ctx: TableContext): string {
  const modelled = ctx.sources.filter((s) => s.table).map((s) => s.source);
  const missing = ctx.sources.filter((s) => !s.table).map((s) => s.source);
  const na = missing.length ? ` (${missing.join(', ')}: N/A, not modelled)` : '';
  const worst = findings.find((f) => f.severity === 'critical') ?? findings.find((f) => f.severity === 'warning');
  if (!findings.length) return `Match across ${modelled.join(', ')}${na}`;
  if (!worst) return `Equivalent across ${modelled.join(', ')}, with ${findings.length} info finding${findings.length === 1 ? '' : 's'}${na}`;
  const rules = [...new Set(findings.filter((f) => f.severity === worst.severity).map((f) => f.rule))];
  return `${worst.severity.toUpperCase()} ${rules.join(', ')} mismatch${na}`;
}

function heading(findings: readonly Finding[]): string {
  if (findings.some((f) => f.severity === 'critical')) return MARK.critical;
  if (findings.some((f) => f.severity === 'warning')) return MARK.warning;
  return '✅';
}

export function tableDetails(tables: readonly TableContext[], findings: readonly Finding[], texts: SourceTexts): string[] {
  const out: string[] = ['## Detailed Comparison', ''];
  tables.forEach((ctx, i) => {
    const own = findings.filter((f) => f.table === ctx.key);
    out.push(`### ${i + 1}. ${ctx.key} Table ${heading(own)}`, `**Status**: ${status(own, ctx)}`, '');
    const truthTable = ctx.sources.find((s) => s.source === ctx.truth)?.table;
    const truthDefinition = truthTable && definition(truthTable).join('\n');
    for (const s of ctx.sources) {
      const role = s.source === ctx.truth ? ' (truth)' : '';
      if (!s.table) {
        out.push(`**${s.source}**${role}: N/A (does not model this table)`, '');
        continue;
      }
      const where = s.table.loc ? ` (${texts.link(s.table.loc)})` : '';
      const lines = definition(s.table);
      // A definition the same as the truth's, column for column, says nothing new.
      if (s.source !== ctx.truth && lines.join('\n') === truthDefinition) out.push(`**${s.source}**${where}: ✅ Matches ${ctx.truth}`, '');
      else out.push(`**${s.source}**${role}${where}:`, ...fenced('text', lines), '');
    }
    if (own.length) {
      out.push('**Findings**:');
      for (const f of own) {
        const places = f.locations.map((l) => `${l.source} ${lineLink(l.file, l.line)}`).join(', ');
        out.push(`- ${MARK[f.severity]} ${code(f.rule)} on ${code(findingSubject(f))} (${f.severity}): ${f.message}${places ? ` — ${places}` : ''}`);
      }
      out.push('');
    }
    out.push('---', '');
  });
  return out;
}
