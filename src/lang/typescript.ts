import { ts } from 'ts-morph';
import { LineIndex } from '../model/span.ts';

/**
 * The first syntax error in a TypeScript file, or undefined. Parse diagnostics only: building a program
 * or type checker would cost seconds on a large schema and is never needed to read or edit one.
 */
export function typescriptSyntaxError(
  file: string,
  text: string,
): { message: string; line: number; column: number } | undefined {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const diagnostics = (sf as unknown as { parseDiagnostics?: ts.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
  const first = diagnostics[0];
  if (!first) return undefined;
  const { line, column } = new LineIndex(text).position(first.start);
  return { message: ts.flattenDiagnosticMessageText(first.messageText, '\n'), line, column };
}
