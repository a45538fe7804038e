// Turns the `url` of a SQL source into the pieces of SQL to replay, in order: a single file, a folder of
// migrations in name order (files, or one folder per migration), or a drizzle-kit folder in the order its
// journal gives. Offsets are kept so a failure can be reported at its line in its file.

import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { DatabaseError } from '../../errors.ts';
import { displayPath } from '../../model/span.ts';
import { compareText } from './filter.ts';
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
const FOLDER_MIGRATION = 'migration.sql';

export async function loadSqlScripts(location: string, cwd: string): Promise<SqlScript[]> {
  const full = path.resolve(cwd, location);
  const shown = displayPath(full, cwd);
  const info = await stat(full).catch((error: unknown) => {
    throw new DatabaseError(`${shown}: ${fsFailure(error)}`);
  });
  if (!info.isDirectory()) return [await script(full, cwd, false)];

  const journal = await readFile(path.join(full, DRIZZLE_JOURNAL), 'utf8').catch(() => undefined);
  if (journal !== undefined) return drizzleJournalFolder(full, cwd, journal);

  const files = await migrationFiles(full);
  if (files.length === 0) throw new DatabaseError(`${shown}: no .sql files or migration folders in this folder`);
  return Promise.all(files.map((file) => script(file, cwd, path.basename(file) === FOLDER_MIGRATION)));
}

/**
 * The migrations of a folder without a journal, in name order: its `.sql` files, and its subfolders that
 * hold a `migration.sql` (drizzle-kit 1.0 and Prisma write one folder per migration, named by timestamp).
 * `*.down.sql` undoes its `*.up.sql` twin (golang-migrate, dbmate-style folders); replaying it would drop
 * what the migration before it created.
 */
async function migrationFiles(folder: string): Promise<string[]> {
  const found: Array<{ name: string; file: string }> = [];
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    if (entry.isFile() && /\.sql$/i.test(entry.name) && !/\.down\.sql$/i.test(entry.name)) {
      found.push({ name: entry.name, file: path.join(folder, entry.name) });
    } else if (entry.isDirectory()) {
      const file = path.join(folder, entry.name, FOLDER_MIGRATION);
      if (await stat(file).then((s) => s.isFile(), () => false)) found.push({ name: entry.name, file });
    }
  }
  return found.sort((a, b) => compareText(a.name, b.name)).map((f) => f.file);
}

/** drizzle-kit's migrator runs what its journal lists, in that order. The journal's shape has not changed
 * from drizzle-kit's version "5" (dialect "pg") to "7" (dialect "postgresql"): only `entries[].tag` counts. */
async function drizzleJournalFolder(folder: string, cwd: string, journalText: string): Promise<SqlScript[]> {
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
  return Promise.all(tags.map((tag) => script(path.join(folder, `${tag}.sql`), cwd, true)));
}

/** A file to replay: whole, or (drizzle-kit's) split at its breakpoints as drizzle's migrator does. */
async function script(file: string, cwd: string, breakpoints: boolean): Promise<SqlScript> {
  const text = await read(file, cwd);
  const chunks: SqlScript['chunks'] = [];
  if (!breakpoints) {
    chunks.push({ start: 0, end: text.length });
  } else {
    let start = 0;
    for (;;) {
      const marker = text.indexOf(DRIZZLE_BREAKPOINT, start);
      const end = marker === -1 ? text.length : marker;
      if (text.slice(start, end).trim()) chunks.push({ start, end });
      if (marker === -1) break;
      start = marker + DRIZZLE_BREAKPOINT.length;
    }
  }
  return { file: displayPath(file, cwd), text, chunks };
}

async function read(file: string, cwd: string): Promise<string> {
  try {
    // PostgreSQL takes a byte-order mark for part of the first word; a space keeps every offset in place.
    return blankPsqlMetaCommands((await readFile(file, 'utf8')).replace(/^\uFEFF/, ' '));
  } catch (error) {
    throw new DatabaseError(`${displayPath(file, cwd)}: ${fsFailure(error)}`);
  }
}

export function fsFailure(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return error instanceof Error ? error.message : String(error);
}
