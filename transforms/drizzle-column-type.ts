/**
 * Changes the SQL type of a Drizzle column where its builder call declares it: the builder (`text` →
 * `varchar`, `integer` → `bigint`) and the config properties that say the type (`{ length: 128 }`,
 * `{ withTimezone: true }`, `{ precision: 12, scale: 2 }`), as src/sources/drizzle/column-types.ts reads them
 * back. The SQL name argument, the rest of the chain and application-side options that still fit (`enum:` on
 * a string builder, a `mode:` the new builder accepts) stay; the new builder is imported the way the file
 * imports pg-core and the old one's import goes when nothing else uses it. An enum type needs the file's
 * pgEnum variable.
 *
 * Refused (CannotApply): a column not written in the pgTable(…) itself, a builder that is not pg-core's, a
 * serial (its type comes with its sequence), a change to or from an array, and any change that would leave a
 * `.default(…)`, `$defaultFn`, `$onUpdate` or identity call typed for another kind of value.
 *
 * Options: table, column (SQL names), type (as `format_type()` prints it: `character varying(128)`,
 * `timestamp with time zone`, an enum's name), enum (the variable of an imported pgEnum, optional).
 *
 * Runs under the jscodeshift CLI as is:
 *   npx jscodeshift -t transforms/drizzle-column-type.ts --parser=ts --table=users \
 *     --column=email --type="character varying(128)" schema.ts
 */
