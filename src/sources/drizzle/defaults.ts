import type { ts } from 'ts-morph';
import { unwrap } from './chain.ts';
import { literalValue, propertyKey, quoteSqlString } from './literals.ts';
import { nodeText } from './node-text.ts';
import { sqlTemplateText } from './sql-template.ts';
import { isArrayLiteralExpression, isObjectLiteralExpression, isPropertyAssignment } from './syntax-guards.ts';

// The contract for `.default(…)`: the default is recorded as PostgreSQL prints it back from the catalog
// (`pg_get_expr(adbin)`) wherever the reader can know that statically, and otherwise as drizzle-kit writes
// it, leaving spelling differences that mean the same (`'x'` vs `'x'::text`, `CURRENT_TIMESTAMP` vs `now()`)
// to the compare stage's normalization:
//   .default("x")          text, varchar, enum …     'x'            (PostgreSQL: 'x'::text)
//   .default("9.99")       numeric family            9.99           (PostgreSQL folds the string into a number)
//   .default("-1")         numeric family            '-1'::numeric  (negative constants keep their cast)
//   .default(-1)           any                       -1             (PostgreSQL: '-1'::integer)
//   .default(true)                                   true
//   .default({ a: 1 })     jsonb                     '{"a": 1}'::jsonb  (jsonb's own text: sorted keys, spaced)
//   .default({ a: 1 })     json                      '{"a":1}'::json    (json keeps the text drizzle-kit writes)
//   .default(sql`now()`)                            now()          (the template text, trimmed)
//   .defaultNow() / .defaultRandom()                now() / gen_random_uuid()

const NUMERIC_BUILDERS: Record<string, string> = {
  integer: 'integer',
  smallint: 'smallint',
  bigint: 'bigint',
  serial: 'integer',
  smallserial: 'smallint',
  bigserial: 'bigint',
  real: 'real',
  doublePrecision: 'double precision',
  numeric: 'numeric',
  decimal: 'numeric',
};

/** The SQL of a default; `null` for `.default(null)` (no default), undefined when it cannot be read. */
export function defaultSql(arg: ts.Node, builder: string | undefined, sf: ts.SourceFile): string | null | undefined {
  const node = unwrap(arg);
  const value = literalValue(node);
  if (value === null) return null;
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return nodeText(node, sf).replaceAll('_', '').replace(/^-\s+/, '-');
  if (typeof value === 'string') return stringDefault(value, builder);
  const sql = sqlTemplateText(node, sf);
  if (sql !== undefined) return sql;
  if (builder === 'json' || builder === 'jsonb') {
    const json = jsonValue(node, sf);
    if (json === undefined) return undefined;
    const text = builder === 'jsonb' ? jsonbText(json) : JSON.stringify(json);
    return `${quoteSqlString(text)}::${builder}`;
  }
  return undefined;
}

function stringDefault(value: string, builder: string | undefined): string {
  const numeric = builder === undefined ? undefined : NUMERIC_BUILDERS[builder];
  if (numeric && /^-?\d+(\.\d+)?$/.test(value)) return value.startsWith('-') ? `'${value}'::${numeric}` : value;
  if (builder === 'json' || builder === 'jsonb') return `${quoteSqlString(value)}::${builder}`;
  return quoteSqlString(value);
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** A JSON value written as nested object/array literals of literals; undefined if any part is not one. */
function jsonValue(node: ts.Node, sf: ts.SourceFile): Json | undefined {
  const expr = unwrap(node);
  const literal = literalValue(expr);
  if (literal !== undefined) return literal;
  if (isArrayLiteralExpression(expr)) {
    const items = expr.elements.map((e) => jsonValue(e, sf));
    return items.every((i) => i !== undefined) ? (items as Json[]) : undefined;
  }
  if (isObjectLiteralExpression(expr)) {
    const out: { [key: string]: Json } = {};
    for (const prop of expr.properties) {
      const key = propertyKey(prop, sf);
      if (key === undefined || !isPropertyAssignment(prop)) return undefined;
      const value = jsonValue(prop.initializer, sf);
      if (value === undefined) return undefined;
      out[key] = value;
    }
    return out;
  }
  return undefined;
}

/** jsonb's output format: `", "` and `": "` separators, object keys shortest first, then bytewise. */
function jsonbText(value: Json): string {
  if (Array.isArray(value)) return `[${value.map(jsonbText).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort((a, b) => byteLength(a) - byteLength(b) || compareBytes(a, b));
    return `{${keys.map((k) => `${JSON.stringify(k)}: ${jsonbText(value[k]!)}`).join(', ')}}`;
  }
  return JSON.stringify(value);
}

function byteLength(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

function compareBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}
