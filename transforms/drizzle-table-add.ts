/**
 * Appends a table the file lacks: `export const <variable> = pgTable("<table>", { … });` at the end of the
 * file, written as the file writes its tables: its quotes, semicolons, column indentation and trailing commas,
 * camelCase or SQL-named keys, explicit name arguments when the file gives them. Each column's builder comes
 * from its PostgreSQL type as drizzle-column-add writes it (drizzle-builder.ts), then `.primaryKey()` or
 * `.notNull()`, the default (drizzle-default.ts) and `.references(() => x.y, { onDelete: … })`; the builders
 * and `pgTable` are added to the `drizzle-orm/pg-core` import. Its uniqueness and plain indexes come with it: a
 * single-column UNIQUE constraint as `.unique()` on the column (`.unique("name")` when the name is not Drizzle's
 * own `<table>_<column>_unique`), every other one in the table's config as `unique("name").on(t.a, t.b)` (the
 * name left out when it is Drizzle's `<table>_<a>_<b>_unique`), `uniqueIndex("name").on(…)` or
 * `index("name").on(…)`, in drizzle 0.36+'s array form `(t) => [ … ]`, or the object form `(t) => ({ … })`
 * and parameter name when the file's tables write their config that way. A table of that name already in
 * the file leaves the file as it is, so running it again changes nothing.
 *
 * Options: table (SQL name), variable (the identifier to bind it to), columns (JSON: `[{ "name", "type",
 * "nullable", "default"?, "primaryKey"?, "enum"? }]` in the table's order, types as `format_type()` prints
 * them, `enum` the variable of an imported pgEnum), foreignKeys (JSON, optional: `[{ "column", "references":
 * "users.id", "onDelete"?, "onUpdate"? }]`, `references` the target table's variable and column key here),
 * uniques (JSON, optional: `[{ "columns": ["a", "b"], "name"?, "form"?: "constraint" | "index" }]`), indexes
 * (JSON, optional: `[{ "columns": ["a"], "name"? }]`, plain btree indexes over the columns in that order).
 *
 *   npx jscodeshift -t transforms/drizzle-table-add.ts --parser=ts --table=audit_log --variable=auditLog \
 *     --columns='[{"name":"id","type":"text","nullable":false,"primaryKey":true}]' schema.ts
 */
import type { API, FileInfo, Options } from 'jscodeshift';
import { FK_ACTIONS, type FkAction } from '../src/model/schema.ts';
import { drizzleActionText } from '../src/sources/drizzle/fk-actions.ts';
import { type Identifier, type ImportDeclaration, type Node, type ObjectExpression, is } from './lib/drizzle-ast.ts';
import { builderFor } from './lib/drizzle-builder.ts';
import { CannotApply } from './lib/cannot-apply.ts';
import { defaultCallText, sameDefault, sqlDefaultCallText } from './lib/drizzle-default.ts';
import { type Edit, applyEdits } from './lib/drizzle-edits.ts';
import { enumVariable } from './lib/drizzle-enum.ts';
import { type TableSite, findTable, findTables } from './lib/drizzle-find.ts';
import { addNamedImport, localImportName, topLevelNames } from './lib/drizzle-imports.ts';
import { requiredString } from './lib/drizzle-options.ts';
import { type ParsedSource, eol, indentAt, lineEnd, parseSource, quote, quoteStyle, spansLines } from './lib/drizzle-source.ts';
import { sqlTagImport } from './lib/drizzle-sql-import.ts';
import { camelCase, countNaming, namingStyle } from './lib/drizzle-naming.ts';
import { itemKey, onColumns, tableConfig } from './lib/drizzle-table-config.ts';
import type { IndexSpec, UniqueSpec } from './lib/keyed-options.ts';

const NAME = 'drizzle-table-add';
const PG_CORE = 'drizzle-orm/pg-core';
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const SERIAL: Record<string, string> = { integer: 'serial', smallint: 'smallserial', bigint: 'bigserial' };

export const parser = 'ts';

interface ColumnSpec {
  name: string;
  type: string;
  nullable: boolean;
  default?: string;
  primaryKey?: boolean;
  enum?: string;
}

interface ForeignKeySpec {
  column: string;
  references: string;
  onDelete?: string;
  onUpdate?: string;
}

