// Where the Drizzle reader finds things in TypeScript's syntax tree: table calls at any depth and through
// wrappers, module specifiers the parser accepts but the language does not, and diagnostics pointing into
// the file a shared column is written in.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SourceError } from '../../src/errors.ts';
import type { Span } from '../../src/model/schema.ts';
import { readDrizzle } from '../../src/sources/drizzle/index.ts';

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'schemadrift-drizzle-tree-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

function textAt(dir: string, loc: Span | undefined): string {
  if (!loc) throw new Error('no span');
  return readFileSync(path.join(dir, loc.file), 'utf8').slice(loc.start, loc.end);
}

describe('readDrizzle finding tables', () => {
  it('finds a table call inside a function and through parentheses, `as` and `satisfies`', async () => {
    const dir = project({
      'schema.ts': [
        'import { pgTable, text } from "drizzle-orm/pg-core";',
        '// pgTable("not_a_table", {}) in a comment makes no table',
        'export const users = (pgTable("users", { id: text("id").primaryKey() }) as any) satisfies object;',
        'export function makeAudit() {',
        '  return pgTable("audit", { note: text("note") });',
        '}',
        'export const posts = pgTable("posts", {',
        '  authorId: text("author_id").references(() => users.id),',
        '});',
        '',
      ].join('\n'),
    });
    const model = await readDrizzle({ name: 'drizzle', files: ['schema.ts'], cwd: dir });
    expect(model.diagnostics).toEqual([]);
    expect(model.tables.map((t) => [t.name, t.binding])).toEqual([['users', 'users'], ['audit', undefined], ['posts', 'posts']]);
    const fk = model.tables[2]!.foreignKeys[0]!;
    expect(fk.target).toEqual({ schema: 'public', table: 'users', columns: ['id'] });
    expect(textAt(dir, model.tables[1]!.loc)).toBe('pgTable("audit", { note: text("note") })');
  });
});

describe('readDrizzle module specifiers that are not strings', () => {
  it('rejects a schema file importing from an expression, as TypeScript does, with file:line:column', async () => {
    const dir = project({ 'schema.ts': 'import { pgTable } from "drizzle-orm/pg-core";\nimport { users } from users;\n' });
    const read = readDrizzle({ name: 'drizzle', files: ['schema.ts'], cwd: dir });
    await expect(read).rejects.toBeInstanceOf(SourceError);
    await expect(read).rejects.toMatchObject({
      message: 'schema.ts:2:23: syntax error: String literal expected.',
      loc: { file: 'schema.ts', line: 2, column: 23 },
    });
  });

  it('does not read an imported file that re-exports from an expression', async () => {
    const dir = project({
      'schema.ts': [
        'import { pgTable, text } from "drizzle-orm/pg-core";',
        'import { users } from "./users";',
        'export const posts = pgTable("posts", { authorId: text("author_id").references(() => users.id) });',
        '',
      ].join('\n'),
      'users.ts': 'import { pgTable, text } from "drizzle-orm/pg-core";\nexport * from elsewhere;\nexport const users = pgTable("users", { id: text("id") });\n',
    });
    const model = await readDrizzle({ name: 'drizzle', files: ['schema.ts'], cwd: dir });
    expect(model.tables.map((t) => t.name)).toEqual(['posts']);
    expect(model.diagnostics.map((d) => d.message)).toEqual([
      'cannot resolve foreign key target users.id: no table users in scope; foreign key ignored',
    ]);
  });
});

describe('readDrizzle diagnostics on a shared column set', () => {
  it('points a generated expression it cannot read into the file the column is written in', async () => {
    const dir = project({
      'columns.ts': [
        'import { sql } from "drizzle-orm";',
        'import { integer } from "drizzle-orm/pg-core";',
        'const factor = 2;',
        'export const totals = { total: integer("total").generatedAlwaysAs(sql`${factor} * 2`) };',
        '',
      ].join('\n'),
      'schema.ts': [
        'import { pgTable, text } from "drizzle-orm/pg-core";',
        'import { totals } from "./columns";',
        'export const orders = pgTable("orders", { id: text("id").primaryKey(), ...totals });',
        '',
      ].join('\n'),
    });
    const model = await readDrizzle({ name: 'drizzle', files: ['schema.ts'], cwd: dir });
    expect(model.diagnostics).toHaveLength(1);
    const [diagnostic] = model.diagnostics;
    expect(diagnostic!.message).toBe('generated expression of orders.total cannot be read statically; ignored');
    expect(diagnostic!.loc).toMatchObject({ file: 'columns.ts', line: 4 });
    expect(textAt(dir, diagnostic!.loc)).toBe('sql`${factor} * 2`');
  });
});
