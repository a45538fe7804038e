// Turns the `url` of a SQL source into the pieces of SQL to replay, in order: a single file, a folder of
// migrations in name order, or a drizzle-kit folder in the order its journal gives. Offsets are kept so a
// failure can be reported at its line in its file.

import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { DatabaseError } from '../../errors.ts';
import { displayPath } from '../../model/span.ts';
import { blankPsqlMetaCommands } from './sql-statements.ts';

export interface SqlScript {
  /** As shown to users: relative to cwd when inside it. */
  file: string;
  text: string;
  /** The parts applied one at a time, as [start, end) offsets into `text`. */
  chunks: Array<{ start: number; end: number }>;
}

const DRIZZLE_JOURNAL = path.join('meta', '_journal.json');
const DRIZZLE_BREAKPOINT = '--> statement-breakpoint';

export async function loadSqlScripts(location: string, cwd: string): Promise<SqlScript[]> {
  const full = path.resolve(cwd, location);
  const shown = displayPath(full, cwd);
  const info = await stat(full).catch((error: unknown) => {
    throw new DatabaseError(`${shown}: ${fsFailure(error)}`);
  });
  if (!info.isDirectory()) return [await wholeFile(full, cwd)];

  const journal = await readFile(path.join(full, DRIZZLE_JOURNAL), 'utf8').catch(() => undefined);
  if (journal !== undefined) return drizzleFolder(full, cwd, journal);

  // `*.down.sql` undoes its `*.up.sql` twin (golang-migrate, dbmate-style folders); replaying it would
  // drop what the migration before it created.
  const names = (await readdir(full, { withFileTypes: true }))
    .filter((entry) => entry.isFile() && /\.sql$/i.test(entry.name) && !/\.down\.sql$/i.test(entry.name))
    .map((entry) => entry.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (names.length === 0) throw new DatabaseError(`${shown}: no .sql files in this folder`);
  return Promise.all(names.map((name) => wholeFile(path.join(full, name), cwd)));
}

async function wholeFile(file: string, cwd: string): Promise<SqlScript> {
  const text = await read(file, cwd);
  return { file: displayPath(file, cwd), text, chunks: [{ start: 0, end: text.length }] };
}

/** drizzle-kit's migrator runs what its journal lists, in that order, each file split at its breakpoints. */
async function drizzleFolder(folder: string, cwd: string, journalText: string): Promise<SqlScript[]> {
  const journalShown = displayPath(path.join(folder, DRIZZLE_JOURNAL), cwd);
  let tags: string[];
  try {
    const journal = JSON.parse(journalText) as { entries?: Array<{ tag?: unknown }> };
    if (!Array.isArray(journal.entries)) throw new Error('it has no "entries" list');
    tags = journal.entries.map((entry, i) => {
      if (typeof entry?.tag !== 'string') throw new Error(`entry ${i} has no "tag"`);
      return entry.tag;
    });
  } catch (error) {
    throw new DatabaseError(`${journalShown}: not a drizzle-kit journal: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (tags.length === 0) throw new DatabaseError(`${journalShown}: the journal lists no migrations`);

  return Promise.all(
    tags.map(async (tag) => {
      const file = path.join(folder, `${tag}.sql`);
      const text = await read(file, cwd);
      const chunks: SqlScript['chunks'] = [];
      let start = 0;
      for (;;) {
        const marker = text.indexOf(DRIZZLE_BREAKPOINT, start);
        const end = marker === -1 ? text.length : marker;
        if (text.slice(start, end).trim()) chunks.push({ start, end });
        if (marker === -1) break;
        start = marker + DRIZZLE_BREAKPOINT.length;
      }
      return { file: displayPath(file, cwd), text, chunks };
    }),
  );
}

async function read(file: string, cwd: string): Promise<string> {
  try {
    // PostgreSQL takes a byte-order mark for part of the first word; a space keeps every offset in place.
    return blankPsqlMetaCommands((await readFile(file, 'utf8')).replace(/^\uFEFF/, ' '));
  } catch (error) {
    throw new DatabaseError(`${displayPath(file, cwd)}: ${fsFailure(error)}`);
  }
}

function fsFailure(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return error instanceof Error ? error.message : String(error);
}
