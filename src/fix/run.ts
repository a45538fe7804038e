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

type Language = 'typescript' | 'python';

/** Transform ids name their language: `drizzle-*` edit TypeScript, `sqlmodel-*` edit Python. */
const languageOf = (id: TransformId): Language => (id.startsWith('drizzle-') ? 'typescript' : 'python');

interface Toolkit {
  transforms: Record<string, TransformFn>;
  api: unknown;
  syntaxError(file: string, text: string): { message: string; line: number; column: number } | undefined;
}

/** Each language's transforms and checker, loaded the first time an action needs them. */
async function toolkit(language: Language): Promise<Toolkit> {
  if (language === 'typescript') {
    const ts = await import('./typescript-transforms.ts');
    return { transforms: ts.TYPESCRIPT_TRANSFORMS, api: ts.typescriptApi(), syntaxError: ts.typescriptSyntaxError };
  }
  const [{ PYTHON_TRANSFORMS }, python] = await Promise.all([import('./python-transforms.ts'), loadPython()]);
  return { transforms: PYTHON_TRANSFORMS, api: { python }, syntaxError: (_file, text) => pythonError(python, text) };
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

export async function runActions(actions: readonly FixAction[], cwd: string, onSkip: SkipHandler = warnSkipped): Promise<FileChange[]> {
  const byFile = new Map<string, FixAction[]>();
  for (const a of actions) byFile.set(a.file, [...(byFile.get(a.file) ?? []), a]);
  const kits = new Map<Language, Toolkit>();
  for (const language of new Set(actions.map((a) => languageOf(a.transform)))) kits.set(language, await toolkit(language));

  const changes: FileChange[] = [];
  for (const [file, fileActions] of byFile) {
    const absolutePath = path.resolve(cwd, file);
    const before = readFileSync(absolutePath, 'utf8');
    let text = before;
    for (const action of fileActions) {
      const kit = kits.get(languageOf(action.transform))!;
      try {
        text = kit.transforms[action.transform]!({ path: absolutePath, source: text }, kit.api as never, action.options);
      } catch (e) {
        // A refusal leaves `text` as the previous actions made it; anything else is a bug and stops everything.
        if (isCannotApply(e)) {
          onSkip(action, e.message);
          continue;
        }
        throw new UserError(`${file}: cannot apply ${action.transform} to ${action.description}: ${(e as Error).message}`);
      }
    }
    if (text === before) continue;
    const error = kits.get(languageOf(fileActions[0]!.transform))!.syntaxError(file, text);
    if (error) {
      throw new SourceError(`fix would leave a syntax error (${error.message}); nothing was written`, { file, ...error });
    }
    changes.push({ file, absolutePath, before, after: text });
  }
  return changes;
}
