import { severityRank, type Severity } from '../compare/finding.ts';
import { check, diffChanges, fix, writeChanges, type RunOptions } from '../api.ts';
import { formatJson } from '../output/json.ts';
import { formatTable } from '../output/table.ts';
import { EXIT } from './exit.ts';

interface SourceArgs {
  config?: string;
  db?: string;
  drizzle?: string[];
  sqlmodel?: string[];
  truth?: string;
  schema?: string[];
  color?: boolean;
}

function runOptions(args: SourceArgs): RunOptions {
  return { cwd: process.cwd(), config: args.config, db: args.db, drizzle: args.drizzle, sqlmodel: args.sqlmodel, truth: args.truth, schemas: args.schema };
}

function useColor(args: SourceArgs): boolean {
  return args.color ?? (Boolean(process.stdout.isTTY) && !process.env.NO_COLOR);
}

export async function checkCommand(args: SourceArgs & { format: 'table' | 'json'; failOn: Severity; verbose: boolean }): Promise<number> {
  const result = await check(runOptions(args));
  const sources = result.config.sources;
  const text =
    args.format === 'json'
      ? formatJson(result.findings, { sources, truth: result.config.truth })
      : formatTable(result.findings, {
          sources: sources.map((s) => s.name),
          truth: result.config.truth,
          tableCount: new Set(result.models.flatMap((m) => m.tables.map((t) => `${t.schema}.${t.name}`))).size,
          color: useColor(args),
          verbose: args.verbose,
        });
  process.stdout.write(text);
  for (const m of result.models) {
    for (const d of m.diagnostics) {
      process.stderr.write(`schemadrift: warning: ${d.loc ? `${d.loc.file}:${d.loc.line}:${d.loc.column}: ` : ''}${d.message}\n`);
    }
  }
  const failing = result.findings.some((f) => severityRank(f.severity) >= severityRank(args.failOn));
  return failing ? EXIT.drift : EXIT.ok;
}

export async function fixCommand(args: SourceArgs & { write?: boolean; rule?: string[] }): Promise<number> {
  const result = await fix({ ...runOptions(args), rules: args.rule });
  if (!args.write) {
    process.stdout.write(diffChanges(result.changes));
    const n = result.actions.length;
    process.stderr.write(
      result.changes.length
        ? `${n} change${n === 1 ? '' : 's'} in ${result.changes.length} file${result.changes.length === 1 ? '' : 's'} (dry run: nothing written; use --write to apply).\n`
        : 'Nothing to fix.\n',
    );
    return result.changes.length ? EXIT.drift : EXIT.ok;
  }
  await writeChanges(result.changes);
  for (const c of result.changes) {
    const done = result.actions.filter((a) => a.file === c.file).map((a) => a.description);
    process.stdout.write(`fixed ${c.file}: ${done.join('; ')}\n`);
  }
  if (!result.changes.length) process.stdout.write('Nothing to fix.\n');
  return EXIT.ok;
}
