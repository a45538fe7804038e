/**
 * Removes a column the truth does not have from a Drizzle `pgTable(…)`: its property goes, with its line
 * when it has the line to itself, and the builder's import when nothing else uses it. Removing code can
 * break callers that read the column, so `fix` plans this only under `--unsafe` (as Biome does for its
 * unsafe fixes); and it refuses when the file itself still refers to the column through the table
 * (`t.legacyCode` in the table's indexes, `accounts.legacyCode` in another table's reference).
 *
 * Options: table, column (SQL names).
 *
 * Runs under the jscodeshift CLI as is:
 *   npx jscodeshift -t transforms/drizzle-column-remove.ts --parser=ts --table=users --column=legacy_code schema.ts
 */
import type { API, FileInfo, Options } from 'jscodeshift';
import { type Identifier, type MemberExpression, accessPath, is, isFunction, unwrap } from './lib/drizzle-ast.ts';
import { CannotApply } from './lib/cannot-apply.ts';
import { applyEdits, removeProperty } from './lib/drizzle-edits.ts';
import { findColumn, findTable } from './lib/drizzle-find.ts';
import { requiredString } from './lib/drizzle-options.ts';
import { parseSource } from './lib/drizzle-source.ts';
import { removeImportsLeftUnused } from './lib/drizzle-unused-import.ts';

const NAME = 'drizzle-column-remove';

export const parser = 'ts';

export default function transformer(file: FileInfo, api: API, options: Options): string {
  const table = requiredString(options, 'table', NAME);
  const column = requiredString(options, 'column', NAME);
  const parsed = parseSource(file, api);
  const site = findTable(parsed, table);
  if (!site?.columns) throw new CannotApply(`no pgTable("${table}") with its columns written here`);
  const col = findColumn(site, column);
  // Already gone: running the fix twice changes nothing.
  if (!col) return file.source;
  if (site.columns.properties.length === 1) throw new CannotApply(`${column} is the only column of ${table}`);

  const owners = new Set<string>();
  if (site.variable) owners.add(site.variable);
  const extra = site.extra && unwrap(site.extra);
  if (isFunction(extra)) {
    const param = extra.params[0];
    if (is<Identifier>(param, 'Identifier')) owners.add(param.name);
  }
  const uses = parsed.nodesOfType<MemberExpression>('MemberExpression').filter((m) => {
    const path = accessPath(m);
    return path?.length === 2 && owners.has(path[0]!) && path[1] === col.key;
  });
  if (uses.length) {
    const line = parsed.source.slice(0, parsed.start(uses[0]!)).split(/\r\n?|\n/).length;
    throw new CannotApply(`${table}.${column} is still used in this file (${parsed.text(uses[0]!)}, line ${line}); remove that first`);
  }

  // Every name the column referred to (its builder, `sql`, a `$type<…>()` type, an enum) loses its import
  // when nothing else uses it.
  const removed = { start: parsed.start(col.prop), end: parsed.end(col.prop) };
  const names = parsed.nodesOfType<Identifier>('Identifier').filter((id) => parsed.start(id) >= removed.start && parsed.end(id) <= removed.end).map((id) => id.name);
  return removeImportsLeftUnused(applyEdits(file.source, removeProperty(parsed, site.columns, col.prop)), names, (text) =>
    parseSource({ path: file.path, source: text }, api),
  );
}