export default function transformer(file: FileInfo, api: API, options: Options): string {
  const table = requiredString(options, 'table', NAME);
  const variable = requiredString(options, 'variable', NAME);
  const columns = jsonList<ColumnSpec>(options, 'columns', true);
  const foreignKeys = jsonList<ForeignKeySpec>(options, 'foreignKeys', false);
  const uniques = jsonList<UniqueSpec>(options, 'uniques', false);
  const indexes = jsonList<IndexSpec>(options, 'indexes', false);
  const parsed = parseSource(file, api);
  if (findTable(parsed, table)) return file.source;

  if (!IDENTIFIER.test(variable)) throw new Error(`${NAME}: --variable must be an identifier; got ${JSON.stringify(variable)}`);
  if (columns.length === 0) throw new Error(`${NAME}: --columns lists no column`);
  const declared = topLevelNames(parsed);
  if (declared.has(variable)) throw new CannotApply(`\`${variable}\` is already declared in this file; add ${table} by hand`);
  if (columns.filter((c) => c.primaryKey).length > 1) {
    throw new CannotApply(`${table} has a primary key over several columns; add the table by hand`);
  }

  const style = styleOf(parsed);
  const q = style.quote;
  const edits: Edit[] = [];
  const imports: string[] = [];
  const callee = (name: string, what: string) => pgCoreCallee(parsed, name, imports, declared, what);
  const tableCallee = callee('pgTable', table);
  for (const spec of [...uniques, ...indexes]) {
    if (!Array.isArray(spec.columns) || spec.columns.length === 0) throw new Error(`${NAME}: a unique or index lists no columns`);
    for (const name of spec.columns) if (!columns.some((c) => c.name === name)) throw new Error(`${NAME}: a unique or index on ${name}, which --columns does not list`);
  }
  // A single-column UNIQUE constraint is said on the column; everything else goes in the table's config.
  const onColumn = (column: string) => uniques.find((u) => (u.form ?? 'constraint') === 'constraint' && u.columns.length === 1 && u.columns[0] === column);
  const keyOf = (column: ColumnSpec) => (style.camel ? camelCase(column.name) : column.name);

  const lines = columns.map((column) => {
    const what = `${table}.${column.name}`;
    // PostgreSQL's serial is an integer whose default is its own sequence: Drizzle says that with serial().
    const serial = SERIAL[column.type] !== undefined && column.default !== undefined && sameDefault(column.default, `nextval('${table}_${column.name}_seq'::regclass)`);
    if (!serial && column.default?.trim().startsWith('nextval(')) throw new CannotApply(`${what}: a sequence default other than its own serial one; add the table by hand`);
    // bigserial's config is not optional in Drizzle's types, as bigint's is not (drizzle-builder.ts).
    const spec = serial
      ? { builder: SERIAL[column.type]!, config: column.type === 'bigint' ? [`mode: ${quote('number', q)}`] : [], array: false }
      : builderFor(column.type, q);
    const builder = spec ? callee(spec.builder, what) : enumVariable(parsed, column.type, column.enum, what, 'add the table by hand');
    const key = keyOf(column);
    const writeName = style.writesNames || key !== column.name;
    const args = [...(writeName ? [quote(column.name, q)] : []), ...(spec && spec.config.length > 0 ? [`{ ${spec.config.join(', ')} }`] : [])];
    let value = `${builder}(${args.join(', ')})`;
    if (spec?.array) value += '.array()';
    // A primary key is NOT NULL already; Drizzle and its reader both take `.primaryKey()` to say so.
    if (column.primaryKey) value += '.primaryKey()';
    else if (!column.nullable && !serial) value += '.notNull()';
    if (column.default !== undefined && !serial) {
      const call = spec?.array ? sqlDefaultCallText(column.default) : defaultCallText(column.default, spec?.builder, q);
      value += `.${call.text}`;
      if (call.usesSql) edits.push(...sqlTagImport(parsed, what));
    }
    const fks = foreignKeys.filter((fk) => fk.column === column.name);
    if (fks.length > 1) throw new CannotApply(`${what} references more than one table; add the table by hand`);
    if (fks[0]) value += `.${referencesText(fks[0], declared, q, what)}`;
    const unique = onColumn(column.name);
    // Drizzle names `.unique()` `<table>_<column>_unique` itself; any other name has to be written.
    if (unique) value += `.unique(${unique.name !== undefined && unique.name !== `${table}_${column.name}_unique` ? quote(unique.name, q) : ''})`;
    return `${IDENTIFIER.test(key) ? key : quote(key, q)}: ${value}`;
  });
  for (const fk of foreignKeys) {
    if (!columns.some((c) => c.name === fk.column)) throw new Error(`${NAME}: foreign key on ${fk.column}, which --columns does not list`);
  }

  const configStyle = configStyleOf(parsed);
  const items: { text: string; key: string }[] = [];
  const configItem = (builder: string, spec: UniqueSpec | IndexSpec, name: string | undefined, suffix: string) => {
    const what = `${table}(${spec.columns.join(', ')})`;
    const keys = spec.columns.map((name) => {
      const key = keyOf(columns.find((c) => c.name === name)!);
      if (!IDENTIFIER.test(key)) throw new CannotApply(`${what}: the key ${key} cannot follow \`${configStyle.param}.\`; add the table by hand`);
      return key;
    });
    items.push({ text: `${callee(builder, what)}(${name !== undefined ? quote(name, q) : ''}).on(${onColumns(configStyle.param, keys)})`, key: itemKey(keys, suffix) });
  };
  for (const u of uniques.filter((u) => (u.form ?? 'constraint') === 'constraint' && onColumn(u.columns[0]!) !== u)) {
    // `unique()` is named `<table>_<a>_<b>_unique` by Drizzle itself.
    configItem('unique', u, u.name === `${table}_${u.columns.join('_')}_unique` ? undefined : u.name, 'Unique');
  }
  for (const u of uniques.filter((u) => u.form === 'index')) configItem('uniqueIndex', u, u.name, 'Unique');
  for (const i of indexes) configItem('index', i, i.name, 'Idx');

  if (imports.length > 0) edits.push(...addNamedImport(parsed, PG_CORE, imports.join(importSeparator(parsed))));
  const nl = eol(file.source);
  const listed = (entries: string[]) => entries.map((line, i) => `${style.indent}${line}${i < entries.length - 1 || style.trailingComma ? ',' : ''}${nl}`).join('');
  const body = listed(lines);
  const config = items.length === 0 ? '' : configText(configStyle, items, listed, nl);
  const statement = `${style.exported ? 'export ' : ''}const ${variable} = ${tableCallee}(${quote(table, q)}, {${nl}${body}}${config})${style.semicolon ? ';' : ''}`;
  const end = file.source.length;
  // One blank line before it, and the file ends with a line break as it did (or as it did not).
  const trailing = /(\r\n|\n|\r)$/.exec(file.source)?.[0];
  const text = end === 0 ? `${statement}${nl}` : trailing ? `${file.source.endsWith(`${trailing}${trailing}`) ? '' : nl}${statement}${nl}` : `${nl}${nl}${statement}`;
  edits.push({ start: end, end, text });
  return applyEdits(file.source, edits);
}

