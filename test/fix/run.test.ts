// runActions with real transforms on real files: an action its transform declines (CannotApply) is skipped
// with a warning and the others still apply; output that no longer parses, or any other failure, still stops
// the whole fix. drizzle-fk-on-update is replaced by one that breaks the file, to have a transform bug to catch.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import type { ComparedFinding } from '../../src/compare/finding.ts';
import { SourceError, UserError } from '../../src/errors.ts';
import { runActions } from '../../src/fix/run.ts';
import { parseAhead, runRequest } from '../../src/fix/transform-serve.ts';
import type { TransformThread } from '../../src/fix/transform-thread.ts';
import type { FixAction } from '../../src/plan/index.ts';

vi.mock('../../transforms/drizzle-fk-on-update.ts', () => ({
  parser: 'ts',
  default: (file: { source: string }) => file.source.replace('});', '}'),
}));

const SCHEMA_TS = `import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { timestamps } from "./columns";

export const teams = pgTable("teams", {
  id: text("id").primaryKey(),
  credits: integer("credits").notNull().default(1),
  ...timestamps,
});
`;

const MODELS_PY = `from datetime import datetime

from sqlalchemy import Integer, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Counter(Base):
    __tablename__ = "counters"

    id: Mapped[int] = mapped_column(primary_key=True)
    hits: Mapped[int] = mapped_column(Integer, server_default=text("1"))
    seen_at: Mapped[datetime]
`;

function project(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'schemadrift-run-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(path.join(dir, 'schema.ts'), SCHEMA_TS);
  writeFileSync(path.join(dir, 'models.py'), MODELS_PY);
  return dir;
}

function action(
  source: string,
  file: string,
  line: number,
  transform: FixAction['transform'],
  options: Record<string, string>,
  rule = 'column-default',
): FixAction {
  const finding = {
    rule,
    severity: 'warning',
    table: options.table!,
    column: options.column!,
    message: '',
    values: {},
    presence: {},
    locations: [{ source, file, line, column: 5 }],
    truth: 'database',
  } as ComparedFinding;
  return { rule, source, file, transform, options, description: `${options.table}.${options.column}: default → ${options.default}`, finding };
}

const spreadColumn = action('drizzle', 'schema.ts', 7, 'drizzle-column-default', { table: 'teams', column: 'created_at', default: 'now()' });
const credits = action('drizzle', 'schema.ts', 6, 'drizzle-column-default', { table: 'teams', column: 'credits', default: '0' });
const bareMapped = action('sqlmodel', 'models.py', 16, 'sqlmodel-column-default', { table: 'counters', column: 'seen_at', default: 'now()' });
const hits = action('sqlmodel', 'models.py', 15, 'sqlmodel-column-default', { table: 'counters', column: 'hits', default: '0' });

