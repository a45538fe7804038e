// The command line: a thin shell over src/api.ts. It owns argument parsing, exit codes and printing;
// every decision about schemas is made in the library.

import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { RULES } from '../compare/rules/index.ts';
import { EXIT, reportError } from './exit.ts';
import { pullCommand } from './pull.ts';
import { hookCommand } from './hook.ts';
import { explainCommand } from './explain.ts';
import { REPORT_FORMATS } from './report.ts';

const sourceOptions = {
  config: { type: 'string', describe: 'Config file (default: ./schemadrift.config.json if present)' },
  db: {
    type: 'string',
    describe: 'Database: postgres:// URL (live, read-only), a .sql file or a folder of .sql migrations (replayed into embedded PGlite), or a snapshot .json from `pull`. Default: config, then $DATABASE_URL',
  },
  schema: { type: 'string', array: true, describe: 'Only these PostgreSQL schemas of the database (default: all but system ones)' },
  drizzle: { type: 'string', array: true, describe: 'Drizzle schema files, folders or globs' },
  sqlmodel: { type: 'string', array: true, alias: 'python', describe: 'SQLModel/SQLAlchemy model files, folders or globs' },
  truth: { type: 'string', describe: 'Source the others are fixed towards (default: database)' },
  'only-source': { type: 'string', array: true, describe: 'Compare only these configured sources (names)' },
  'ignore-source': { type: 'string', array: true, describe: 'Leave these configured sources out (names)' },
  color: { type: 'boolean', describe: 'Colour the table (default: when stdout is a terminal and NO_COLOR is unset)' },
  timings: { type: 'boolean', describe: 'Print the wall time of each stage (start-up, each source, compare, report) to stderr' },
} as const;

export async function main(argv: string[]): Promise<number> {
  let exitCode: number = EXIT.ok;
  const cli = yargs(argv)
    .scriptName('schemadrift')
    .usage(
      '$0 <command> [options]\n\nFinds drift between a PostgreSQL database, a Drizzle schema and SQLModel models, and fixes the code.\nRun in a folder with schemadrift.config.json, or name the sources with --db, --drizzle and --sqlmodel.',
    )
    .command(
      'check',
      'Compare the sources and print every finding',
      (y) =>
        y
          .options(sourceOptions)
          .option('format', { choices: REPORT_FORMATS, default: 'table' as const, describe: 'Report format' })
          .option('fail-on', {
            choices: ['critical', 'warning', 'info'] as const,
            default: 'warning' as const,
            describe: 'Lowest severity that makes the exit code 1',
          })
          .option('verbose', { type: 'boolean', default: false, describe: 'List info findings with their locations too' }),
      async (args) => {
        // Loaded on use: the readers pull in ts-morph and tree-sitter, which `--help` and `pull` never need.
        exitCode = await (await import('./commands.ts')).checkCommand(args);
      },
    )
    .command(
      'fix [files..]',
      'Rewrite Drizzle and SQLModel code to agree with the truth (a diff by default); with files, only those',
      (y) =>
        y
          .options(sourceOptions)
          .option('dry-run', { type: 'boolean', describe: 'Print the changes as a unified diff and write nothing (default)' })
          .option('write', { type: 'boolean', describe: 'Write the changes (all files or none)' })
          .option('unsafe', {
            type: 'boolean',
            describe: 'Also apply changes that remove code callers may use (a column the truth does not have); --dry-run always shows them',
          })
          .option('rule', { type: 'string', array: true, choices: RULES.map((r) => r.meta.id), describe: 'Only fix findings of these rules' })
          .option('staged', {
            type: 'boolean',
            describe: 'Commit hook: if the commit touches a source, fix the staged files and stage the fixes (database from its snapshot)',
          })
          .positional('files', { type: 'string', array: true, describe: 'Only fix these files (a pre-commit hook passes the staged ones)' })
          .conflicts('write', 'dry-run')
          .conflicts('staged', 'write'),
      async (args) => {
        // A commit that touches no source should cost no more than start-up: staged.ts loads the readers only when one is staged.
        exitCode = args.staged
          ? await (await import('./staged.ts')).stagedCommand(args)
          : await (await import('./commands.ts')).fixCommand(args);
      },
    )
    .command(
      'explain [rule]',
      'Print what a rule checks and how to fix it; without a rule, list every rule',
      (y) => y.positional('rule', { type: 'string', describe: 'A rule id, e.g. fk-target' }),
      (args) => {
        exitCode = explainCommand(args);
      },
    )
    .command(pullCommand)
    .command(hookCommand)
    .demandCommand(1, 'Name a command: check, fix, pull, hook or explain.')
    .strict()
    .epilogue(
      'Exit codes: 0 no drift (check) / nothing to change (fix --dry-run) / written (fix --write); 1 drift found / changes pending; 2 usage, configuration, connection or parse error.',
    )
    // yargs lays out the whole help text on every command run (to cache it); wrapping it costs ~60 ms of
    // string-width, so it is wrapped only when help is what was asked for.
    .wrap(argv.some((a) => a === '--help' || a === '-h') ? Math.min(110, process.stdout.columns || 110) : null)
    .help()
    .alias('help', 'h')
    .version()
    .fail((msg, err) => {
      throw err ?? new UsageError(msg);
    });
  skipHelpCache(cli);
  try {
    await cli.parseAsync();
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`schemadrift: ${error.message}\nRun schemadrift --help for usage.\n`);
      return EXIT.error;
    }
    return reportError(error);
  }
  return exitCode;
}

class UsageError extends Error {}

/**
 * yargs lays out a command's whole help text each time it runs one (usage.cacheHelpMessage), to show it if the
 * command fails. Ours never shows help on failure (see .fail above), and the layout costs about 30 ms of every
 * run, a twentieth of the commit hook's budget. Help asked for (--help) is laid out afresh, so it is unaffected.
 */
function skipHelpCache(cli: unknown): void {
  const usage = (cli as { getInternalMethods?: () => { getUsageInstance?: () => { cacheHelpMessage?: unknown } } })
    .getInternalMethods?.()
    .getUsageInstance?.();
  if (usage && typeof usage.cacheHelpMessage === 'function') usage.cacheHelpMessage = () => undefined;
}

process.exitCode = await main(hideBin(process.argv));
