// A PostgreSQL column default as Drizzle writes it, both ways: the chain call declaring a given SQL default
// (`.default(0)`, `.defaultNow()`, ``.default(sql`…`)``), and the SQL the calls already in a chain declare,
// read the way src/sources/drizzle/defaults.ts reads them, so "already so" means what `check` means by it.

import { normalizeDefault } from '../../src/compare/normalize/sql-default.ts';
import { type Chain, type ChainCall, type Identifier, type Node, type TemplateLiteral, is, unwrap } from './drizzle-ast.ts';
import { quote } from './drizzle-source.ts';

/** The chain calls that declare a database-side default (`$defaultFn` runs in the application). */
export const DEFAULT_CALLS = new Set(['default', 'defaultNow', 'defaultRandom']);

/** Builders whose TypeScript value is a string holding the number (`numeric("price").default("9.99")`). */
const NUMERIC_STRING_BUILDERS = new Set(['numeric', 'decimal']);
/** Builders whose value is a JS number; `bigint` is not one, its mode decides, so it gets ``sql`…` ``. */
const NUMBER_BUILDERS = new Set(['integer', 'smallint', 'serial', 'smallserial', 'real', 'doublePrecision']);
/** Builders the reader reads a numeric string default of as a number, `bigint` and `bigserial` included. */
const NUMERIC_FAMILY = new Set([...NUMBER_BUILDERS, ...NUMERIC_STRING_BUILDERS, 'bigint', 'bigserial']);
const NUMBER = /^-?\d+(\.\d+)?$/;
const QUOTED = /^'((?:[^']|'')*)'$/;

/** What to write after the chain's dot, and whether it needs `sql` in scope. */
export interface DefaultCallText {
  text: string;
  usesSql: boolean;
}

/** A string value as a TypeScript literal in quote `q`, line breaks escaped so it stays on its line. */
function tsString(value: string, q: '"' | "'"): string {
  return quote(value, q).replace(/\r/g, '\\r').replace(/\n/g, '\\n').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** A template literal's raw text for `text`, so that its cooked value is `text` again. */
function templateText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${');
}

/**
 * The call declaring `sql` (as PostgreSQL prints a default) on a column built by `builder`: the dedicated
 * methods for `now()` and (on uuid columns) `gen_random_uuid()`, a literal where the reader turns it back into
 * the same default, else the SQL itself in a ``sql`…` `` template.
 */
export function defaultCallText(sql: string, builder: string | undefined, q: '"' | "'"): DefaultCallText {
  const normalized = normalizeDefault(sql);
  if (normalized === undefined) throw new Error(`${JSON.stringify(sql)} is no default; remove the default instead`);
  if (normalized === 'now()') return { text: 'defaultNow()', usesSql: false };
  if (normalized === 'gen_random_uuid()' && builder === 'uuid') return { text: 'defaultRandom()', usesSql: false };
  if (normalized === 'true' || normalized === 'false') return { text: `default(${normalized})`, usesSql: false };
  if (NUMBER.test(normalized) && builder !== undefined) {
    if (NUMBER_BUILDERS.has(builder)) return { text: `default(${normalized})`, usesSql: false };
    if (NUMERIC_STRING_BUILDERS.has(builder)) return { text: `default(${tsString(normalized, q)})`, usesSql: false };
  }
  const quoted = QUOTED.exec(normalized);
  if (quoted) return { text: `default(${tsString(quoted[1]!.replaceAll("''", "'"), q)})`, usesSql: false };
  return { text: `default(sql\`${templateText(sql.trim())}\`)`, usesSql: true };
}

/** ``default(sql`…`)``: for values no literal says, such as an array column's (a string would not type-check). */
export function sqlDefaultCallText(sql: string): DefaultCallText {
  return { text: `default(sql\`${templateText(sql.trim())}\`)`, usesSql: true };
}

/** `sql\`…\`` without substitutions: its SQL; undefined for anything else. */
function sqlTemplate(node: Node): string | undefined {
  if (node.type !== 'TaggedTemplateExpression') return undefined;
  const { tag, quasi } = node as Node & { tag: Node; quasi: TemplateLiteral };
  if (!is<Identifier>(tag, 'Identifier') || tag.name !== 'sql' || quasi.expressions.length > 0) return undefined;
  return quasi.quasis[0]?.value.cooked?.trim();
}

/** `'x'` as SQL: quotes doubled. */
function sqlString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** The SQL of `.default(arg)`, as the Drizzle reader records it; `null` for `.default(null)`, undefined if unread. */
function argumentSql(arg: Node | undefined, builder: string | undefined): string | null | undefined {
  if (!arg) return undefined;
  const node = unwrap(arg);
  const raw = (node.extra?.raw ?? '').replaceAll('_', '');
  switch (node.type) {
    case 'NullLiteral':
      return null;
    case 'BooleanLiteral':
      return String((node as Node & { value: boolean }).value);
    case 'NumericLiteral':
      return raw || undefined;
    case 'UnaryExpression': {
      const { operator, argument } = node as Node & { operator: string; argument: Node };
      const operand = unwrap(argument);
      return operator === '-' && operand.type === 'NumericLiteral' && operand.extra?.raw ? `-${operand.extra.raw.replaceAll('_', '')}` : undefined;
    }
    case 'StringLiteral':
    case 'TemplateLiteral': {
      const value =
        node.type === 'StringLiteral'
          ? (node as Node & { value: string }).value
          : (node as TemplateLiteral).expressions.length === 0
            ? ((node as TemplateLiteral).quasis[0]?.value.cooked ?? undefined)
            : undefined;
      if (value === undefined) return undefined;
      if (builder && NUMERIC_FAMILY.has(builder) && NUMBER.test(value)) {
        return value.startsWith('-') ? `'${value}'::numeric` : value;
      }
      return sqlString(value);
    }
    default:
      return sqlTemplate(node);
  }
}

/**
 * The default the chain's calls declare, later calls winning as in Drizzle: `none` when they declare none,
 * `unknown` when one of them cannot be read statically.
 */
export function chainDefault(chain: Chain, builder: string | undefined): { kind: 'none' } | { kind: 'unknown' } | { kind: 'sql'; sql: string } {
  let current: { kind: 'none' } | { kind: 'unknown' } | { kind: 'sql'; sql: string } = { kind: 'none' };
  for (const call of defaultCalls(chain)) {
    if (call.name === 'defaultNow') current = { kind: 'sql', sql: 'now()' };
    else if (call.name === 'defaultRandom') current = { kind: 'sql', sql: 'gen_random_uuid()' };
    else {
      const sql = argumentSql(call.call.arguments[0], builder);
      if (sql === undefined) current = { kind: 'unknown' };
      else if (sql !== null) current = { kind: 'sql', sql };
    }
  }
  return current;
}

export function defaultCalls(chain: Chain): ChainCall[] {
  return chain.calls.filter((c) => DEFAULT_CALLS.has(c.name));
}

/** Whether two defaults are the same once spelled the way `check` compares them. */
export function sameDefault(a: string, b: string): boolean {
  return normalizeDefault(a) === normalizeDefault(b);
}

/** Whether `.default(sql`…`)` is this call: its `sql` import may become unused when the call goes. */
export function usesSqlTag(call: ChainCall): boolean {
  const arg = call.call.arguments[0];
  return arg !== undefined && sqlTemplate(unwrap(arg)) !== undefined;
}
