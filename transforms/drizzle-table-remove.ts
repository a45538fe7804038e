/**
 * Removes a table the truth does not have from a Drizzle schema: the whole `export const x = pgTable(…);`
 * statement (also `billing.table(…)` of a `pgSchema`, a `pgTableCreator` function's table when the variable is
 * given, and a chain on any of them like `.enableRLS()`), with the
 * comments and JSDoc written directly above it, a comment after it on its last line, and one of the runs of
 * blank lines around it, so the file reads as if the table had never been there; then each import only the
 * table used (`pgTable`, a builder, `sql`, an enum, a table its keys referenced, a type in `.$type<…>()`);
 * imports that were unused before stay as they were. Removing code can break callers that import the table,
 * so `fix` plans this only under `--unsafe` (as Biome does for its unsafe fixes); and it refuses when the file
 * itself still refers to the table's variable (another table's `.references(() => x.id)`, `relations(x, …)`,
 * `typeof x.$inferSelect`), which would stop it compiling. A file without the table is left as it is, so
 * running it again changes nothing.
 *
 * Options: table (SQL name), variable (optional: the table's variable, when the file could hold two tables of
 * that name in different pgSchemas).
 *
 * Runs under the jscodeshift CLI as is:
 *   npx jscodeshift -t transforms/drizzle-table-remove.ts --parser=ts --table=audit_log schema.ts
 */
import type { API, FileInfo, Options } from 'jscodeshift';
import {
  type CallExpression,
  type Identifier,
  type MemberExpression,
  type Node,
  type VariableDeclarator,
  is,
  stringValue,
  unwrap,
} from './lib/drizzle-ast.ts';
import { CannotApply } from './lib/cannot-apply.ts';
import { applyEdits } from './lib/drizzle-edits.ts';
import { type TableSite, findTables, pgCoreCallee, pgCoreNames } from './lib/drizzle-find.ts';
import { optionalString, requiredString } from './lib/drizzle-options.ts';
import { type ParsedSource, parseSource } from './lib/drizzle-source.ts';
import { nonReferences, removeImportsLeftUnused } from './lib/drizzle-unused-import.ts';
import { endOfLine, linesRemoval, startOfLine, startOfNextLine, withGroupSeparator } from './lib/remove-lines.ts';

const NAME = 'drizzle-table-remove';

export const parser = 'ts';

interface Declaration {
  site: TableSite;
  /** The top-level statement: `const x = …` or `export const x = …`. */
  statement: Node & { comments?: (Node & { leading?: boolean })[] };
  variable: string;
}

export default function transformer(file: FileInfo, api: API, options: Options): string {
  const table = requiredString(options, 'table', NAME);
  const variable = optionalString(options, 'variable');
  const parsed = parseSource(file, api);
  const declared = declarations(parsed, table, variable);
  const found = declared.length === 0 && variable !== undefined ? creatorDeclarations(parsed, table, variable) : declared;
  if (found.length === 0) {
    // Already gone (a second run) — unless the variable is still declared here in a form not looked for.
    if (variable !== undefined && declaresVariable(parsed, variable)) {
      throw new CannotApply(`\`${variable}\` is not a pgTable("${table}") declared as \`const ${variable} = …\` here; remove it by hand`);
    }
    return file.source;
  }
  if (found.length > 1) throw new CannotApply(`pgTable("${table}") is declared more than once in this file; remove it by hand`);
  const [decl] = found as [Declaration];

  const { source } = parsed;
  const stmtStart = parsed.start(decl.statement);
  const stmtEnd = parsed.end(decl.statement);
  const use = firstUse(parsed, decl.variable, { start: stmtStart, end: stmtEnd });
  if (use) throw new CannotApply(`${table} is still used in this file (${use.text}, line ${use.line}); remove that first`);

  const start = leadingCommentsStart(parsed, decl.statement);
  if (!/^[ \t]*$/.test(source.slice(startOfLine(source, start), start))) throw new CannotApply(`${decl.variable} shares its line with other code; remove it by hand`);
  const rest = source.slice(stmtEnd, endOfLine(source, stmtEnd));
  if (!/^[ \t]*(\/\/.*|\/\*.*?\*\/[ \t]*)?$/.test(rest)) throw new CannotApply(`${decl.variable} shares its line with other code; remove it by hand`);
  const removed = linesRemoval(source, startOfLine(source, start), startOfNextLine(source, stmtEnd));

  // Names the statement used, whose imports may now be unused.
  const candidates = parsed.nodesOfType<Identifier>('Identifier').filter((id) => parsed.start(id) >= stmtStart && parsed.end(id) <= stmtEnd).map((id) => id.name);
  return removeImportsLeftUnused(
    applyEdits(source, [{ ...removed, text: '' }]),
    candidates,
    (text) => parseSource({ path: file.path, source: text }, api),
    (text, edit) => ({ ...edit, ...withGroupSeparator(text, edit) }),
  );
}