interface ConfigStyle {
  object: boolean;
  param: string;
}

/**
 * How the file's tables write their config: the first one readable gives the form (array or object) and the
 * parameter's name; with none, drizzle 0.36+'s `(t) => [ … ]`.
 */
function configStyleOf(parsed: ParsedSource): ConfigStyle {
  for (const site of findTables(parsed)) {
    let config: ReturnType<typeof tableConfig>;
    try {
      config = tableConfig(parsed, site);
    } catch {
      continue;
    }
    if (!config) continue;
    const param = config.param && !topLevelNames(parsed).has(config.param) ? config.param : 't';
    return { object: is<ObjectExpression>(config.body, 'ObjectExpression'), param };
  }
  return { object: false, param: 't' };
}

/** `, (t) => [ … ]` or `, (t) => ({ … })` after the columns, one item a line as the columns are. */
function configText(style: ConfigStyle, items: { text: string; key: string }[], listed: (entries: string[]) => string, nl: string): string {
  if (!style.object) return `, (${style.param}) => [${nl}${listed(items.map((i) => i.text))}]`;
  const taken = new Set<string>();
  const properties = items.map((item) => {
    let key = item.key;
    for (let n = 2; taken.has(key); n++) key = `${item.key}${n}`;
    taken.add(key);
    return `${key}: ${item.text}`;
  });
  return `, (${style.param}) => ({${nl}${listed(properties)}})`;
}

function jsonList<T>(options: Options, name: string, required: boolean): T[] {
  const raw: unknown = options[name];
  if (raw === undefined || raw === '') {
    if (required) throw new Error(`${NAME}: option --${name} is required`);
    return [];
  }
  const value: unknown = typeof raw === 'string' ? JSON.parse(raw) : raw;
  if (!Array.isArray(value)) throw new Error(`${NAME}: --${name} must be a JSON array`);
  return value as T[];
}

/** `.references(() => users.id, { onDelete: "cascade" })`, NO ACTION (PostgreSQL's default) left unsaid. */
function referencesText(fk: ForeignKeySpec, declared: Set<string>, q: '"' | "'", what: string): string {
  const [target, key, ...rest] = fk.references.split('.');
  if (!target || !key || rest.length > 0 || !IDENTIFIER.test(target) || !IDENTIFIER.test(key)) {
    throw new Error(`${NAME}: a foreign key's "references" must be variable.key; got ${JSON.stringify(fk.references)}`);
  }
  if (!declared.has(target)) throw new CannotApply(`${what} references ${target}, which is not declared or imported in this file; add the table by hand`);
  const actions = (['onDelete', 'onUpdate'] as const)
    .map((clause) => {
      const raw = fk[clause];
      if (raw === undefined) return undefined;
      const action = raw.trim().toUpperCase().replace(/[\s_-]+/g, ' ');
      if (!(FK_ACTIONS as readonly string[]).includes(action)) throw new Error(`${NAME}: ${clause} must be one of ${FK_ACTIONS.join(', ')}; got ${JSON.stringify(raw)}`);
      return action === 'NO ACTION' ? undefined : `${clause}: ${quote(drizzleActionText(action as FkAction), q)}`;
    })
    .filter((a) => a !== undefined);
  return `references(() => ${target}.${key}${actions.length > 0 ? `, { ${actions.join(', ')} }` : ''})`;
}

