// A very big SQL script is applied in runs of whole statements, not in one implicit transaction that
// would exhaust PGlite's lock table (a 5,000-table dump did). The runs must cover the script exactly and
// never cut inside a statement, a string or a dollar-quoted body.

import { describe, expect, it } from 'vitest';
import { bounded } from '../../src/sources/database/replay.ts';
import { splitStatements } from '../../src/sources/database/sql-statements.ts';

function script(tables: number): string {
  const parts: string[] = ['-- a dump\n'];
  for (let i = 0; i < tables; i++) {
    parts.push(`CREATE TABLE t${i} (id int PRIMARY KEY, note text DEFAULT 'a; b', body text);\n`);
    if (i % 500 === 0) parts.push(`CREATE FUNCTION f${i}() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN 1; END; $$;\n`);
  }
  return parts.join('');
}

describe('bounded', () => {
  it('keeps a script of ordinary size as one step', () => {
    const text = script(10);
    const steps = bounded({ script: { file: 'a.sql', text, chunks: [] }, start: 0, end: text.length });
    expect(steps.map((s) => [s.start, s.end])).toEqual([[0, text.length]]);
  });

  it('cuts a big script into runs of whole statements that cover it exactly', () => {
    const text = script(12000);
    expect(text.length).toBeGreaterThan(3 * 256 * 1024);
    const steps = bounded({ script: { file: 'a.sql', text, chunks: [] }, start: 0, end: text.length });
    expect(steps.length).toBeGreaterThan(3);
    expect(steps[0]!.start).toBe(0);
    expect(steps.at(-1)!.end).toBe(text.length);
    for (let i = 1; i < steps.length; i++) expect(steps[i]!.start).toBe(steps[i - 1]!.end);
    for (const step of steps) {
      expect(step.end - step.start).toBeLessThanOrEqual(256 * 1024);
      // Each run holds whole statements: splitting it again finds statements ending in `;` only.
      const piece = text.slice(step.start, step.end);
      const statements = splitStatements(piece);
      expect(statements.every((st) => piece.slice(st.start, st.end).trimEnd().endsWith(';'))).toBe(true);
    }
    const all = steps.flatMap((st) => splitStatements(text.slice(st.start, st.end)).map((r) => text.slice(st.start + r.start, st.start + r.end)));
    expect(all).toEqual(splitStatements(text).map((r) => text.slice(r.start, r.end)));
  });
});
