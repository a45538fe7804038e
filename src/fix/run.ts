// Runs planned actions through their transforms, file by file, and checks that every result still parses.
// Nothing is written here: the output stage does that, all or nothing.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SourceError, UserError } from '../errors.ts';
import { firstSyntaxError, loadPython, type PythonParser } from '../lang/python.ts';
import type { FileChange } from '../output/write.ts';
import type { FixAction, TransformId } from '../plan/index.ts';
import { isCannotApply } from '../../transforms/lib/cannot-apply.ts';
import type { TransformFn } from './transform-fn.ts';
import type { TransformThread } from './transform-thread.ts';

type Language = 'typescript' | 'python';

/** Transform ids name their language: `drizzle-*` edit TypeScript, `sqlmodel-*` edit Python. */
const languageOf = (id: TransformId): Language => (id.startsWith('drizzle-') ? 'typescript' : 'python');

interface Toolkit {
  /** Runs a file's actions in order: declined ones are skipped, anything else thrown stops the fix. */
  apply(path: string, source: string, actions: readonly FixAction[]): Promise<{ text: string; skipped: { action: FixAction; reason: string }[] }>;
  syntaxError(file: string, text: string): { message: string; line: number; column: number } | undefined;
}

/** Runs actions through transforms loaded on this thread. */
function localApply(transforms: Record<string, TransformFn>, api: unknown): Toolkit['apply'] {
  return async (absolutePath, source, actions) => {
    let text = source;
    const skipped: { action: FixAction; reason: string }[] = [];
    for (const action of actions) {
      try {
        text = transforms[action.transform]!({ path: absolutePath, source: text }, api as never, action.options);
      } catch (e) {
        // A refusal leaves `text` as the previous actions made it; anything else is a bug and stops everything.
        if (isCannotApply(e)) {
          skipped.push({ action, reason: e.message });
          continue;
        }
        throw transformFailed(action, (e as Error).message);
      }
    }
    return { text, skipped };
  };
}

const transformFailed = (action: FixAction, message: string) =>
  new UserError(`${action.file}: cannot apply ${action.transform} to ${action.description}: ${message}`);

/** Runs actions on the transforms' own thread (transform-thread.ts), with the same outcome as localApply. */
function threadApply(thread: TransformThread): Toolkit['apply'] {
  return async (absolutePath, source, actions) => {
    const reply = await thread.run({ path: absolutePath, source, actions: actions.map((a) => ({ transform: a.transform, options: a.options })) });
    if (reply.failed) throw transformFailed(actions[reply.failed.index]!, reply.failed.message);
    return { text: reply.text, skipped: reply.skipped.map((s) => ({ action: actions[s.index]!, reason: s.reason })) };
  };
}

/** Each language's transforms and checker, loaded the first time an action needs them. */
async function toolkit(language: Language, thread?: TransformThread): Promise<Toolkit> {
  if (language === 'typescript') {
    if (thread) {
      const { typescriptSyntaxError } = await import('../lang/typescript.ts');
      return { apply: threadApply(thread), syntaxError: typescriptSyntaxError };
    }
    const [ts, { typescriptSyntaxError }] = await Promise.all([import('./typescript-transforms.ts'), import('../lang/typescript.ts')]);
    return { apply: localApply(ts.TYPESCRIPT_TRANSFORMS, ts.typescriptApi()), syntaxError: typescriptSyntaxError };
  }
  const [{ PYTHON_TRANSFORMS }, python] = await Promise.all([import('./python-transforms.ts'), loadPython()]);
  return { apply: localApply(PYTHON_TRANSFORMS, { python }), syntaxError: (_file, text) => pythonError(python, text) };
}

function pythonError(python: PythonParser, text: string) {
  const tree = python.parse(text);
  try {
    return firstSyntaxError(tree, text);
  } finally {
    tree.delete();
  }
}

/** An action a transform declined (the code is not in a form it edits); the others still apply. */
export type SkipHandler = (action: FixAction, reason: string) => void;

/** `file:line:column` of the finding in the source being fixed, else just the file. */
function where(action: FixAction): string {
  const loc = action.finding.locations.find((l) => l.source === action.source && l.file === action.file);
  return loc ? `${loc.file}:${loc.line}:${loc.column}` : action.file;
}

export const warnSkipped: SkipHandler = (action, reason) => {
  process.stderr.write(`schemadrift: warning: ${where(action)}: ${action.rule}: skipped ${action.description}: ${reason}\n`);
};

/**
 * `thread`: the TypeScript transforms' own thread, when the caller started one (api.ts, for a fix limited
 * to some files); otherwise they are loaded and run here.
 */
export async function runActions(
  actions: readonly FixAction[],
  cwd: string,
  onSkip: SkipHandler = warnSkipped,
  thread?: TransformThread,
): Promise<FileChange[]> {
  const byFile = new Map<string, FixAction[]>();
  for (const a of actions) byFile.set(a.file, [...(byFile.get(a.file) ?? []), a]);
  const kits = new Map<Language, Toolkit>();
  for (const language of new Set(actions.map((a) => languageOf(a.transform)))) kits.set(language, await toolkit(language, thread));

  const changes: FileChange[] = [];
  for (const [file, fileActions] of byFile) {
    const absolutePath = path.resolve(cwd, file);
    const before = readFileSync(absolutePath, 'utf8');
    const kit = kits.get(languageOf(fileActions[0]!.transform))!;
    const { text, skipped } = await kit.apply(absolutePath, before, fileActions);
    for (const s of skipped) onSkip(s.action, s.reason);
    if (text === before) continue;
    const error = kit.syntaxError(file, text);
    if (error) {
      throw new SourceError(`fix would leave a syntax error (${error.message}); nothing was written`, { file, ...error });
    }
    changes.push({ file, absolutePath, before, after: text });
  }
  return changes;
}
