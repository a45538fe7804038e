/**
 * Gives a single Drizzle column a plain index, or takes it away: `index("name").on(t.col)` appended to the
 * table's config in its layout (an array, or the older object form), the config created in drizzle 0.36+'s
 * array form `(t) => [ … ]` when the table has none. Removing takes out every plain single-column
 * `index(…).on(t.col)` (no predicate, method or per-column details), the config argument with it when nothing
 * else is left, and the import of `index` when nothing else uses it.
 *
 * Several columns (`columns=a,b` instead of `column`) work the same way on `index("name").on(t.a, t.b)`: the
 * columns in that order, removing only an index over exactly them in that order with nothing more, and
 * refusing one over them written with more (a sort order, an operator class, `.using(…)`, `.where(…)`).
 *
 * Options: table, column or columns (SQL names; columns comma-separated), index (`true` | `false`), name (the
 * index's name, optional).
 *
 * Runs under the jscodeshift CLI as is:
 *   npx jscodeshift -t transforms/drizzle-index.ts --parser=ts --table=users --column=email --index=true --name=users_email_idx schema.ts
 *   npx jscodeshift -t transforms/drizzle-index.ts --parser=ts --table=members --columns=team_id,user_id --index=true --name=members_team_user_idx schema.ts
 */
import type { API, FileInfo, Options } from 'jscodeshift';
import { type Edit, applyEdits } from './lib/drizzle-edits.ts';
import { findColumn, findTable } from './lib/drizzle-find.ts';
import { booleanOption, optionalString, requiredString } from './lib/drizzle-options.ts';
import { parseSource, quote, quoteStyle } from './lib/drizzle-source.ts';
import {
  addConfigItem,
  configColumns,
  itemKey,
  mentions,
  onColumns,
  onKeys,
  overColumns,
  pgCoreFunction,
  removeConfigItemsAndBuilders,
  tableConfig,
} from './lib/drizzle-table-config.ts';
import { CannotApply } from './lib/cannot-apply.ts';

const NAME = 'drizzle-index';

export const parser = 'ts';

export default function transformer(file: FileInfo, api: API, options: Options): string {
  const table = requiredString(options, 'table', NAME);
  const several = optionalString(options, 'columns');
  if (several !== undefined) return severalColumns(file, api, options, table, several.split(','));
  const column = requiredString(options, 'column', NAME);
  const index = booleanOption(options, 'index', NAME);
  const name = optionalString(options, 'name');
  const parsed = parseSource(file, api);
  const site = findTable(parsed, table);
  if (!site) throw new CannotApply(`no pgTable("${table}") in this file`);
  const col = findColumn(site, column);
  if (!col) throw new CannotApply(`table ${table} has no column ${column}`);
  const config = tableConfig(parsed, site);
  const plain = (config?.items ?? []).filter((i) => i.kind === 'index' && i.otherCalls.length === 0 && i.keys?.length === 1 && i.keys[0] === col.key);

  if (!index) {
    if (!config) return file.source;
    if (plain.length === 0) {
      // An index on the column written with more than this removes (a sort order, `.where`, `.concurrently()`).
      const other = config.items.find((i) => i.kind === 'index' && mentions(parsed.text(i.node), config.param, col.key));
      if (other) throw new CannotApply(`${table}.${column}: ${parsed.text(other.node)} is not a plain index on the column; remove it by hand`);
      return file.source;
    }
    return applyEdits(file.source, removeConfigItemsAndBuilders(parsed, site, config, plain));
  }
  if (plain.length > 0) return file.source;
  if (!/^[A-Za-z_$][\w$]*$/.test(col.key)) throw new CannotApply(`${table}.${column}: its key ${col.key} cannot follow \`t.\`; add the index by hand`);
  const edits: Edit[] = [];
  const callee = pgCoreFunction(parsed, 'index', edits, `${table}.${column}`);
  const written = name === undefined ? '' : quote(name, quoteStyle(parsed));
  edits.push(...addConfigItem(parsed, site, (t) => `${callee}(${written}).on(${t}.${col.key})`, `${col.key}Idx`));
  return applyEdits(file.source, edits);
}


/** `index("name").on(t.a, t.b)` added or removed: see the header. */
function severalColumns(file: FileInfo, api: API, options: Options, table: string, columns: string[]): string {
  const index = booleanOption(options, 'index', NAME);
  const name = optionalString(options, 'name');
  const what = `${table}(${columns.join(', ')})`;
  const parsed = parseSource(file, api);
  const site = findTable(parsed, table);
  if (!site) throw new CannotApply(`no pgTable("${table}") in this file`);
  const keys = configColumns(site, columns, index ? 'add the index' : 'remove the index');
  const config = tableConfig(parsed, site);
  const items = config?.items ?? [];
  const plain = items.filter((i) => i.kind === 'index' && i.otherCalls.length === 0 && onKeys(i, keys, true));

  if (!index) {
    if (plain.length === 0) {
      const other = items.find((i) => i.kind === 'index' && overColumns(parsed, i, config!.param, keys, true));
      if (other) throw new CannotApply(`${what}: ${parsed.text(other.node)} is not a plain index on these columns; remove it by hand`);
      return file.source;
    }
    return applyEdits(file.source, removeConfigItemsAndBuilders(parsed, site, config!, plain));
  }
  if (plain.length > 0) return file.source;
  const edits: Edit[] = [];
  const callee = pgCoreFunction(parsed, 'index', edits, what);
  const written = name === undefined ? '' : quote(name, quoteStyle(parsed));
  edits.push(...addConfigItem(parsed, site, (t) => `${callee}(${written}).on(${onColumns(t, keys)})`, itemKey(keys, 'Idx')));
  return applyEdits(file.source, edits);
}