describe('runActions', () => {
  it('skips an action its transform cannot apply, and applies the others in the same file', async () => {
    const dir = project();
    const skipped: [FixAction, string][] = [];
    const changes = await runActions([spreadColumn, credits, bareMapped, hits], dir, (a, reason) => skipped.push([a, reason]));
    expect(changes.map((c) => [c.file, c.after])).toEqual([
      ['schema.ts', SCHEMA_TS.replace('.default(1)', '.default(0)')],
      ['models.py', MODELS_PY.replace('text("1")', 'text("0")')],
    ]);
    expect(skipped).toEqual([
      [spreadColumn, 'table teams has no column created_at written in its pgTable(…) here'],
      [bareMapped, 'Counter.seen_at is a bare Mapped[...] annotation; give it a mapped_column(server_default=...) by hand'],
    ]);
  });

  it('warns on stderr, naming file:line and the rule, and leaves a file with nothing applied unchanged', async () => {
    const dir = project();
    const written: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (written.push(String(chunk)), true));
    onTestFinished(() => spy.mockRestore());
    expect(await runActions([spreadColumn], dir)).toEqual([]);
    expect(written).toEqual([
      'schemadrift: warning: schema.ts:7:5: column-default: skipped teams.created_at: default → now(): ' +
        'table teams has no column created_at written in its pgTable(…) here\n',
    ]);
  });

  it('still stops everything when a transform leaves a file that does not parse', async () => {
    const dir = project();
    const broken = action('drizzle', 'schema.ts', 6, 'drizzle-fk-on-update', { table: 'teams', column: 'id', onUpdate: 'CASCADE' }, 'fk-on-update');
    const run = runActions([hits, spreadColumn, credits, broken], dir, () => undefined);
    await expect(run).rejects.toBeInstanceOf(SourceError);
    await expect(run).rejects.toThrow('fix would leave a syntax error');
  });

  it('still stops everything when a transform fails for any other reason', async () => {
    const dir = project();
    const bad = action('drizzle', 'schema.ts', 6, 'drizzle-column-default', { table: 'teams', column: 'credits' });
    const run = runActions([credits, bad], dir, () => undefined);
    await expect(run).rejects.toBeInstanceOf(UserError);
    await expect(run).rejects.toThrow(
      'schema.ts: cannot apply drizzle-column-default to teams.credits: default → undefined: drizzle-column-default: give either --default=<sql> or --remove=true',
    );
  });
});

// The CLI runs the TypeScript transforms on a thread of their own for a fix limited to some files
// (src/fix/transform-thread.ts). The thread's side of the protocol is runRequest; here it is called in
// process, as the thread would, so the outcome can be held to the calling thread's: the same text, the same
// skips in the same order, the same failures. test/e2e/threads.test.ts runs the real thread.
describe('runActions with the TypeScript transforms on their own thread', () => {
  const inProcess: TransformThread = {
    run: async (request) => runRequest({ ...request, id: 0 }),
    close: () => undefined,
    abort: () => undefined,
  };

  it('applies, skips and orders exactly as on the calling thread', async () => {
    const dir = project();
    const local: [FixAction, string][] = [];
    const threaded: [FixAction, string][] = [];
    const here = await runActions([spreadColumn, credits, bareMapped, hits], dir, (a, reason) => local.push([a, reason]));
    const there = await runActions([spreadColumn, credits, bareMapped, hits], dir, (a, reason) => threaded.push([a, reason]), inProcess);
    expect(there).toEqual(here);
    expect(threaded).toEqual(local);
    expect(threaded.map(([a]) => a)).toEqual([spreadColumn, bareMapped]);
  });

  it('still stops everything on output that does not parse, or on a transform failing otherwise', async () => {
    const dir = project();
    const broken = action('drizzle', 'schema.ts', 6, 'drizzle-fk-on-update', { table: 'teams', column: 'id', onUpdate: 'CASCADE' }, 'fk-on-update');
    await expect(runActions([credits, broken], dir, () => undefined, inProcess)).rejects.toThrow('fix would leave a syntax error');
    const bad = action('drizzle', 'schema.ts', 6, 'drizzle-column-default', { table: 'teams', column: 'credits' });
    const run = runActions([credits, bad], dir, () => undefined, inProcess);
    await expect(run).rejects.toBeInstanceOf(UserError);
    await expect(run).rejects.toThrow(
      'schema.ts: cannot apply drizzle-column-default to teams.credits: default → undefined: drizzle-column-default: give either --default=<sql> or --remove=true',
    );
  });

  it('answers each request with the text its actions made, parsing a file once when asked ahead', () => {
    const dir = project();
    const file = path.join(dir, 'schema.ts');
    parseAhead([file, path.join(dir, 'missing.ts')]);
    const reply = runRequest({ id: 7, path: file, source: SCHEMA_TS, actions: [{ transform: 'drizzle-column-default', options: credits.options }] });
    expect(reply).toEqual({ id: 7, text: SCHEMA_TS.replace('.default(1)', '.default(0)'), skipped: [] });
  });
});