/** Every table of that SQL name bound as the single declarator of a top-level `const`. */
function declarations(parsed: ParsedSource, table: string, variable: string | undefined): Declaration[] {
  const out: Declaration[] = [];
  for (const site of findTables(parsed).filter((t) => t.name === table)) {
    const at = parsed.start(site.call);
    const statement = parsed.program.body.find((s) => parsed.start(s) <= at && at < parsed.end(s));
    const declaration = statement?.type === 'ExportNamedDeclaration' ? (statement as Node & { declaration?: Node | null }).declaration : statement;
    const declarators = declaration?.type === 'VariableDeclaration' ? (declaration as Node & { declarations: VariableDeclarator[] }).declarations : [];
    const names = declarators.map((d) => (is<Identifier>(d.id, 'Identifier') ? d.id.name : undefined));
    if (declarators.length > 1 && (variable === undefined || names.includes(variable))) {
      throw new CannotApply(`pgTable("${table}") shares its \`const\` with other variables; remove it by hand`);
    }
    if (declarators.length !== 1 || names[0] === undefined || !declarators[0]!.init) {
      if (variable === undefined) throw new CannotApply(`pgTable("${table}") is not declared as \`const x = pgTable(…)\` here; remove it by hand`);
      continue;
    }
    const [declarator] = declarators as [VariableDeclarator & { id: Identifier; init: Node }];
    if (variable !== undefined && declarator.id.name !== variable) continue;
    if (!isChainOn(declarator.init, site.call)) {
      throw new CannotApply(`pgTable("${table}") is part of a larger expression in \`${declarator.id.name}\`; remove it by hand`);
    }
    out.push({ site, statement: statement!, variable: declarator.id.name });
  }
  return out;
}

/**
 * `const <variable> = createTable("log", …)` where `createTable = pgTableCreator((name) => \`app_${name}\`)`: the
 * SQL name is the function's, so the variable (which plan takes from the reader) finds the table, and the name
 * written must be part of the SQL name.
 */
function creatorDeclarations(parsed: ParsedSource, table: string, variable: string): Declaration[] {
  const names = pgCoreNames(parsed);
  const creators = new Set<string>();
  for (const d of parsed.nodesOfType<VariableDeclarator>('VariableDeclarator')) {
    const init = d.init && unwrap(d.init);
    if (is<Identifier>(d.id, 'Identifier') && is<CallExpression>(init, 'CallExpression') && pgCoreCallee(names, init.callee) === 'pgTableCreator') creators.add(d.id.name);
  }
  for (const statement of parsed.program.body) {
    const declaration = statement.type === 'ExportNamedDeclaration' ? (statement as Node & { declaration?: Node | null }).declaration : statement;
    const declarators = declaration?.type === 'VariableDeclaration' ? (declaration as Node & { declarations: VariableDeclarator[] }).declarations : [];
    const [only] = declarators;
    if (declarators.length !== 1 || !only?.init || !is<Identifier>(only.id, 'Identifier') || only.id.name !== variable) continue;
    let call = unwrap(only.init);
    while (is<CallExpression>(call, 'CallExpression') && is<MemberExpression>(unwrap(call.callee), 'MemberExpression')) {
      call = unwrap((unwrap(call.callee) as MemberExpression).object);
    }
    const callee = is<CallExpression>(call, 'CallExpression') ? unwrap(call.callee) : undefined;
    const written = is<CallExpression>(call, 'CallExpression') ? stringValue(call.arguments[0]) : undefined;
    if (is<Identifier>(callee, 'Identifier') && creators.has(callee.name) && written !== undefined && table.includes(written)) {
      return [{ site: { name: table, call: call as CallExpression }, statement, variable }];
    }
  }
  return [];
}

/** Whether `init` is the call itself or a chain of method calls on it (`pgTable(…).enableRLS()`). */
function isChainOn(init: Node, call: CallExpression): boolean {
  let current = unwrap(init);
  while (current !== call) {
    if (!is<CallExpression>(current, 'CallExpression')) return false;
    const callee = unwrap(current.callee);
    if (!is<MemberExpression>(callee, 'MemberExpression')) return false;
    current = unwrap(callee.object);
  }
  return true;
}

function declaresVariable(parsed: ParsedSource, variable: string): boolean {
  return parsed.program.body.some((s) => {
    const decl = s.type === 'ExportNamedDeclaration' ? (s as Node & { declaration?: Node | null }).declaration : s;
    return (
      decl?.type === 'VariableDeclaration' &&
      (decl as Node & { declarations: VariableDeclarator[] }).declarations.some((d) => is<Identifier>(d.id, 'Identifier') && d.id.name === variable)
    );
  });
}

/** The first reference to `variable` outside `removed`: `x.id` when it is read through, else the name; and its line. */
function firstUse(parsed: ParsedSource, variable: string, removed: { start: number; end: number }): { text: string; line: number } | undefined {
  const skip = nonReferences(parsed);
  const use = parsed
    .nodesOfType<Identifier>('Identifier')
    .filter((id) => id.name === variable && !skip.has(id) && !(parsed.start(id) >= removed.start && parsed.end(id) <= removed.end))
    .sort((a, b) => parsed.start(a) - parsed.start(b))[0];
  if (!use) return undefined;
  const member = parsed.nodesOfType<MemberExpression>('MemberExpression').find((m) => m.object === use && !m.computed);
  const line = parsed.source.slice(0, parsed.start(use)).split(/\r\n?|\n/).length;
  return { text: member ? parsed.text(member) : variable, line };
}

/**
 * Where the statement starts with the comments written directly above it, each on lines of its own with no
 * blank line between them and the statement (a JSDoc, `// …` lines); a comment further up is about
 * something else and stays.
 */
function leadingCommentsStart(parsed: ParsedSource, statement: Declaration['statement']): number {
  const { source } = parsed;
  let start = parsed.start(statement);
  const leading = (statement.comments ?? []).filter((c) => c.leading && c.loc).sort((a, b) => parsed.start(b) - parsed.start(a));
  for (const comment of leading) {
    const [from, to] = [parsed.start(comment), parsed.end(comment)];
    if (to > start) continue;
    const between = source.slice(to, start);
    const ownLine = /^[ \t]*$/.test(source.slice(startOfLine(source, from), from));
    if (!/^[ \t]*(\r\n|\n|\r)?[ \t]*$/.test(between) || !ownLine) break;
    start = from;
  }
  return start;
}
