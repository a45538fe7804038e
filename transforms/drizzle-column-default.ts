/**
 * Sets, replaces or removes the database-side default of a Drizzle column, in its builder chain:
 * `.defaultNow()` for `now()`/`CURRENT_TIMESTAMP`, `.defaultRandom()` for `gen_random_uuid()` on a uuid column,
 * `.default(…)` with a literal for strings, numbers and booleans, else ``.default(sql`…`)`` (importing `sql`
 * from drizzle-orm when the file does not, and dropping that import when a removed default was its last use).
 * `$defaultFn`/`$default` run in the application and are never touched. A new call goes after the chain's
 * last call but `.references(…)`, in the chain's layout; a replaced call keeps its place.
 *
 * Options: table, column (SQL names), and either default (the SQL as PostgreSQL prints it: `0`, `now()`,
 * `'active'::text`) or remove=true.
 *
 * Runs under the jscodeshift CLI as is:
 *   npx jscodeshift -t transforms/drizzle-column-default.ts --parser=ts \
 *     --table=teams --column=credits --default=0 schema.ts
 */
import type { API, FileInfo, Options } from 'jscodeshift';
import { type StringLiteral, accessPath, is } from './lib/drizzle-ast.ts';
import { CannotApply } from './lib/cannot-apply.ts';
import { insertChainCall, removeChainCall } from './lib/drizzle-chain.ts';
import { chainDefault, defaultCallText, defaultCalls, sameDefault, usesSqlTag } from './lib/drizzle-default.ts';
import { type Edit, applyEdits } from './lib/drizzle-edits.ts';
import { findColumn, findTable } from './lib/drizzle-find.ts';
import { addNamedImport, localImportName, topLevelNames } from './lib/drizzle-imports.ts';
import { optionalString, requiredString } from './lib/drizzle-options.ts';
import { type ParsedSource, parseSource, quoteStyle } from './lib/drizzle-source.ts';
import { removeImport, unusedImport } from './lib/drizzle-unused-import.ts';

const NAME = 'drizzle-column-default';

export const parser = 'ts';

export default function transformer(file: FileInfo, api: API, options: Options): string {
  const table = requiredString(options, 'table', NAME);
  const column = requiredString(options, 'column', NAME);
  const wanted = optionalString(options, 'default');
  const remove = options.remove === true || options.remove === 'true';
  if ((wanted === undefined) === !remove) throw new Error(`${NAME}: give either --default=<sql> or --remove=true`);
  const parsed = parseSource(file, api);
  const tableSite = findTable(parsed, table);
  if (!tableSite) throw new CannotApply(`no pgTable("${table}") in this file`);
  const site = findColumn(tableSite, column);
  if (!site) throw new CannotApply(`table ${table} has no column ${column} written in its pgTable(…) here`);
  const { chain } = site;
  const builder = accessPath(chain.root.callee)?.at(-1);
  const existing = defaultCalls(chain);
  const current = chainDefault(chain, builder);

  if (wanted === undefined) {
    if (existing.length === 0) return file.source;
    const edits = existing.map((c) => removeChainCall(parsed, c));
    edits.push(...staleSqlImport(parsed, existing.filter(usesSqlTag)));
    return applyEdits(file.source, edits);
  }

  if (current.kind === 'sql' && sameDefault(current.sql, wanted)) return file.source;
  if (builder && /^(small|big)?serial$/.test(builder)) {
    throw new CannotApply(`${table}.${column} is a ${builder}; its default is its sequence`);
  }
  const nameLiteral = chain.root.arguments[0];
  const q = is<StringLiteral>(nameLiteral, 'StringLiteral') ? (parsed.source[parsed.start(nameLiteral)] as '"' | "'") : quoteStyle(parsed);
  const call = defaultCallText(wanted, builder, q);
  const edits: Edit[] = [];
  const last = existing.at(-1);
  if (last) {
    // The effective call is rewritten where it stands; earlier ones it overrode go.
    edits.push({ start: parsed.start(last.member.property), end: parsed.end(last.call), text: call.text });
    edits.push(...existing.slice(0, -1).map((c) => removeChainCall(parsed, c)));
    if (!call.usesSql) edits.push(...staleSqlImport(parsed, existing.filter(usesSqlTag)));
  } else {
    const anchor = chain.calls.filter((c) => c.name !== 'references').at(-1);
    edits.push(insertChainCall(parsed, chain, anchor?.call ?? chain.root, `.${call.text}`));
  }
  if (call.usesSql && !existing.some(usesSqlTag)) edits.push(...sqlImport(parsed, table, column));
  return applyEdits(file.source, edits);
}

/** `sql` in scope as drizzle-orm's tag, imported if need be; the reader knows the tag by that name only. */
function sqlImport(parsed: ParsedSource, table: string, column: string): Edit[] {
  if (['drizzle-orm', 'drizzle-orm/sql'].some((m) => localImportName(parsed, m, 'sql') === 'sql')) return [];
  if (topLevelNames(parsed).has('sql')) {
    throw new CannotApply(`${table}.${column}: \`sql\` here is not drizzle-orm's sql tag; write the default by hand`);
  }
  return addNamedImport(parsed, 'drizzle-orm', 'sql');
}

/** The `sql` import, when the removed calls were its last users. */
function staleSqlImport(parsed: ParsedSource, removed: ReturnType<typeof defaultCalls>): Edit[] {
  if (removed.length === 0) return [];
  const range = { start: parsed.start(removed[0]!.call.arguments[0]!), end: parsed.end(removed.at(-1)!.call) };
  const stale = unusedImport(parsed, 'sql', range);
  return stale ? removeImport(parsed, stale) : [];
}
