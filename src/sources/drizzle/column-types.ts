import type { Literal } from './literals.ts';

export type BuilderOptions = ReadonlyMap<string, Literal>;

type TypeFn = (opts: BuilderOptions) => string;

const fixed = (sql: string): TypeFn => () => sql;

function withPrecision(base: string, opts: BuilderOptions): string {
  const precision = opts.get('precision');
  const zone = opts.get('withTimezone') === true ? 'with time zone' : 'without time zone';
  return typeof precision === 'number' ? `${base}(${precision}) ${zone}` : `${base} ${zone}`;
}

// format_type() always prints both numeric modifiers: numeric(5) comes back as numeric(5,0).
function numeric(opts: BuilderOptions): string {
  const precision = opts.get('precision');
  if (typeof precision !== 'number') return 'numeric';
  const scale = opts.get('scale');
  return `numeric(${precision},${typeof scale === 'number' ? scale : 0})`;
}

function interval(opts: BuilderOptions): string {
  const fields = opts.get('fields');
  const precision = opts.get('precision');
  let sql = 'interval';
  if (typeof fields === 'string') sql += ` ${fields}`;
  if (typeof precision === 'number') sql += `(${precision})`;
  return sql;
}

function sized(base: string, key: string, fallback?: number): TypeFn {
  return (opts) => {
    const size = opts.get(key) ?? fallback;
    return typeof size === 'number' ? `${base}(${size})` : base;
  };
}

/** Drizzle's pg-core column builders, by exported name, to the type PostgreSQL prints for the column. */
const BUILDERS: Record<string, TypeFn> = {
  text: fixed('text'),
  varchar: sized('character varying', 'length'),
  char: sized('character', 'length', 1),
  integer: fixed('integer'),
  smallint: fixed('smallint'),
  bigint: fixed('bigint'),
  serial: fixed('integer'),
  smallserial: fixed('smallint'),
  bigserial: fixed('bigint'),
  boolean: fixed('boolean'),
  real: fixed('real'),
  doublePrecision: fixed('double precision'),
  numeric,
  decimal: numeric,
  date: fixed('date'),
  time: (opts) => withPrecision('time', opts),
  timestamp: (opts) => withPrecision('timestamp', opts),
  interval,
  json: fixed('json'),
  jsonb: fixed('jsonb'),
  uuid: fixed('uuid'),
  inet: fixed('inet'),
  cidr: fixed('cidr'),
  macaddr: fixed('macaddr'),
  macaddr8: fixed('macaddr8'),
  bytea: fixed('bytea'),
  point: fixed('point'),
  line: fixed('line'),
  vector: sized('vector', 'dimensions'),
};

/** Options each builder's type depends on; a non-literal value for one of them makes the type unknown. */
const TYPE_OPTIONS: Record<string, string[]> = {
  varchar: ['length'],
  char: ['length'],
  numeric: ['precision', 'scale'],
  decimal: ['precision', 'scale'],
  time: ['precision', 'withTimezone'],
  timestamp: ['precision', 'withTimezone'],
  interval: ['fields', 'precision'],
  vector: ['dimensions'],
};

export function isColumnBuilder(name: string): boolean {
  return Object.hasOwn(BUILDERS, name);
}

export function typeOptionNames(builder: string): string[] {
  return TYPE_OPTIONS[builder] ?? [];
}

export function columnSqlType(builder: string, opts: BuilderOptions): string | undefined {
  return Object.hasOwn(BUILDERS, builder) ? BUILDERS[builder]!(opts) : undefined;
}

/** Serial columns get an owned sequence named the way PostgreSQL names it, and are NOT NULL. */
export const SERIAL_BUILDERS = new Set(['serial', 'smallserial', 'bigserial']);
