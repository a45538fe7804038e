/**
 * Makes a single Drizzle column unique or not. Adding writes `.unique()` at the end of the column's chain, or
 * `unique().on(t.col)` in the table's config when the file declares its unique constraints that way; the
 * truth's constraint name is written when it is not the one Drizzle would make up (`<table>_<column>_unique`).
 * Removing takes out the column's `.unique(…)` and any single-column `unique().on(t.col)` or
 * `uniqueIndex().on(t.col)` of the config (the config argument with it when nothing else is left), and the
 * import of a builder nothing else uses.
 *
 * Several columns (`columns=a,b` instead of `column`): adding writes `unique("name").on(t.a, t.b)` in the
 * table's config (its array or object form, created as `(t) => [ … ]` when there is none), or
 * `uniqueIndex("name").on(t.a, t.b)` with `form=index` (the truth's uniqueness is a unique index); the name is
 * left out when it is Drizzle's own `<table>_<a>_<b>_unique`. Removing takes out every `unique(…).on(…)` or
 * `uniqueIndex(…).on(…)` over exactly those columns, in any order (with `.nullsNotDistinct()` only when
 * `nullsNotDistinct=true`), refusing one written with more than plain columns.
 *
 * Options: table, column or columns (SQL names; columns comma-separated), unique (`true` | `false`), name
 * (the constraint's name, optional), form (`constraint` | `index`, several columns only), nullsNotDistinct
 * (`true` | `false`, removing several columns only).
 *
 * Runs under the jscodeshift CLI as is:
 *   npx jscodeshift -t transforms/drizzle-unique.ts --parser=ts --table=users --column=email --unique=true schema.ts
 *   npx jscodeshift -t transforms/drizzle-unique.ts --parser=ts --table=members --columns=team_id,user_id --unique=true schema.ts
 */
