/**
 * Moves a single-column Drizzle primary key to another column (or gives a table without one its key):
 * `.primaryKey()` added right after the new column's builder (after `.array()` when there is one) and taken
 * out of the old column's chain. The old column would turn nullable: unless `fromNullable` asks for that (or
 * the chain keeps it NOT NULL anyway), its `.primaryKey()` becomes `.notNull()` in place. A key declared in the
 * table's config (`primaryKey({ columns: […] })`) is left to the user.
 *
 * Options: table, column (SQL names of the new key), from (the SQL name of the key column now, if any),
 * fromNullable (`true` | `false`).
 *
 * Runs under the jscodeshift CLI as is:
 *   npx jscodeshift -t transforms/drizzle-primary-key.ts --parser=ts --table=users --column=id --from=email schema.ts
 */
import type { API, FileInfo, Options } from 'jscodeshift';
import { accessPath } from './lib/drizzle-ast.ts';
import { insertChainCall, removeChainCall } from './lib/drizzle-chain.ts';
import { type Edit, applyEdits } from './lib/drizzle-edits.ts';
import { type ColumnSite, findColumn, findTable } from './lib/drizzle-find.ts';
import { optionalString, requiredString } from './lib/drizzle-options.ts';
import { parseSource } from './lib/drizzle-source.ts';
import { tableConfig } from './lib/drizzle-table-config.ts';
import { CannotApply } from './lib/cannot-apply.ts';

const NAME = 'drizzle-primary-key';

export const parser = 'ts';

/** What keeps a column NOT NULL once it is no primary key. */
const NOT_NULL_CALLS = new Set(['notNull', 'generatedAlwaysAsIdentity', 'generatedByDefaultAsIdentity']);
const SERIAL_BUILDERS = new Set(['serial', 'smallserial', 'bigserial']);

export default function transformer(file: FileInfo, api: API, options: Options): string {
  const table = requiredString(options, 'table', NAME);
  const column = requiredString(options, 'column', NAME);
  const from = optionalString(options, 'from');
  const fromNullable = optionalString(options, 'fromNullable') === 'true' || options.fromNullable === true;
  const parsed = parseSource(file, api);
  const site = findTable(parsed, table);
  if (!site) throw new CannotApply(`no pgTable("${table}") in this file`);
  const col = findColumn(site, column);
  if (!col) throw new CannotApply(`table ${table} has no column ${column}`);
  if (tableConfig(parsed, site)?.items.some((i) => i.kind === 'primaryKey')) {
    throw new CannotApply(`${table} declares its primary key with primaryKey({ … }) in its config; edit it by hand`);
  }
  const edits: Edit[] = [];
  if (from !== undefined && from !== column) {
    const old = findColumn(site, from);
    if (!old) throw new CannotApply(`table ${table} has no column ${from}`);
    for (const [i, call] of old.chain.calls.filter((c) => c.name === 'primaryKey').entries()) {
      const keepNotNull = i === 0 && !fromNullable && !staysNotNull(old);
      edits.push(keepNotNull ? { start: parsed.start(call.member.property), end: parsed.end(call.member.property), text: 'notNull' } : removeChainCall(parsed, call));
    }
  }
  if (!col.chain.calls.some((c) => c.name === 'primaryKey')) {
    const array = col.chain.calls.filter((c) => c.name === 'array').at(-1);
    edits.push(insertChainCall(parsed, col.chain, array?.call ?? col.chain.root, '.primaryKey()'));
  }
  return edits.length === 0 ? file.source : applyEdits(file.source, edits);
}

function staysNotNull(col: ColumnSite): boolean {
  const builder = accessPath(col.chain.root.callee)?.at(-1);
  return col.chain.calls.some((c) => NOT_NULL_CALLS.has(c.name)) || (builder !== undefined && SERIAL_BUILDERS.has(builder));
}
