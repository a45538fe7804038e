import { severityRank, type Severity } from '../compare/finding.ts';
import { check, diffChanges, fix, writeChanges, type RunOptions } from '../api.ts';
import { Timings } from '../util/timings.ts';
import { EXIT } from './exit.ts';
import { NEEDS_FIX_PLAN, renderReport, type ReportFormat } from './report.ts';

interface SourceArgs {
  config?: string;
  db?: string;
  drizzle?: string[];
  sqlmodel?: string[];
  truth?: string;
  schema?: string[];
  onlySource?: string[];
  ignoreSource?: string[];
  color?: boolean;
  timings?: boolean;
}

// One per process: the CLI runs one command.
let timings: Timings | undefined;

function runOptions(args: SourceArgs): RunOptions {
  if (args.timings && !timings) {
    timings = new Timings();
    timings.startup();
  }
  return { timings, cwd: process.cwd(), config: args.config, db: args.db, drizzle: args.drizzle, sqlmodel: args.sqlmodel, truth: args.truth, schemas: args.schema,
    onlySources: args.onlySource, ignoreSources: args.ignoreSource };
}

function useColor(args: SourceArgs): boolean {
  return args.color ?? (Boolean(process.stdout.isTTY) && !process.env.NO_COLOR);
}

export async function checkCommand(args: SourceArgs & { format: ReportFormat; failOn: Severity; verbose: boolean }): Promise<number> {
  const options = runOptions(args);
  const result = NEEDS_FIX_PLAN.has(args.format) ? await fix(options) : await check(options);
  const render = () => renderReport(args.format, result, { cwd: process.cwd(), color: useColor(args), verbose: args.verbose });
  process.stdout.write(timings ? await timings.measure('report', render) : render());
  for (const m of result.models) {
    for (const d of m.diagnostics) {
      process.stderr.write(`schemadrift: warning: ${d.loc ? `${d.loc.file}:${d.loc.line}:${d.loc.column}: ` : ''}${d.message}\n`);
    }
    if (args.verbose) for (const note of m.notes ?? []) process.stderr.write(`schemadrift: note: ${m.source}: ${note}\n`);
  }
  if (timings) process.stderr.write(timings.format());
  const failing = result.findings.some((f) => severityRank(f.severity) >= severityRank(args.failOn));
  return failing ? EXIT.drift : EXIT.ok;
}

export async function fixCommand(args: SourceArgs & { write?: boolean; unsafe?: boolean; rule?: string[]; files?: string[] }): Promise<number> {
  try {
    return await fixAndReport(args);
  } finally {
    if (timings) process.stderr.write(timings.format());
  }
}

async function fixAndReport(args: SourceArgs & { write?: boolean; unsafe?: boolean; rule?: string[]; files?: string[] }): Promise<number> {
  // The dry run shows unsafe changes too, so their diff can be reviewed before --unsafe applies them.
  const result = await fix({ ...runOptions(args), rules: args.rule, unsafe: !args.write || args.unsafe, ...(args.files?.length && { files: args.files }) });
  if (!args.write) {
    process.stdout.write(diffChanges(result.changes));
    const n = result.actions.length;
    const unsafe = args.unsafe ? 0 : result.actions.filter((a) => a.unsafe).length;
    const note = unsafe ? ` ${unsafe} of them unsafe (removing code): --write applies those only with --unsafe.` : '';
    process.stderr.write(
      result.changes.length
        ? `${n} change${n === 1 ? '' : 's'} in ${result.changes.length} file${result.changes.length === 1 ? '' : 's'} (dry run: nothing written; use --write to apply).${note}\n`
        : 'Nothing to fix.\n',
    );
    return result.changes.length ? EXIT.drift : EXIT.ok;
  }
  if (result.held.length) {
    const n = result.held.length;
    process.stderr.write(`schemadrift: left ${n} unsafe change${n === 1 ? '' : 's'} (${result.held.map((a) => a.description.replace(/ \(unsafe\)$/, '')).join('; ')}); review them with --dry-run and apply with --unsafe\n`);
  }
  await (timings ? timings.measure('write', () => writeChanges(result, process.cwd())) : writeChanges(result, process.cwd()));
  for (const c of result.changes) {
    const done = result.actions.filter((a) => a.file === c.file).map((a) => a.description);
    process.stdout.write(`fixed ${c.file}: ${done.join('; ')}\n`);
  }
  if (!result.changes.length) process.stdout.write('Nothing to fix.\n');
  return EXIT.ok;
}
