import { describe, expect, it } from 'vitest';
import type { SchemaModel, Table } from '../../src/model/schema.ts';
import { LineIndex } from '../../src/model/span.ts';
import { requiredFixes } from '../../src/output/markdown/fixes.ts';
import { dedent, lineLink, SourceTexts } from '../../src/output/markdown/text.ts';
import type { FixAction } from '../../src/plan/index.ts';
import { finding } from './findings.ts';

describe('markdown building blocks', () => {
  it('links a line or a range the way GitHub anchors them', () => {
    expect(lineLink('nextjs/src/database/schema.ts', 113, 115)).toBe('[schema.ts:113-115](nextjs/src/database/schema.ts#L113-L115)');
    expect(lineLink('fastapi/models/credits.py', 85)).toBe('[credits.py:85](fastapi/models/credits.py#L85)');
    expect(lineLink('a b/x.py', 2, 2, true)).toBe('[a b/x.py:2](a%20b/x.py#L2)');
  });

  it('dedents by the indentation all non-blank lines share', () => {
    expect(dedent(['    a(', '', '      b)'])).toEqual(['a(', '', '  b)']);
  });

  it('finds the last line of a span from the file text', () => {
    const text = 'x\n  userId: text("user_id")\n    .notNull(),\n';
    const start = text.indexOf('userId');
    const end = text.indexOf(',\n', start);
    const texts = new SourceTexts(() => text);
    expect(texts.lines(new LineIndex(text).span('s.ts', start, end))).toEqual({ line: 2, endLine: 3 });
  });
});

describe('required fixes', () => {
  const file = 'db/schema.ts';
  const before = [
    'export const credits = pgTable("credits", {',
    '  id: text("id").primaryKey(),',
    '  userId: text("user_id")',
    '    .references(() => users.id),',
    '});',
    '',
  ].join('\n');
  // The fix also adds a line above the column, so "change to" has to be found one line further down.
  const after = `import { users } from "./users";\n${before.replace('users.id', 'userCredits.userId')}`;
  const start = before.indexOf('userId');
  const end = before.indexOf(',', before.indexOf('.references'));
  const table: Table = {
    schema: 'public',
    name: 'credits',
    columns: [{ name: 'user_id', type: { sql: 'text' }, nullable: true, loc: new LineIndex(before).span(file, start, end) }],
    foreignKeys: [],
    uniques: [],
    indexes: [],
  };
  const model: SchemaModel = { source: 'drizzle', kind: 'drizzle', tables: [table], diagnostics: [] };
  const f = finding({
    rule: 'fk-target',
    severity: 'critical',
    table: 'credits',
    column: 'user_id',
    values: { database: 'user_credits.user_id', drizzle: 'users.id' },
    locations: [{ source: 'drizzle', file, line: 4, column: 23 }],
  });
  const action: FixAction = {
    rule: 'fk-target',
    source: 'drizzle',
    file,
    transform: 'drizzle-fk-target',
    options: {},
    description: 'credits.user_id: references → userCredits.userId',
    finding: f,
  };

  it('shows the whole column declaration before and after, linked to its lines', () => {
    const out = requiredFixes([action], [{ file, absolutePath: `/x/${file}`, before, after }], [model], new SourceTexts(() => before));
    expect(out.join('\n')).toBe(
      [
        '## Required Fixes',
        '',
        '### Fix 1: Update drizzle (credits)',
        '',
        '**File**: [db/schema.ts:3-4](db/schema.ts#L3-L4)',
        '',
        '- `fk-target`: credits.user_id: references → userCredits.userId',
        '',
        '**Change from**:',
        '```typescript',
        'userId: text("user_id")',
        '  .references(() => users.id),',
        '```',
        '',
        '**Change to**:',
        '```typescript',
        'userId: text("user_id")',
        '  .references(() => userCredits.userId),',
        '```',
        '',
      ].join('\n'),
    );
  });

  it('says so when there is nothing to change', () => {
    expect(requiredFixes([action], [], [model], new SourceTexts(() => before))).toEqual([
      '## Required Fixes',
      '',
      'None: `schemadrift fix` has nothing to change.',
      '',
    ]);
  });
});
