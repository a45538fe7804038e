// The pg-core column builder that declares a PostgreSQL type, as src/sources/drizzle/column-types.ts reads
// builders back: `character varying(64)` → `varchar({ length: 64 })`, `timestamp with time zone` →
// `timestamp({ withTimezone: true })`. Enum types are not here: they need the file's own pgEnum variable.

import { CannotApply } from './cannot-apply.ts';
import { quote } from './drizzle-source.ts';

export interface BuilderSpec {
  /** The pg-core export: `varchar`, `timestamp`. */
  builder: string;
  /** The config object's properties, written after the name argument: `length: 64`. */
  config: string[];
  /** `text[]`: the builder for the element type, then `.array()`. */
  array: boolean;
}

/** Types whose builder takes no options; the key is what `format_type()` prints. */
const FIXED: Record<string, string> = {
  text: 'text',
  integer: 'integer',
  smallint: 'smallint',
  boolean: 'boolean',
  real: 'real',
  'double precision': 'doublePrecision',
  date: 'date',
  json: 'json',
  jsonb: 'jsonb',
  uuid: 'uuid',
  inet: 'inet',
  cidr: 'cidr',
  macaddr: 'macaddr',
  macaddr8: 'macaddr8',
  point: 'point',
  line: 'line',
};

function elementSpec(sql: string, q: '"' | "'"): Omit<BuilderSpec, 'array'> | undefined {
  const fixed = FIXED[sql];
  if (fixed) return { builder: fixed, config: [] };
  // bigint's config is not optional in Drizzle's types; "number" is what drizzle-kit pull writes too.
  if (sql === 'bigint') return { builder: 'bigint', config: [`mode: ${quote('number', q)}`] };
  let m = /^character varying(?:\((\d+)\))?$/.exec(sql);
  if (m) return { builder: 'varchar', config: m[1] ? [`length: ${m[1]}`] : [] };
  m = /^character\((\d+)\)$/.exec(sql);
  if (m) return { builder: 'char', config: [`length: ${m[1]}`] };
  m = /^numeric(?:\((\d+),(\d+)\))?$/.exec(sql);
  if (m) return { builder: 'numeric', config: m[1] ? [`precision: ${m[1]}`, `scale: ${m[2]}`] : [] };
  m = /^(timestamp|time)(?:\((\d+)\))? (with|without) time zone$/.exec(sql);
  if (m) {
    const config = [...(m[2] ? [`precision: ${m[2]}`] : []), ...(m[3] === 'with' ? ['withTimezone: true'] : [])];
    return { builder: m[1]!, config };
  }
  m = /^interval(?: ([a-z ]+?))?(?:\((\d+)\))?$/.exec(sql);
  if (m) return { builder: 'interval', config: [...(m[1] ? [`fields: ${quote(m[1], q)}`] : []), ...(m[2] ? [`precision: ${m[2]}`] : [])] };
  m = /^vector\((\d+)\)$/.exec(sql);
  if (m) return { builder: 'vector', config: [`dimensions: ${m[1]}`] };
  return undefined;
}

/** The builder for `sql`, or undefined when it is no built-in type (an enum, a domain, an extension's type). */
export function builderFor(sql: string, q: '"' | "'"): BuilderSpec | undefined {
  const array = sql.endsWith('[]');
  const element = array ? sql.slice(0, -2) : sql;
  if (element.endsWith('[]')) throw new CannotApply(`${sql} has more than one dimension; declare it by hand`);
  const spec = elementSpec(element, q);
  return spec && { ...spec, array };
}
