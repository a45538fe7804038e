// "Required Fixes": the changes `schemadrift fix` would make, one section per source and table, each with
// the declaration as it is ("change from") and as the fix leaves it ("change to"). The snippets come from
// the fix plan's own before/after texts, so the report shows exactly what `fix --write` writes.

import { structuredPatch } from 'diff';
import type { Finding } from '../../compare/finding.ts';
import { tableKey } from '../../model/names.ts';
import type { SchemaModel } from '../../model/schema.ts';
import type { FixAction } from '../../plan/index.ts';
import type { FileChange } from '../write.ts';
import { findingSubject } from '../findings.ts';
import { code, commonIndent, dedent, fenced, languageOf, lineLink, type SourceTexts } from './text.ts';

interface FixGroup {
  source: string;
  file: string;
  table: string;
  /** Column-level fixes are edited on the column's own lines; table-level ones (indexes, keys) may not be. */
  level: 'column' | 'table';
  actions: FixAction[];
}

const TABLE_LEVEL = /^(index|unique|primary-key|check)/;

/** One section per source, file, table and level, so a foreign-key fix keeps the lines it is about. */
function groupActions(actions: readonly FixAction[]): FixGroup[] {
  const groups = new Map<string, FixGroup>();
  for (const a of actions) {
    const level = TABLE_LEVEL.test(a.rule) ? 'table' : 'column';
    const key = [a.source, a.file, a.finding.table, level].join('\u0000');
    const g = groups.get(key) ?? { source: a.source, file: a.file, table: a.finding.table, level, actions: [] };
    g.actions.push(a);
    groups.set(key, g);
  }
  return [...groups.values()];
}

/**
 * The lines the group's findings are written on, widened to the whole column declarations they are in; the
 * changed lines of the file when the findings carry no place in it.
 */
function oldRange(g: FixGroup, change: FileChange, model: SchemaModel | undefined, texts: SourceTexts): { from: number; to: number } {
  const table = model?.tables.find((t) => tableKey(t) === g.table);
  const lines: number[] = [];
  for (const a of g.actions) {
    for (const l of a.finding.locations) if (l.source === g.source && l.file === g.file) lines.push(l.line);
    const columns = (a.finding.column ?? '').replace(/^\(|\)$/g, '').split(', ');
    for (const c of table?.columns ?? []) {
      if (!columns.includes(c.name) || !c.loc || c.loc.file !== g.file) continue;
      const { line, endLine } = texts.lines(c.loc);
      lines.push(line, endLine);
    }
  }
  // A table-level edit is often not on a finding's line (a new entry in the table's index list): every
  // changed line inside the table's own declaration is shown with it.
  const span = g.level === 'table' && table?.loc && table.loc.file === g.file ? texts.lines(table.loc) : undefined;
  for (const h of hunks(change)) {
    const [start, end] = [h.oldStart, h.oldStart + Math.max(h.oldLines, 1) - 1];
    if (!lines.length || (span && start >= span.line && end <= span.endLine)) lines.push(start, end);
  }
  return { from: Math.min(...lines), to: Math.max(...lines) };
}

function hunks(change: FileChange) {
  return structuredPatch(change.file, change.file, change.before, change.after, '', '', { context: 0 }).hunks;
}

/** Where old lines from..to are in the changed text, given the line counts each hunk adds or removes. */
function newRange(change: FileChange, from: number, to: number): { from: number; to: number } {
  let start = from;
  let end = to;
  for (const h of hunks(change)) {
    const delta = h.newLines - h.oldLines;
    const oldEnd = h.oldStart + Math.max(h.oldLines, 1) - 1;
    if (oldEnd < from) start += delta;
    if (h.oldStart <= to) end += delta;
  }
  return { from: start, to: end };
}

const slice = (text: string, from: number, to: number) => text.split('\n').slice(from - 1, to);

export function requiredFixes(
  actions: readonly FixAction[],
  changes: readonly FileChange[],
  models: readonly SchemaModel[],
  texts: SourceTexts,
): string[] {
  const out: string[] = ['## Required Fixes', ''];
  const groups = groupActions(actions).filter((g) => changes.some((c) => c.file === g.file));
  if (!groups.length) return [...out, 'None: `schemadrift fix` has nothing to change.', ''];
  groups.forEach((g, i) => {
    const change = changes.find((c) => c.file === g.file)!;
    const old = oldRange(g, change, models.find((m) => m.source === g.source), texts);
    const now = newRange(change, old.from, old.to);
    const before = slice(change.before, old.from, old.to);
    const indent = commonIndent(before);
    const language = languageOf(g.file);
    out.push(
      `### Fix ${i + 1}: Update ${g.source} (${g.table})`,
      '',
      `**File**: ${lineLink(g.file, old.from, old.to, true)}`,
      '',
      ...g.actions.map((a) => `- ${code(a.rule)}: ${a.description}`),
      '',
      '**Change from**:',
      ...fenced(language, dedent(before, indent)),
      '',
      '**Change to**:',
      ...fenced(language, dedent(slice(change.after, now.from, now.to), indent)),
      '',
    );
  });
  return out;
}

/** Findings at warning or above that no fix settles: they are for a person to resolve. */
export function unfixed(findings: readonly Finding[]): string[] {
  const left = findings.filter((f) => f.severity !== 'info' && !f.fixable);
  if (!left.length) return [];
  return [
    '### Not fixed automatically',
    '',
    ...left.map((f) => `- ${code(f.rule)} on ${code(findingSubject(f))} (${f.severity}): ${f.message}`),
    '',
  ];
}
