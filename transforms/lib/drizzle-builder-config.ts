// A pg-core builder call's config object (`varchar("x", { length: 64, enum: [...] })`) as a type change sees
// it: which properties say the type, which only the application sees, and what a new builder may keep.

import { columnSqlType } from '../../src/sources/drizzle/column-types.ts';
import { type CallExpression, type Node, type ObjectExpression, is, propertyName, stringValue, unwrap } from './drizzle-ast.ts';
import type { ParsedSource } from './drizzle-source.ts';

/** Properties that decide the SQL type, as src/sources/drizzle/column-types.ts reads them. */
export const TYPE_KEYS = new Set(['length', 'precision', 'scale', 'withTimezone', 'fields', 'dimensions']);

/** Builders whose `enum: [...]` option narrows a string column; any of them can take it over. */
export const TEXT_BUILDERS = new Set(['text', 'varchar', 'char']);

/** The `mode` values each builder accepts; a builder not listed takes none. */
const MODES: Record<string, string[]> = {
  bigint: ['number', 'bigint'],
  numeric: ['string', 'number', 'bigint'],
  decimal: ['string', 'number', 'bigint'],
  timestamp: ['date', 'string'],
  date: ['date', 'string'],
  interval: [],
  json: [],
};

export function acceptsMode(builder: string, mode: string): boolean {
  return MODES[builder]?.includes(mode) ?? false;
}

/** The builder's name and config arguments: `("x", { … })`, `({ … })`, `("x")` or `()`. */
export interface BuilderArgs {
  name?: Node;
  config?: ObjectExpression;
}

/** undefined when the arguments are in a form a type change cannot rewrite (`varchar("x", opts)`). */
export function builderArgs(root: CallExpression): BuilderArgs | undefined {
  const [first, second, ...rest] = root.arguments;
  const name = first && stringValue(first) !== undefined ? first : undefined;
  const configArg = name ? second : first;
  if (rest.length > 0 || (name === undefined && second !== undefined)) return undefined;
  const config = configArg && unwrap(configArg);
  if (config && !is<ObjectExpression>(config, 'ObjectExpression')) return undefined;
  return { ...(name && { name }), ...(config && { config }) };
}

/** A property's value as a literal the reader understands: number, boolean or string. */
function literal(node: Node): string | number | boolean | undefined {
  const n = unwrap(node);
  if (n.type === 'NumericLiteral') return (n as Node & { value: number }).value;
  if (n.type === 'BooleanLiteral') return (n as Node & { value: boolean }).value;
  return stringValue(n);
}

/** What the builder declares with this config, the way the Drizzle reader reads it; undefined if unread. */
export function declaredType(builder: string, config: ObjectExpression | undefined): string | undefined {
  const opts = new Map<string, string | number | boolean>();
  for (const prop of config?.properties ?? []) {
    const key = propertyName(prop);
    if (key === undefined) return undefined;
    const value = literal((prop as Node & { value: Node }).value);
    if (value === undefined) {
      if (TYPE_KEYS.has(key)) return undefined;
      continue;
    }
    opts.set(key, value);
  }
  return columnSqlType(builder, opts);
}

/** `mode: "bigint"` → `bigint`, when the config says so with a literal. */
export function modeOf(config: ObjectExpression | undefined): string | undefined {
  const prop = config?.properties.find((p) => propertyName(p) === 'mode');
  return prop ? stringValue((prop as Node & { value: Node }).value) : undefined;
}

/**
 * What JavaScript value a column built so holds: defaults, `$defaultFn` and `$onUpdate` are typed by it, so
 * a type change that changes it would leave them invalid.
 */
export function valueKind(builder: string, mode: string | undefined): string {
  if (TEXT_BUILDERS.has(builder)) return 'string';
  if (['integer', 'smallint', 'real', 'doublePrecision'].includes(builder)) return 'number';
  if (builder === 'bigint') return mode === 'bigint' ? 'bigint' : 'number';
  if (builder === 'numeric' || builder === 'decimal') return mode === 'number' || mode === 'bigint' ? mode : 'decimal string';
  if (builder === 'timestamp') return mode === 'string' ? 'timestamp string' : 'Date';
  if (builder === 'date') return mode === 'date' ? 'Date' : 'date string';
  if (builder === 'json' || builder === 'jsonb') return 'json';
  return builder;
}

/** `length: 64` → [`length`, `64`]. */
export function splitProperty(text: string): [string, string] {
  const colon = text.indexOf(':');
  return [text.slice(0, colon).trim(), text.slice(colon + 1).trim()];
}

/** The property's value as written. */
export function valueText(parsed: ParsedSource, prop: Node): string {
  return parsed.text((prop as Node & { value: Node }).value);
}
