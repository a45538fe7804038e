/**
 * Makes a single Drizzle column unique or not. Adding writes `.unique()` at the end of the column's chain, or
 * `unique().on(t.col)` in the table's config when the file declares its unique constraints that way; the
 * truth's constraint name is written when it is not the one Drizzle would make up (`<table>_<column>_unique`).
 * Removing takes out the column's `.unique(…)` and any single-column `unique().on(t.col)` or
 * `uniqueIndex().on(t.col)` of the config (the config argument with it when nothing else is left), and the
 * import of a builder nothing else uses.
 *
 * Options: table, column (SQL names), unique (`true` | `false`), name (the constraint's name, optional).
 *
 * Runs under the jscodeshift CLI as is:
 *   npx jscodeshift -t transforms/drizzle-unique.ts --parser=ts --table=users --column=email --unique=true schema.ts
 */
import type { API, FileInfo, Options } from 'jscodeshift';
import { type ObjectProperty, flattenChain, is } from './lib/drizzle-ast.ts';
import { insertChainCall, removeChainCall } from './lib/drizzle-chain.ts';
import { type Edit, applyEdits } from './lib/drizzle-edits.ts';
import { type TableSite, findColumn, findTable, findTables } from './lib/drizzle-find.ts';
import { booleanOption, optionalString, requiredString } from './lib/drizzle-options.ts';
import { type ParsedSource, parseSource, quote, quoteStyle } from './lib/drizzle-source.ts';
import { type ConfigItem, addConfigItem, dropUnusedBuilder, mentions, pgCoreFunction, removeConfigItems, tableConfig } from './lib/drizzle-table-config.ts';
import { CannotApply } from './lib/cannot-apply.ts';

const NAME = 'drizzle-unique';

export const parser = 'ts';

export default function transformer(file: FileInfo, api: API, options: Options): string {
  const table = requiredString(options, 'table', NAME);
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
      edits.push(...removeConfigItems(parsed, site, config, inConfig));
      const only = inConfig.length === config.items.length ? site.extra! : inConfig[0]!.element;
      edits.push(...dropUnusedBuilder(parsed, inConfig, { start: parsed.start(only), end: parsed.end(only) }));
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

