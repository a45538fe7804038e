// `schemadrift pull`: the database's schema as a snapshot file (JSON), which every command accepts as
// `--db FILE.json`, so a commit hook or CI can compare without reaching the database. The database is the
// one check would read: --db, the config's database source, then $DATABASE_URL.

import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import type { DatabaseSourceSpec } from '../config/types.ts';
import { UserError } from '../errors.ts';
import { displayPath } from '../model/span.ts';

export interface PullArgs {
  config?: string;
  db?: string;
  schema?: string[];
  out?: string;
}

export const pullCommand: CommandModule<object, PullArgs> = {
  command: 'pull',
  describe: 'Write a snapshot of the database schema (JSON) that any command accepts as --db FILE.json',
  builder: (y: Argv) =>
    y.options({
      config: { type: 'string', describe: 'Config file (default: ./schemadrift.config.json if present)' },
      db: {
        type: 'string',
        describe: 'Database: postgres:// URL, .sql file, migrations folder or snapshot. Default: config, then $DATABASE_URL',
      },
      schema: { type: 'string', array: true, describe: 'Only these PostgreSQL schemas (default: all but system ones)' },
      out: { type: 'string', describe: 'Write the snapshot to this file (default: standard output)' },
    }) as Argv<PullArgs>,
  handler: (args) => pull(args, process.cwd()),
};

export async function pull(args: PullArgs, cwd: string): Promise<void> {
  // Loaded on use, as main.ts does for check and fix: the config loader and pg are not needed for --help.
  const { loadConfigModule } = await import('../config/load.ts');
  const { formatSnapshot, readIntrospection } = await import('../sources/database/index.ts');
  const config = await loadConfigModule({ cwd, config: args.config, db: args.db, schemas: args.schema, need: 'database' });
  const source = config.sources.find((s): s is DatabaseSourceSpec => s.kind === 'database')!;
  const introspection = await readIntrospection({ ...source, cwd });
  const text = formatSnapshot(introspection);
  for (const note of introspection.notes) process.stderr.write(`schemadrift: warning: ${note.message}\n`);
  if (args.out === undefined) {
    process.stdout.write(text);
    return;
  }
  const target = path.resolve(cwd, args.out);
  await writeFileAtomically(target, text).catch((error: unknown) => {
    throw new UserError(`${displayPath(target, cwd)}: cannot write the snapshot (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  });
  const n = introspection.tables.length;
  process.stderr.write(`Wrote ${n} table${n === 1 ? '' : 's'} to ${displayPath(target, cwd)}.\n`);
}

/** A reader (a commit hook, CI) never sees half a snapshot: it is written beside the target, then renamed. */
async function writeFileAtomically(target: string, text: string): Promise<void> {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.schemadrift-${randomBytes(6).toString('hex')}`);
  try {
    await fs.writeFile(temp, text, { encoding: 'utf8', flag: 'wx' });
    await fs.rename(temp, target);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}
