/**
 * Makes a Drizzle column NOT NULL or nullable: adds `.notNull()` right after the column builder (after
 * `.array()` when there is one, since that starts a new builder), or removes every `.notNull()` of the
 * column's chain. The chain's layout is kept: a chain written one call per line gets the new call on a line
 * of its own at the chain's indentation, and a removed call standing alone takes its line with it.
 *
 * Options: table, column (SQL names), nullable (`true` | `false`).
 *
 * Runs under the jscodeshift CLI as is:
 *   npx jscodeshift -t transforms/drizzle-column-nullable.ts --parser=ts \
 *     --table=credit_transactions --column=team_id --nullable=false schema.ts
 */
import type { API, FileInfo, Options } from 'jscodeshift';
import { accessPath } from './lib/drizzle-ast.ts';
import { insertChainCall, removeChainCall } from './lib/drizzle-chain.ts';
import { applyEdits } from './lib/drizzle-edits.ts';
import { findColumn, findTable } from './lib/drizzle-find.ts';
import { booleanOption, requiredString } from './lib/drizzle-options.ts';
import { parseSource } from './lib/drizzle-source.ts';
import { CannotApply } from './lib/cannot-apply.ts';

const NAME = 'drizzle-column-nullable';

export const parser = 'ts';

/** Calls and builders that make a column NOT NULL in PostgreSQL whether or not `.notNull()` is written. */
const IMPLIED_NOT_NULL_CALLS = new Set(['primaryKey', 'generatedAlwaysAsIdentity', 'generatedByDefaultAsIdentity']);
const SERIAL_BUILDERS = new Set(['serial', 'smallserial', 'bigserial']);

export default function transformer(file: FileInfo, api: API, options: Options): string {
  const table = requiredString(options, 'table', NAME);
  const column = requiredString(options, 'column', NAME);
  const nullable = booleanOption(options, 'nullable', NAME);
  const parsed = parseSource(file, api);
  const tableSite = findTable(parsed, table);
  if (!tableSite) throw new CannotApply(`no pgTable("${table}") in this file`);
  const site = findColumn(tableSite, column);
  if (!site) throw new CannotApply(`table ${table} has no column ${column}`);
  const { chain } = site;

  const notNull = chain.calls.filter((c) => c.name === 'notNull');
  const builder = accessPath(chain.root.callee)?.at(-1);
  const implied =
    chain.calls.find((c) => IMPLIED_NOT_NULL_CALLS.has(c.name))?.name ??
    (builder !== undefined && SERIAL_BUILDERS.has(builder) ? builder : undefined);

  if (nullable) {
    // A primary key, identity or serial column is NOT NULL in the database whatever the chain says.
    if (implied) throw new CannotApply(`${table}.${column} is NOT NULL because of ${implied}(); it cannot be made nullable here`);
    if (notNull.length === 0) return file.source;
    return applyEdits(file.source, notNull.map((c) => removeChainCall(parsed, c)));
  }
  if (notNull.length > 0 || implied) return file.source;
  const array = chain.calls.filter((c) => c.name === 'array').at(-1);
  return applyEdits(file.source, [insertChainCall(parsed, chain, array?.call ?? chain.root, '.notNull()')]);
}