import type { API, FileInfo, Options } from 'jscodeshift';
import { normalizeType } from '../src/compare/normalize/sql-type.ts';
import {
  type CallExpression,
  type Identifier,
  type ImportDeclaration,
  type ImportSpecifier,
  type Node,
  type ObjectExpression,
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
import {
  TEXT_BUILDERS,
  TYPE_KEYS,
  acceptsMode,
  builderArgs,
  declaredType,
  modeOf,
  splitProperty,
  valueKind,
  valueText,
} from './lib/drizzle-builder-config.ts';
import { CannotApply } from './lib/cannot-apply.ts';
import { type Edit, applyEdits, insertArgumentAfter, removeArgument } from './lib/drizzle-edits.ts';
import { type ColumnSite, type TableSite, findColumn, findTable } from './lib/drizzle-find.ts';
import { addNamedImport, localImportName, topLevelNames } from './lib/drizzle-imports.ts';
import { optionalString, requiredString } from './lib/drizzle-options.ts';
import { type ParsedSource, parseSource, quoteStyle, spansLines } from './lib/drizzle-source.ts';
import { removeImport, unusedImport } from './lib/drizzle-unused-import.ts';
import { enumVariable } from './lib/drizzle-enum.ts';

const NAME = 'drizzle-column-type';
const PG_CORE = 'drizzle-orm/pg-core';
const SERIALS = new Set(['serial', 'smallserial', 'bigserial']);
const IDENTITY_BUILDERS = new Set(['integer', 'smallint', 'bigint']);
/** Chain calls typed by the column's JavaScript value. */
const VALUE_CALLS = new Set(['default', 'defaultNow', 'defaultRandom', '$default', '$defaultFn', '$onUpdate', '$onUpdateFn']);

export const parser = 'ts';

/** How the column's builder is reached: `varchar`, `pg.varchar` or `t.varchar`. */
interface Callee {
  /** The pg-core export. */
  builder: string;
  /** `pg.` or `t.` for a namespace or the columns callback's parameter; none for a named import. */
  prefix?: string;
  /** The local name of a named import. */
  local?: string;
}

export default function transformer(file: FileInfo, api: API, options: Options): string {
  const table = requiredString(options, 'table', NAME);
  const column = requiredString(options, 'column', NAME);
  const type = requiredString(options, 'type', NAME);
  const what = `${table}.${column}`;
  const parsed = parseSource(file, api);
  const site = findTable(parsed, table);
  if (!site) throw new CannotApply(`no pgTable("${table}") in this file`);
  if (!site.columns) throw new CannotApply(`the columns of pgTable("${table}") are not an object literal here`);
  const col = columnSite(site, column);
  if (!col) {
    const spread = site.columns.properties.some((p) => !is<ObjectProperty>(p, 'ObjectProperty'));
    throw new CannotApply(
      spread
        ? `${what} is not written in pgTable("${table}") itself (a spread helper may declare it); change its type by hand`
        : `table ${table} has no column ${column} written in its pgTable(…) here`,
    );
  }
  const { root, calls } = col.chain;
  const q = nameQuote(parsed, root);
  const spec = builderFor(normalizeType(type), q);
  const enumName = spec ? undefined : enumVariable(parsed, type, optionalString(options, 'enum'), what, 'change the type by hand');
  // Already an enum column of the wanted type: running the fix twice changes nothing.
  if (enumName !== undefined && accessPath(root.callee)?.join('.') === enumName) return file.source;

  const callee = pgCoreCallee(parsed, site, root.callee);
  if (!callee) throw new CannotApply(`${what}: ${parsed.text(root.callee)}(…) is not a pg-core column builder; change its type by hand`);
  if (SERIALS.has(callee.builder)) throw new CannotApply(`${what} is a ${callee.builder}; its type comes with its sequence`);
  const args = builderArgs(root);
  if (!args) throw new CannotApply(`${what}: the arguments of ${parsed.text(root.callee)}(…) are not a name and an object literal; change its type by hand`);
  const isArray = calls.some((c) => c.name === 'array');
  if (isArray !== (spec?.array ?? type.trim().endsWith('[]'))) {
    throw new CannotApply(`${what}: a change to or from an array type is not made by this fix; change it by hand`);
  }
  const current = declaredType(callee.builder, args.config);
  if (current !== undefined && normalizeType(`${current}${isArray ? '[]' : ''}`) === normalizeType(type)) return file.source;

  const newBuilder = spec?.builder;
  const oldMode = modeOf(args.config);
  const wanted = (spec?.config ?? []).map(splitProperty);
  const wantedMode = wanted.find(([k]) => k === 'mode')?.[1];
  const newMode = newBuilder === callee.builder ? oldMode : wantedMode !== undefined ? wantedMode.slice(1, -1) : keptMode(newBuilder, oldMode);
  const valueCalls = calls.filter((c) => VALUE_CALLS.has(c.name));
  if (valueCalls.length > 0 && (!newBuilder || valueKind(callee.builder, oldMode) !== valueKind(newBuilder, newMode))) {
    throw new CannotApply(`${what}: its .${valueCalls[0]!.name}(…) is written for ${callee.builder}(…) and may not fit ${type}; change the type by hand`);
  }
  const identity = calls.find((c) => c.name.startsWith('generated') && c.name.endsWith('Identity'));
  if (identity && !(newBuilder && IDENTITY_BUILDERS.has(newBuilder))) {
    throw new CannotApply(`${what}: .${identity.name}() needs an integer builder; change the type by hand`);
  }

  const edits: Edit[] = [];
  let importAfter: string | undefined;
  if (newBuilder !== callee.builder) {
    let text: string;
    if (enumName !== undefined) text = enumName;
    else if (callee.prefix !== undefined) text = `${callee.prefix}.${newBuilder}`;
    else {
      const local = localImportName(parsed, PG_CORE, newBuilder!);
      if (local) text = local;
      else {
        if (topLevelNames(parsed).has(newBuilder!)) throw new CannotApply(`${what}: \`${newBuilder}\` here is not pg-core's builder; change the type by hand`);
        text = newBuilder!;
        importAfter = newBuilder;
      }
    }
    edits.push({ start: parsed.start(root.callee), end: parsed.end(root.callee), text });
    if (callee.local !== undefined) {
      const stale = unusedImport(parsed, callee.local, { start: parsed.start(root.callee), end: parsed.end(root.callee) });
      if (stale) edits.push(...removeImport(parsed, stale));
    }
  }
  edits.push(...configEdits(parsed, root, args, callee.builder, newBuilder, wanted, what));
  const text = applyEdits(file.source, edits);
  if (importAfter === undefined) return text;
  // Worked out on the edited text: the old builder's import may just have gone from the same declaration.
  const again = parseSource({ path: file.path, source: text }, api);
  return applyEdits(text, addNamedImport(again, PG_CORE, importAfter));
}

/** The old `mode:` when the new builder accepts it too. */
function keptMode(builder: string | undefined, mode: string | undefined): string | undefined {
  return builder && mode !== undefined && acceptsMode(builder, mode) ? mode : undefined;
}

/**
 * The config object the new type needs, from the old one: type properties replaced by the new ones, `mode`
 * and `enum` kept where the new builder takes them, anything else kept only when the builder stays.
 */
function configEdits(
  parsed: ParsedSource,
  root: CallExpression,
  args: { name?: Node; config?: ObjectExpression },
  oldBuilder: string,
  newBuilder: string | undefined,
  wanted: [string, string][],
  what: string,
): Edit[] {
  const sameBuilder = oldBuilder === newBuilder;
  const props = args.config?.properties ?? [];
  const wantedKeys = new Map(wanted);
  const final: { key: string; text: string; prop?: Node }[] = [];
  for (const prop of props) {
    const key = is<ObjectProperty>(prop, 'ObjectProperty') ? propertyName(prop) : undefined;
    if (key === undefined) throw new CannotApply(`${what}: the options of ${oldBuilder}(…) are not plain properties; change the type by hand`);
    const value = valueText(parsed, prop);
    if (TYPE_KEYS.has(key) || (key === 'mode' && !sameBuilder)) {
      const want = wantedKeys.get(key);
      const keep = key === 'mode' && want === undefined && newBuilder !== undefined && acceptsMode(newBuilder, stringValue((prop as ObjectProperty).value) ?? '');
      if (want !== undefined) final.push({ key, text: want === value ? parsed.text(prop) : `${parsed.text((prop as ObjectProperty).key)}: ${want}`, prop });
      else if (keep) final.push({ key, text: parsed.text(prop), prop });
      wantedKeys.delete(key);
      continue;
    }
    if (key === 'mode') wantedKeys.delete(key);
    if (!sameBuilder && !(key === 'enum' && newBuilder && TEXT_BUILDERS.has(newBuilder))) {
      throw new CannotApply(`${what}: the option ${key} of ${oldBuilder}(…) may not fit ${newBuilder ?? 'an enum'}(…); change the type by hand`);
    }
    final.push({ key, text: parsed.text(prop), prop });
  }
  for (const [key, value] of wantedKeys) final.push({ key, text: `${key}: ${value}` });

  const unchanged = final.length === props.length && final.every((f, i) => f.prop === props[i] && f.text === parsed.text(props[i]!));
  if (unchanged) return [];
  const config = args.config;
  if (!config) {
    const object = `{ ${final.map((f) => f.text).join(', ')} }`;
    if (args.name) return insertArgumentAfter(parsed, args.name, object);
    const close = parsed.end(root) - 1;
    return [{ start: close, end: close, text: object }];
  }
  if (final.length === 0) {
    if (args.name) return removeArgument(parsed, root.arguments, 1);
    return [{ start: parsed.start(root.arguments[0]!), end: parsed.end(root.arguments[0]!), text: '' }];
  }
  if (!spansLines(parsed.source, parsed.start(config), parsed.end(config))) {
    return [{ start: parsed.start(config), end: parsed.end(config), text: `{ ${final.map((f) => f.text).join(', ')} }` }];
  }
  // Written one property per line: only values change in place, so comments and layout stay.
  const sameKeys = final.length === props.length && final.every((f, i) => f.prop === props[i]);
  if (!sameKeys) throw new CannotApply(`${what}: the options of ${oldBuilder}(…) are written across lines; change the type by hand`);
  return final
    .filter((f, i) => f.text !== parsed.text(props[i]!))
    .map((f) => {
      const value = (f.prop as ObjectProperty).value;
      return { start: parsed.start(value), end: parsed.end(value), text: splitProperty(f.text)[1] };
    });
}

/** The column by its name argument or key, or (under `casing: "snake_case"`) by the camelCase key of an unnamed builder. */
function columnSite(site: TableSite, name: string): ColumnSite | undefined {
  const found = findColumn(site, name);
  if (found) return found;
  const camel = name.replace(/_+([a-zA-Z0-9])/g, (_, c: string) => c.toUpperCase());
  for (const prop of site.columns?.properties ?? []) {
    const chain = is<ObjectProperty>(prop, 'ObjectProperty') ? flattenChain(prop.value) : undefined;
    const key = propertyName(prop);
    if (chain && key === camel && chain.root.arguments.every((a) => stringValue(a) === undefined)) {
      return { key, name, prop: prop as ObjectProperty, chain };
    }
  }
  return undefined;
}

/** The builder a callee names: a named pg-core import (renamed or not), `pg.x` under a namespace, or `t.x` in a callback. */
function pgCoreCallee(parsed: ParsedSource, site: TableSite, node: Node): Callee | undefined {
  const path = accessPath(node);
  if (!path) return undefined;
  if (path.length === 2) {
    const fn = site.call.arguments[1] && unwrap(site.call.arguments[1]);
    const param = isFunction(fn) && is<Identifier>(fn.params[0], 'Identifier') ? fn.params[0].name : undefined;
    const namespace = parsed.program.body.some(
      (s) =>
        is<ImportDeclaration>(s, 'ImportDeclaration') &&
        s.source.value === PG_CORE &&
        s.specifiers.some((sp) => sp.type === 'ImportNamespaceSpecifier' && (sp as Node & { local: Identifier }).local.name === path[0]),
    );
    return path[0] === param || namespace ? { builder: path[1]!, prefix: path[0]! } : undefined;
  }
  if (path.length !== 1) return undefined;
  for (const decl of parsed.program.body) {
    if (!is<ImportDeclaration>(decl, 'ImportDeclaration') || decl.source.value !== PG_CORE || decl.importKind === 'type') continue;
    for (const spec of decl.specifiers) {
      if (!is<ImportSpecifier>(spec, 'ImportSpecifier') || spec.local.name !== path[0]) continue;
      const imported = is<Identifier>(spec.imported, 'Identifier') ? spec.imported.name : stringValue(spec.imported);
      return imported ? { builder: imported, local: spec.local.name } : undefined;
    }
  }
  return undefined;
}

/** The quote of the column's name argument, else of the file. */
function nameQuote(parsed: ParsedSource, root: CallExpression): '"' | "'" {
  const first = root.arguments[0];
  return is<StringLiteral>(first, 'StringLiteral') ? (parsed.source[parsed.start(first)] as '"' | "'") : quoteStyle(parsed);
}

