// Introspection of SQL files: they are replayed into a throwaway in-process PGlite (PostgreSQL compiled
// to WASM), which is then read with the very queries used on a live server.

import type { PGlite } from '@electric-sql/pglite';
import { DatabaseError } from '../../errors.ts';
import { LineIndex } from '../../model/span.ts';
import { messageOf } from './error-text.ts';
import { introspect, type Introspection, type IntrospectOptions } from './introspect.ts';
import { extensionsCreatedBy, pgliteExtensions } from './pglite-extensions.ts';
import { createPglite } from './pglite-snapshot.ts';
import { pgliteQueryable } from './queryable.ts';
import { loadSqlScripts, type SqlScript } from './sql-scripts.ts';
import { splitStatements } from './sql-statements.ts';

export async function introspectSqlFiles(location: string, cwd: string, options: IntrospectOptions): Promise<Introspection> {
  const scripts = await loadSqlScripts(location, cwd);
  const steps = scripts.flatMap((script) => script.chunks.flatMap((chunk) => bounded({ script, ...chunk })));
  const extensions = extensionsCreatedBy(scripts.map((s) => s.text));
  const db = await startPglite(extensions);
  try {
    const failure = await applySteps(db, steps);
    if (failure) throw new DatabaseError(await describeFailure(steps, failure.index, failure.error));
    return await introspect(pgliteQueryable(db), options);
  } finally {
    await db.close().catch(() => {});
  }
}

/** A piece of a script applied with one `exec`: [start, end) in its script's text. */
export interface Step {
  script: SqlScript;
  start: number;
  end: number;
}

/**
 * One `exec` is one implicit transaction, which holds a lock on everything it creates until it ends: a
 * 5,000-table dump applied whole runs out of PGlite's lock table ("out of shared memory"). A big piece is
 * applied in runs of whole statements instead; a script's own BEGIN … COMMIT still spans them, as a
 * session's transaction does.
 */
const STEP_CHARS = 256 * 1024;

export function bounded(step: Step): Step[] {
  if (step.end - step.start <= STEP_CHARS) return [step];
  const out: Step[] = [];
  let start = step.start;
  let end = step.start;
  for (const range of splitStatements(step.script.text.slice(step.start, step.end))) {
    const stmtEnd = step.start + range.end;
    if (stmtEnd - start > STEP_CHARS && end > start) {
      out.push({ script: step.script, start, end });
      start = end;
    }
    end = stmtEnd;
  }
  if (step.end > start) out.push({ script: step.script, start, end: step.end });
  return out;
}

async function startPglite(extensions: string[]): Promise<PGlite> {
  try {
    return await createPglite({ extensions: await pgliteExtensions(extensions) });
  } catch (error) {
    throw new DatabaseError(`cannot start the in-process PostgreSQL (PGlite): ${messageOf(error)}`);
  }
}

/** Applies steps in order up to the first that fails, and reports which one and why. */
async function applySteps(db: PGlite, steps: Step[]): Promise<{ index: number; error: unknown } | undefined> {
  for (let index = 0; index < steps.length; index++) {
    const step = steps[index]!;
    try {
      await db.exec(step.script.text.slice(step.start, step.end));
    } catch (error) {
      return { index, error };
    }
  }
  return undefined;
}

async function describeFailure(steps: Step[], failed: number, error: unknown): Promise<string> {
  const step = steps[failed]!;
  const offset =
    errorOffset(step, error) ??
    (await failingStatementOffset(steps, failed)) ??
    step.start + (splitStatements(step.script.text.slice(step.start, step.end))[0]?.start ?? 0);
  const { line } = new LineIndex(step.script.text).position(offset);
  return `${step.script.file}:${line}: cannot apply SQL: ${messageOf(error)}`;
}

/** Where the error's cursor points, when PostgreSQL gave one: a 1-based count of characters (code points)
 * into the text that was executed. */
function errorOffset(step: Step, error: unknown): number | undefined {
  const position = Number((error as { position?: unknown } | null)?.position);
  if (!Number.isInteger(position) || position < 1) return undefined;
  const text = step.script.text;
  let offset = step.start;
  for (let chars = 1; chars < position && offset < step.end; chars++) {
    offset += (text.codePointAt(offset) ?? 0) > 0xffff ? 2 : 1;
  }
  return offset;
}

/**
 * Errors such as "relation already exists" carry no position, and a step may hold many statements. The
 * failed step rolled back as one implicit transaction, but a script with its own BEGIN/COMMIT may have
 * left part of itself behind, so the search replays everything up to the step into a fresh instance and
 * then the step's statements one at a time. Only runs on failure, so its cost does not matter.
 */
async function failingStatementOffset(steps: Step[], failed: number): Promise<number | undefined> {
  const step = steps[failed]!;
  const statements = splitStatements(step.script.text.slice(step.start, step.end)).map((range) => ({
    script: step.script,
    start: step.start + range.start,
    end: step.start + range.end,
  }));
  if (statements.length <= 1) return statements[0]?.start;

  const db = await startPglite(extensionsCreatedBy([...new Set(steps.map((s) => s.script.text))]));
  try {
    if (await applySteps(db, steps.slice(0, failed))) return undefined;
    const failure = await applySteps(db, statements);
    if (!failure) return undefined;
    const statement = statements[failure.index]!;
    return errorOffset(statement, failure.error) ?? statement.start;
  } finally {
    await db.close().catch(() => {});
  }
}
