import { describe, expect, it } from 'vitest';
import type { ComparedFinding } from '../../src/compare/finding.ts';
import { applyIgnoreComments, ignoredOnLine } from '../../src/compare/suppress.ts';

describe('ignoredOnLine', () => {
  it.each([
    ['  userId: text("user_id"), // schemadrift-ignore fk-target', 'schema.ts', ['fk-target']],
    ['// schemadrift-ignore fk-target, fk-on-delete', 'schema.ts', ['fk-target', 'fk-on-delete']],
    ['// schemadrift-ignore', 'schema.ts', 'all'],
    ['// schemadrift-ignore-next-thing', 'schema.ts', undefined],
    ['# schemadrift: ignore[fk-target]', 'models.py', ['fk-target']],
    ['user_id: str = Field()  # schemadrift: ignore[fk-target, column-type]', 'models.py', ['fk-target', 'column-type']],
    ['# schemadrift: ignore', 'models.py', 'all'],
    ['# schemadrift-ignore fk-target', 'models.py', undefined],
    ['// schemadrift: ignore[fk-target]', 'schema.ts', undefined],
  ])('%s (%s)', (line, file, expected) => expect(ignoredOnLine(line, file)).toEqual(expected));
});

const TS = [
  'export const posts = pgTable("posts", {', // 1
  '  // schemadrift-ignore fk-target', // 2
  '  authorId: text("author_id").references(() => users.id),', // 3
  '  editorId: text("editor_id").references(() => users.id), // schemadrift-ignore fk-on-delete', // 4
  '  ownerId: text("owner_id").references(() => users.id),', // 5
  '});',
].join('\n');
const PY = ['class Post(SQLModel, table=True):', '    author_id: str = Field(foreign_key="users.id")  # schemadrift: ignore', '    editor_id: str = Field(foreign_key="users.id")'].join('\n');
const files: Record<string, string> = { 'src/schema.ts': TS, 'app/models.py': PY };

const finding = (rule: string, locations: { source: string; file: string; line: number }[], values: Record<string, string | null>): ComparedFinding => ({
  rule, severity: 'critical', table: 'posts', column: 'x', message: '', truth: 'database', values,
  presence: Object.fromEntries(Object.keys(values).map((s) => [s, 'present'])),
  locations: locations.map((l) => ({ ...l, column: 1 })),
});

describe('applyIgnoreComments', () => {
  const read = (file: string) => files[file];
  const kept = (findings: ComparedFinding[]) => applyIgnoreComments(findings, read).map((f) => `${f.rule}@${f.locations.map((l) => l.line).join(',')}`);

  it('silences a rule on the line or the line above, and only the rules named', () => {
    const wrong = { database: 'users.id', drizzle: 'accounts.id' };
    expect(
      kept([
        finding('fk-target', [{ source: 'drizzle', file: 'src/schema.ts', line: 3 }], wrong),
        finding('fk-on-delete', [{ source: 'drizzle', file: 'src/schema.ts', line: 3 }], wrong),
        finding('fk-on-delete', [{ source: 'drizzle', file: 'src/schema.ts', line: 4 }], wrong),
        finding('fk-target', [{ source: 'drizzle', file: 'src/schema.ts', line: 5 }], wrong),
      ]),
    ).toEqual(['fk-on-delete@3', 'fk-target@5']);
  });

  it('silencing the source that agrees with the truth does not silence the one that disagrees', () => {
    const values = { database: 'users.id', drizzle: 'accounts.id', sqlmodel: 'users.id' };
    const locs = (drizzleLine: number, pythonLine: number) => [
      { source: 'drizzle', file: 'src/schema.ts', line: drizzleLine },
      { source: 'sqlmodel', file: 'app/models.py', line: pythonLine },
    ];
    expect(kept([finding('fk-target', locs(5, 2), values)])).toEqual(['fk-target@5,2']);
    expect(kept([finding('fk-target', locs(3, 3), values)])).toEqual([]);
  });

  it('keeps findings whose files cannot be read', () => {
    expect(kept([finding('fk-target', [{ source: 'drizzle', file: 'gone.ts', line: 1 }], { database: 'a', drizzle: 'b' })])).toEqual(['fk-target@1']);
  });
});
