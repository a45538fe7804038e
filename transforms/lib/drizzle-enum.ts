// The variable a Drizzle file holds a PostgreSQL enum type in: `const mood = pgEnum("mood", [...])`, or
// `schema.enum("mood", ...)`, or the imported name the plan found in another file.

import { type CallExpression, type Identifier, type VariableDeclarator, accessPath, is, stringValue, unwrap } from './drizzle-ast.ts';
import { CannotApply } from './cannot-apply.ts';
import { localImportName, topLevelNames } from './drizzle-imports.ts';
import type { ParsedSource } from './drizzle-source.ts';

const PG_CORE = 'drizzle-orm/pg-core';

/** `what` names the column in the refusal; `by` says what the user should do by hand (`add the column`). */
export function enumVariable(parsed: ParsedSource, type: string, imported: string | undefined, what: string, by: string): string {
  const name = type.includes('.') ? type.slice(type.lastIndexOf('.') + 1) : type;
  for (const decl of parsed.nodesOfType<VariableDeclarator>('VariableDeclarator')) {
    const init = decl.init && unwrap(decl.init);
    if (!is<Identifier>(decl.id, 'Identifier') || !is<CallExpression>(init, 'CallExpression')) continue;
    const callee = accessPath(init.callee);
    const isEnum =
      callee !== undefined &&
      ((callee.length === 1 && (localImportName(parsed, PG_CORE, 'pgEnum') ?? 'pgEnum') === callee[0]) ||
        (callee.length === 2 && (callee[1] === 'pgEnum' || callee[1] === 'enum')));
    if (isEnum && stringValue(init.arguments[0]) === name) return decl.id.name;
  }
  if (imported && topLevelNames(parsed).has(imported)) return imported;
  throw new CannotApply(`${what}: ${type} is no built-in type and no pgEnum for it is declared or imported here; ${by}`);
}
