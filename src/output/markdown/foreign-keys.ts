// "Foreign Key Architecture": each source's view of the foreign keys of the tables a foreign-key finding is
// about, one edge a line, marked against the truth, so a wrong arrow stands out next to the right one.

import type { Finding } from '../../compare/finding.ts';
import type { TableContext } from '../../compare/rule.ts';
import { fkTargetText } from '../../model/names.ts';
import type { ForeignKey } from '../../model/schema.ts';
import { fenced } from './text.ts';

function edge(key: string, fk: ForeignKey): { from: string; to: string } {
  const cols = fk.columns.length === 1 ? fk.columns[0]! : `(${fk.columns.join(', ')})`;
  const action = fk.onDelete === 'NO ACTION' ? '' : ` ON DELETE ${fk.onDelete}`;
  return { from: `${key}.${cols}`, to: `→ ${fkTargetText(fk)}${action}` };
}

const sameColumns = (a: ForeignKey, b: ForeignKey) => a.columns.join(',') === b.columns.join(',');

export function foreignKeyArchitecture(tables: readonly TableContext[], findings: readonly Finding[], truth: string): string[] {
  const involved = tables.filter((ctx) => findings.some((f) => f.table === ctx.key && f.rule.startsWith('fk-') && f.severity !== 'info'));
  if (!involved.length) return [];
  const out: string[] = ['## Foreign Key Architecture', ''];
  const sources = involved[0]!.sources.map((s) => s.source);
  // A table whose owner is another source than the run's truth is marked against its owner.
  for (const source of sources) {
    const lines: { from: string; to: string; mark: string }[] = [];
    for (const ctx of involved) {
      const table = ctx.sources.find((s) => s.source === source)?.table;
      const truthTable = ctx.sources.find((s) => s.source === ctx.truth)?.table;
      for (const fk of table?.foreignKeys ?? []) {
        const e = edge(ctx.key, fk);
        let mark = '';
        if (source !== ctx.truth && truthTable) {
          const right = truthTable.foreignKeys.find((t) => sameColumns(t, fk));
          const rightEdge = right && edge(ctx.key, right);
          mark = !rightEdge ? `✗ ${ctx.truth}: none` : rightEdge.to === e.to ? '✓' : `✗ ${ctx.truth}: ${rightEdge.to}`;
        }
        lines.push({ ...e, mark });
      }
    }
    const title = source === truth ? `### ${source} (truth)` : `### ${source}'s view`;
    if (!lines.length) {
      out.push(title, '', 'No foreign keys on these tables (or the tables are not modelled).', '');
      continue;
    }
    // Each view in the same order, whatever order the source declares its keys in.
    lines.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
    const fromWidth = Math.max(...lines.map((l) => l.from.length));
    const toWidth = Math.max(...lines.map((l) => l.to.length));
    const text = lines.map((l) => `${l.from.padEnd(fromWidth)} ${l.mark ? `${l.to.padEnd(toWidth)}  ${l.mark}` : l.to}`);
    out.push(title, '', ...fenced('text', text), '');
  }
  out.push('---', '');
  return out;
}
