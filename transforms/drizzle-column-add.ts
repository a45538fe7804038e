/**
 * Adds a column the table lacks to its `pgTable(…)` column object, after the column it follows in the truth
 * (or first), written as the file writes its columns: camelCase or SQL-named keys, an explicit name argument
 * when the neighbours give one (or when the key would not derive the name), the file's quotes, the
 * neighbours' indentation and trailing commas. The builder comes from the PostgreSQL type (the inverse of
 * src/sources/drizzle/column-types.ts), `.notNull()` and the default as drizzle-column-default writes it; the
 * builder is added to the `drizzle-orm/pg-core` import. An enum column needs the file's pgEnum variable.
 *
 * Options: table, column (SQL names), after (the SQL name of the column it follows; absent: first), type
 * (as `format_type()` prints it: `character varying(64)`, `timestamp with time zone`, an enum's name),
 * nullable (`true` | `false`), default (SQL, optional), enum (the variable of an imported pgEnum, optional).
 *
 * Runs under the jscodeshift CLI as is:
 *   npx jscodeshift -t transforms/drizzle-column-add.ts --parser=ts --table=api_keys \
 *     --column=last_used_at --after=created_at --type="timestamp with time zone" --nullable=true schema.ts
 */
import type { API, FileInfo, Options } from 'jscodeshift';
import {
  type CallExpression,
  type Identifier,
  type ImportDeclaration,
  type Node,
  type ObjectProperty,
  type StringLiteral,
  accessPath,
  flattenChain,
  is,
  isFunction,
  propertyName,
  stringValue,
  unwrap,
} from './lib/drizzle-ast.ts';
import { builderFor } from './lib/drizzle-builder.ts';
import { CannotApply } from './lib/cannot-apply.ts';
import { defaultCallText, sqlDefaultCallText } from './lib/drizzle-default.ts';
import { type Edit, applyEdits } from './lib/drizzle-edits.ts';
import { type TableSite, findColumn, findTable } from './lib/drizzle-find.ts';
import { addNamedImport, localImportName, topLevelNames } from './lib/drizzle-imports.ts';
import { insertProperty } from './lib/drizzle-insert-property.ts';
import { booleanOption, optionalString, requiredString } from './lib/drizzle-options.ts';
import { type ParsedSource, parseSource, quote, quoteStyle } from './lib/drizzle-source.ts';
import { sqlTagImport } from './lib/drizzle-sql-import.ts';
import { enumVariable } from './lib/drizzle-enum.ts';
import { camelCase, countNaming, namingStyle } from './lib/drizzle-naming.ts';

const NAME = 'drizzle-column-add';
const PG_CORE = 'drizzle-orm/pg-core';

export const parser = 'ts';

export default function transformer(file: FileInfo, api: API, options: Options): string {
  const table = requiredString(options, 'table', NAME);
  const column = requiredString(options, 'column', NAME);
  const after = optionalString(options, 'after');
  const type = requiredString(options, 'type', NAME);
  const nullable = booleanOption(options, 'nullable', NAME);
  const wantedDefault = optionalString(options, 'default');
  const parsed = parseSource(file, api);
  const site = findTable(parsed, table);
  if (!site) throw new CannotApply(`no pgTable("${table}") in this file`);
  if (!site.columns) throw new CannotApply(`the columns of pgTable("${table}") are not an object literal here`);
  if (columnSite(site, column)) return file.source;
  const anchor = after === undefined ? undefined : columnSite(site, after);
  if (after !== undefined && !anchor) throw new CannotApply(`table ${table} has no column ${after} written in its pgTable(…) here to add ${column} after`);
  if (site.columns.properties.some((p) => !is<ObjectProperty>(p, 'ObjectProperty'))) {
    // A spread (`...timestamps`) may hold the column, or the neighbour, out of sight.
    throw new CannotApply(`the columns of pgTable("${table}") spread in other objects; add ${column} by hand`);
  }

  const q = nameQuote(parsed, site);
  const edits: Edit[] = [];
  const spec = builderFor(type, q);
  let callee: string;
  let builder: string | undefined;
  const param = columnsParameter(site);
  if (spec) {
    builder = spec.builder;
    callee = param ? `${param}.${spec.builder}` : builderCallee(parsed, spec.builder, edits, `${table}.${column}`);
  } else {
    callee = enumVariable(parsed, type, optionalString(options, 'enum'), `${table}.${column}`, 'add the column by hand');
  }

  const naming = namingOf(parsed, site);
  const key = naming.camel ? camelCase(column) : column;
  const writeName = naming.writesNames || key !== column;
  const args = [...(writeName ? [quote(column, q)] : []), ...(spec && spec.config.length > 0 ? [`{ ${spec.config.join(', ')} }`] : [])];
  let value = `${callee}(${args.join(', ')})`;
  if (spec?.array) value += '.array()';
  if (!nullable) value += '.notNull()';
  if (wantedDefault !== undefined) {
    const call = spec?.array ? sqlDefaultCallText(wantedDefault) : defaultCallText(wantedDefault, builder, q);
    value += `.${call.text}`;
    if (call.usesSql) edits.push(...sqlTagImport(parsed, `${table}.${column}`));
  }
  const keyText = /^[A-Za-z_$][\w$]*$/.test(key) ? key : quote(key, q);
  edits.push(...insertProperty(parsed, site.columns, anchor?.prop, `${keyText}: ${value}`));
  return applyEdits(file.source, edits);
}