import type { API, FileInfo, Options } from 'jscodeshift';
import { type ObjectProperty, flattenChain, is } from './lib/drizzle-ast.ts';
import { insertChainCall, removeChainCall } from './lib/drizzle-chain.ts';
import { type Edit, applyEdits } from './lib/drizzle-edits.ts';
import { type TableSite, findColumn, findTable, findTables } from './lib/drizzle-find.ts';
import { booleanOption, optionalString, requiredString } from './lib/drizzle-options.ts';
import { type ParsedSource, parseSource, quote, quoteStyle } from './lib/drizzle-source.ts';
import {
  type ConfigItem,
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

const NAME = 'drizzle-unique';

export const parser = 'ts';

export default function transformer(file: FileInfo, api: API, options: Options): string {
  const table = requiredString(options, 'table', NAME);
  const several = optionalString(options, 'columns');
  if (several !== undefined) return severalColumns(file, api, options, table, several.split(','));
  const column = requiredString(options, 'column', NAME);
  const unique = booleanOption(options, 'unique', NAME);
  const name = optionalString(options, 'name');
  const parsed = parseSource(file, api);
  const site = findTable(parsed, table);
  if (!site) throw new CannotApply(`no pgTable("${table}") in this file`);
  const col = findColumn(site, column);
  if (!col) throw new CannotApply(`table ${table} has no column ${column}`);
  const config = tableConfig(parsed, site);
  const inChain = col.chain.calls.filter((c) => c.name === 'unique');
  const inConfig = (config?.items ?? []).filter((i) => isSingleColumnUnique(i, col.key));

  if (!unique) {
    const other = (config?.items ?? []).find(
      (i) => (i.kind === 'unique' || i.kind === 'uniqueIndex') && !inConfig.includes(i) && !(i.keys && i.keys.length > 1) && mentions(parsed.text(i.node), config!.param, col.key),
    );
    if (other && inChain.length === 0 && inConfig.length === 0) {
      throw new CannotApply(`${table}.${column}: ${parsed.text(other.node)} is not a plain single-column unique; remove it by hand`);
    }
    const edits: Edit[] = inChain.map((c) => removeChainCall(parsed, c));
    if (config && inConfig.length > 0) {
      edits.push(...removeConfigItemsAndBuilders(parsed, site, config, inConfig));
    }
    return edits.length === 0 ? file.source : applyEdits(file.source, edits);
  }
  if (inChain.length > 0 || inConfig.length > 0) return file.source;
  const q = quoteStyle(parsed);
  // Drizzle names `.unique()` `<table>_<column>_unique` itself; any other name has to be written.
  const written = name !== undefined && name !== `${table}_${column}_unique` ? quote(name, q) : '';
  if (!usesConfigStyle(parsed)) {
    const last = col.chain.calls.at(-1)?.call ?? col.chain.root;
    return applyEdits(file.source, [insertChainCall(parsed, col.chain, last, `.unique(${written})`)]);
  }
  if (!/^[A-Za-z_$][\w$]*$/.test(col.key)) throw new CannotApply(`${table}.${column}: its key ${col.key} cannot follow \`t.\`; add the constraint by hand`);
  const edits: Edit[] = [];
  const callee = pgCoreFunction(parsed, 'unique', edits, `${table}.${column}`);
  edits.push(...addConfigItem(parsed, site, (t) => `${callee}(${written}).on(${t}.${col.key})`, `${col.key}Unique`));
  return applyEdits(file.source, edits);
}

/** `unique().on(t.a, t.b)` (or `uniqueIndex`) added or removed: see the header. */
function severalColumns(file: FileInfo, api: API, options: Options, table: string, columns: string[]): string {
  const unique = booleanOption(options, 'unique', NAME);
  const name = optionalString(options, 'name');
  const form = optionalString(options, 'form') ?? 'constraint';
  if (form !== 'constraint' && form !== 'index') throw new Error(`${NAME}: form must be constraint or index; got ${JSON.stringify(form)}`);
  const nullsNotDistinct = options.nullsNotDistinct === undefined ? false : booleanOption(options, 'nullsNotDistinct', NAME);
  const what = `${table}(${columns.join(', ')})`;
  const parsed = parseSource(file, api);
  const site = findTable(parsed, table);
  if (!site) throw new CannotApply(`no pgTable("${table}") in this file`);
  const keys = configColumns(site, columns, unique ? 'add the constraint' : 'remove the constraint');
  const config = tableConfig(parsed, site);
  const items = config?.items ?? [];
  const isUnique = (i: ConfigItem) => i.kind === 'unique' || i.kind === 'uniqueIndex';
  const plain = (i: ConfigItem) =>
    isUnique(i) && i.otherCalls.every((c) => c === 'nullsNotDistinct' || (i.kind === 'uniqueIndex' && c === 'concurrently'));
  const matching = items.filter((i) => plain(i) && onKeys(i, keys, false) && i.otherCalls.includes('nullsNotDistinct') === nullsNotDistinct);

  if (!unique) {
    if (matching.length === 0) {
      // One over these columns written with more than plain columns (`.using(…)`, `t.a.desc()`): not this edit's to remove.
      const other = items.find((i) => isUnique(i) && (i.keys ? !plain(i) && onKeys(i, keys, false) : overColumns(parsed, i, config!.param, keys, false)));
      if (other) throw new CannotApply(`${what}: ${parsed.text(other.node)} is not a plain unique on these columns; remove it by hand`);
      return file.source;
    }
    return applyEdits(file.source, removeConfigItemsAndBuilders(parsed, site, config!, matching));
  }
  if (nullsNotDistinct) throw new CannotApply(`${what}: NULLS NOT DISTINCT is not written; add the constraint by hand`);
  if (items.some((i) => plain(i) && onKeys(i, keys, false) && !i.otherCalls.includes('nullsNotDistinct'))) return file.source;
  const builder = form === 'index' ? 'uniqueIndex' : 'unique';
  const edits: Edit[] = [];
  const callee = pgCoreFunction(parsed, builder, edits, what);
  // `unique()` is named `<table>_<a>_<b>_unique` by Drizzle itself; a unique index has no such default to lean on.
  const written = name !== undefined && !(builder === 'unique' && name === `${table}_${columns.join('_')}_unique`) ? quote(name, quoteStyle(parsed)) : '';
  edits.push(...addConfigItem(parsed, site, (t) => `${callee}(${written}).on(${onColumns(t, keys)})`, itemKey(keys, 'Unique')));
  return applyEdits(file.source, edits);
}

function isSingleColumnUnique(item: ConfigItem, key: string): boolean {
  const plain = item.otherCalls.every((c) => c === 'nullsNotDistinct' || (item.kind === 'uniqueIndex' && c === 'concurrently'));
  return (item.kind === 'unique' || item.kind === 'uniqueIndex') && plain && item.keys?.length === 1 && item.keys[0] === key;
}

/** Whether the file declares uniqueness in table configs (`unique().on(…)`) more than on columns (`.unique()`). */
function usesConfigStyle(parsed: ParsedSource): boolean {
  let [chain, config] = [0, 0];
  for (const t of findTables(parsed)) {
    for (const p of t.columns?.properties ?? []) {
      const calls = is<ObjectProperty>(p, 'ObjectProperty') ? flattenChain(p.value)?.calls : undefined;
      chain += calls?.filter((c) => c.name === 'unique').length ?? 0;
    }
    config += configItems(parsed, t).filter((i) => i.kind === 'unique').length;
  }
  return config > chain;
}

function configItems(parsed: ParsedSource, t: TableSite): ConfigItem[] {
  try {
    return tableConfig(parsed, t)?.items ?? [];
  } catch {
    return [];
  }
}

