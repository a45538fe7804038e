// Runs planned actions through their transforms, file by file, and checks that every result still parses.
// Nothing is written here: the output stage does that, all or nothing.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import jscodeshift from 'jscodeshift';
import { SourceError, UserError } from '../errors.ts';
import { typescriptSyntaxError } from '../lang/typescript.ts';
import { firstSyntaxError, loadPython, type PythonParser } from '../lang/python.ts';
import type { FileChange } from '../output/write.ts';
import type { FixAction, TransformId } from '../plan/index.ts';
import { isCannotApply } from '../../transforms/lib/cannot-apply.ts';
import drizzleColumnAdd from '../../transforms/drizzle-column-add.ts';
import drizzleColumnRemove from '../../transforms/drizzle-column-remove.ts';
import sqlmodelColumnRemove from '../../transforms/sqlmodel-column-remove.ts';
import drizzleColumnDefault from '../../transforms/drizzle-column-default.ts';
import drizzleColumnNullable from '../../transforms/drizzle-column-nullable.ts';
import drizzleFkOnDelete from '../../transforms/drizzle-fk-on-delete.ts';
import drizzleFkOnUpdate from '../../transforms/drizzle-fk-on-update.ts';
import drizzleFkTarget from '../../transforms/drizzle-fk-target.ts';
import sqlmodelColumnAdd from '../../transforms/sqlmodel-column-add.ts';
import sqlmodelColumnDefault from '../../transforms/sqlmodel-column-default.ts';
import sqlmodelColumnNullable from '../../transforms/sqlmodel-column-nullable.ts';
import sqlmodelForeignKey from '../../transforms/sqlmodel-foreign-key.ts';
import sqlmodelOnDelete from '../../transforms/sqlmodel-on-delete.ts';
import sqlmodelOnUpdate from '../../transforms/sqlmodel-on-update.ts';

type Language = 'typescript' | 'python';
type TransformFn = (file: { path: string; source: string }, api: never, options: Record<string, string>) => string;

const TRANSFORMS: Record<TransformId, { language: Language; run: TransformFn }> = {
  'drizzle-fk-target': { language: 'typescript', run: drizzleFkTarget as unknown as TransformFn },
  'drizzle-fk-on-delete': { language: 'typescript', run: drizzleFkOnDelete as unknown as TransformFn },
  'drizzle-fk-on-update': { language: 'typescript', run: drizzleFkOnUpdate as unknown as TransformFn },
  'drizzle-column-nullable': { language: 'typescript', run: drizzleColumnNullable as unknown as TransformFn },
  'drizzle-column-default': { language: 'typescript', run: drizzleColumnDefault as unknown as TransformFn },
  'drizzle-column-add': { language: 'typescript', run: drizzleColumnAdd as unknown as TransformFn },
  'drizzle-column-remove': { language: 'typescript', run: drizzleColumnRemove as unknown as TransformFn },
  'sqlmodel-column-remove': { language: 'python', run: sqlmodelColumnRemove as unknown as TransformFn },
  'sqlmodel-foreign-key': { language: 'python', run: sqlmodelForeignKey as unknown as TransformFn },
  'sqlmodel-on-delete': { language: 'python', run: sqlmodelOnDelete as unknown as TransformFn },
  'sqlmodel-on-update': { language: 'python', run: sqlmodelOnUpdate as unknown as TransformFn },
  'sqlmodel-column-nullable': { language: 'python', run: sqlmodelColumnNullable as unknown as TransformFn },
  'sqlmodel-column-default': { language: 'python', run: sqlmodelColumnDefault as unknown as TransformFn },
  'sqlmodel-column-add': { language: 'python', run: sqlmodelColumnAdd as unknown as TransformFn },
};

function typescriptApi() {
  const j = jscodeshift.withParser('ts');
  return { jscodeshift: j, j, stats: () => undefined, report: () => undefined };
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
  const needsPython = actions.some((a) => TRANSFORMS[a.transform].language === 'python');
  const python: PythonParser | undefined = needsPython ? await loadPython() : undefined;
  const apis: Record<Language, unknown> = { typescript: typescriptApi(), python: { python } };

  const changes: FileChange[] = [];
  for (const [file, fileActions] of byFile) {
    const absolutePath = path.resolve(cwd, file);
    const before = readFileSync(absolutePath, 'utf8');
    let text = before;
    for (const action of fileActions) {
      const { language, run } = TRANSFORMS[action.transform];
      try {
        text = run({ path: absolutePath, source: text }, apis[language] as never, action.options);
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
    const language = TRANSFORMS[fileActions[0]!.transform].language;
    const error = language === 'python' ? pythonError(python!, text) : typescriptSyntaxError(file, text);
    if (error) {
      throw new SourceError(`fix would leave a syntax error (${error.message}); nothing was written`, { file, ...error });
    }
    changes.push({ file, absolutePath, before, after: text });
  }
  return changes;
}