/** How pg-core export `name` is called here: its import, `pg.name` under a namespace, or a new import. */
function pgCoreCallee(parsed: ParsedSource, name: string, imports: string[], declared: Set<string>, what: string): string {
  const local = localImportName(parsed, PG_CORE, name);
  if (local) return local;
  if (imports.includes(name)) return name;
  const decls = parsed.program.body.filter((s): s is ImportDeclaration => is<ImportDeclaration>(s, 'ImportDeclaration') && s.source.value === PG_CORE);
  const hasNamed = decls.some((d) => d.importKind !== 'type' && d.specifiers.some((s) => s.type === 'ImportSpecifier'));
  const namespace = decls.flatMap((d) => d.specifiers).find((s): s is Node & { local: Identifier } => s.type === 'ImportNamespaceSpecifier');
  if (namespace && !hasNamed) return `${namespace.local.name}.${name}`;
  if (declared.has(name)) throw new CannotApply(`${what}: \`${name}\` here is not pg-core's ${name}; add the table by hand`);
  imports.push(name);
  return name;
}

/** Between names added to the pg-core import at once: one a line when the import lists one a line. */
function importSeparator(parsed: ParsedSource): string {
  const decl = parsed.program.body.find(
    (s): s is ImportDeclaration => is<ImportDeclaration>(s, 'ImportDeclaration') && s.source.value === PG_CORE && s.importKind !== 'type',
  );
  const first = decl?.specifiers.find((s) => s.type === 'ImportSpecifier');
  if (!first) return ', ';
  const at = parsed.start(first);
  const brace = parsed.source.lastIndexOf('{', at);
  return spansLines(parsed.source, brace, at) ? `,${eol(parsed.source)}${indentAt(parsed.source, at)}` : ', ';
}

interface Style {
  quote: '"' | "'";
  indent: string;
  trailingComma: boolean;
  semicolon: boolean;
  exported: boolean;
  writesNames: boolean;
  camel: boolean;
}

/**
 * The file's way with tables, read off the tables it has (the first written across lines for the layout);
 * with none, Drizzle's own examples: two spaces, trailing commas, exported, camelCase keys with names.
 */
function styleOf(parsed: ParsedSource): Style {
  const { source } = parsed;
  const tables = findTables(parsed);
  const laidOut = tables.find((t) => t.columns && t.columns.properties.length > 0 && spansLines(source, parsed.start(t.columns), parsed.start(t.columns.properties[0]!)));
  let indent = '  ';
  let trailingComma = true;
  if (laidOut?.columns) {
    const props = laidOut.columns.properties;
    indent = indentAt(source, parsed.start(props[0]!));
    const last = props[props.length - 1]!;
    const after = source.slice(parsed.end(last), lineEnd(source, parsed.end(last)));
    trailingComma = /^\s*,/.test(after);
  }
  const statement = tables.map(statementOf(parsed)).find((s) => s !== undefined);
  const semicolon = statement ? parsed.text(statement).trimEnd().endsWith(';') : !parsed.program.body.some((s) => !parsed.text(s).trimEnd().endsWith(';') && !parsed.text(s).trimEnd().endsWith('}'));
  const exported = statement ? statement.type === 'ExportNamedDeclaration' : true;
  return { quote: quoteStyle(parsed), indent, trailingComma, semicolon, exported, ...namingOf(tables) };
}

/** The top-level statement declaring the table's variable. */
function statementOf(parsed: ParsedSource): (site: TableSite) => Node | undefined {
  return (site) => {
    const at = parsed.start(site.call);
    return parsed.program.body.find((s) => parsed.start(s) <= at && at < parsed.end(s) && (s.type === 'ExportNamedDeclaration' || s.type === 'VariableDeclaration'));
  };
}

/** Whether the file's columns get their SQL name as an argument (most do) and have camelCase keys. */
function namingOf(tables: TableSite[]): { writesNames: boolean; camel: boolean } {
  return namingStyle(countNaming(tables.flatMap((t) => t.columns?.properties ?? [])));
}