/**
 * The column written for SQL name `name`: by its name argument or key, or (under a `casing: "snake_case"`
 * option, which derives names from keys) by the camelCase key of an unnamed builder.
 */
function columnSite(site: TableSite, name: string): { prop: Node } | undefined {
  const found = findColumn(site, name);
  if (found) return found;
  const prop = site.columns?.properties.find((p) => {
    const chain = is<ObjectProperty>(p, 'ObjectProperty') ? flattenChain(p.value) : undefined;
    return chain && chain.root.arguments.every((a) => stringValue(a) === undefined) && propertyName(p) === camelCase(name);
  });
  return prop && { prop };
}

/** `t` of `pgTable("x", (t) => ({ id: t.integer() }))`, when the columns are built through it. */
function columnsParameter(site: TableSite): string | undefined {
  const fn = site.call.arguments[1] && unwrap(site.call.arguments[1]);
  const param = isFunction(fn) && is<Identifier>(fn.params[0], 'Identifier') ? fn.params[0].name : undefined;
  const uses = site.columns?.properties.some((p) => {
    const chain = is<ObjectProperty>(p, 'ObjectProperty') ? flattenChain(p.value) : undefined;
    return chain !== undefined && accessPath(chain.root.callee)?.[0] === param;
  });
  return param && uses ? param : undefined;
}

/** The quote of the table's column names, else of the file. */
function nameQuote(parsed: ParsedSource, site: TableSite): '"' | "'" {
  for (const prop of site.columns?.properties ?? []) {
    const first = is<ObjectProperty>(prop, 'ObjectProperty') ? flattenChain(prop.value)?.root.arguments[0] : undefined;
    if (is<StringLiteral>(first, 'StringLiteral')) return parsed.source[parsed.start(first)] as '"' | "'";
  }
  return quoteStyle(parsed);
}

/**
 * How the file names columns: whether builders get the SQL name as an argument (most of the table's columns,
 * else of the file's), and whether keys are the camelCase of the names.
 */
function namingOf(parsed: ParsedSource, site: TableSite): { writesNames: boolean; camel: boolean } {
  let c = countNaming(site.columns?.properties ?? []);
  if (c.named + c.unnamed === 0 || c.camel + c.same === 0) {
    const fileCount = countNaming(findTablesColumns(parsed));
    c = c.named + c.unnamed === 0 ? fileCount : { ...c, camel: fileCount.camel, same: fileCount.same };
  }
  return namingStyle(c);
}

function findTablesColumns(parsed: ParsedSource): Node[] {
  const out: Node[] = [];
  for (const call of parsed.nodesOfType<CallExpression>('CallExpression')) {
    const columns = call.arguments[1] && unwrap(call.arguments[1]);
    if (stringValue(call.arguments[0]) === undefined || columns?.type !== 'ObjectExpression') continue;
    out.push(...(columns as Node & { properties: Node[] }).properties);
  }
  return out;
}

/** How the builder is called here: its (possibly renamed) import, `pg.varchar` under a namespace, or a new import. */
function builderCallee(parsed: ParsedSource, builder: string, edits: Edit[], what: string): string {
  const local = localImportName(parsed, PG_CORE, builder);
  if (local) return local;
  const decls = parsed.program.body.filter((s): s is ImportDeclaration => is<ImportDeclaration>(s, 'ImportDeclaration') && s.source.value === PG_CORE);
  const hasNamed = decls.some((d) => d.importKind !== 'type' && d.specifiers.some((s) => s.type === 'ImportSpecifier'));
  const namespace = decls
    .flatMap((d) => d.specifiers)
    .find((s): s is Node & { local: Identifier } => s.type === 'ImportNamespaceSpecifier');
  if (namespace && !hasNamed) return `${namespace.local.name}.${builder}`;
  if (topLevelNames(parsed).has(builder)) throw new CannotApply(`${what}: \`${builder}\` here is not pg-core's builder; add the column by hand`);
  edits.push(...addNamedImport(parsed, PG_CORE, builder));
  return builder;
}

