// Spellings of one PostgreSQL type that tools print differently: `int4`/`integer`, `timestamptz(3)`/
// `timestamp(3) with time zone`, `varchar(64)`/`character varying(64)`, `serial`/`integer` (the sequence
// lives in the default, see sql-default.ts). Normalized types compare equal, so these are never findings.

const ALIASES: Record<string, string> = {
  int: 'integer',
  int4: 'integer',
  serial: 'integer',
  serial4: 'integer',
  int2: 'smallint',
  smallserial: 'smallint',
  serial2: 'smallint',
  int8: 'bigint',
  bigserial: 'bigint',
  serial8: 'bigint',
  bool: 'boolean',
  float4: 'real',
  float8: 'double precision',
  float: 'double precision',
  decimal: 'numeric',
  varchar: 'character varying',
  char: 'character',
  bpchar: 'character',
  timestamp: 'timestamp without time zone',
  timestamptz: 'timestamp with time zone',
  time: 'time without time zone',
  timetz: 'time with time zone',
};

/** `timestamp(3) with time zone` and friends: PostgreSQL puts the precision after the type's first word. */
const ZONED = /^(timestamp|time)\s*(\(\s*\d+\s*\))?\s*(with|without) time zone\s*(\(\s*\d+\s*\))?$/;

// A schema spells a few dozen types thousands of times; each spelling is normalized once.
const normalized = new Map<string, string>();

export function normalizeType(sql: string): string {
  let known = normalized.get(sql);
  if (known === undefined) {
    known = normalizeTypeText(sql);
    if (normalized.size < 10_000) normalized.set(sql, known);
  }
  return known;
}

function normalizeTypeText(sql: string): string {
  let text = sql.trim().toLowerCase().replace(/\s+/g, ' ');
  let arrays = '';
  while (text.endsWith('[]')) {
    arrays += '[]';
    text = text.slice(0, -2).trim();
  }
  // `_int4` is the catalog's name for `int4[]`.
  if (text.startsWith('_') && !arrays) {
    text = text.slice(1);
    arrays = '[]';
  }
  text = text.replace(/^pg_catalog\./, '').replace(/\s*\(\s*/g, '(').replace(/\s*,\s*/g, ',').replace(/\s*\)/g, ')');
  const zoned = ZONED.exec(text);
  if (zoned) {
    const precision = zoned[2] ?? zoned[4] ?? '';
    return `${zoned[1]}${precision.replace(/\s/g, '')} ${zoned[3]} time zone${arrays}`;
  }
  const m = /^([a-z_][a-z0-9_ ]*?)(\([^)]*\))?$/.exec(text);
  if (m) {
    const base = ALIASES[m[1]!] ?? m[1]!;
    const args = m[2] ?? '';
    if (base === 'timestamp without time zone' || base === 'timestamp with time zone' || base.startsWith('time ')) {
      const [word, ...zone] = base.split(' ');
      return `${word}${args} ${zone.join(' ')}${arrays}`;
    }
    return `${base}${args}${arrays}`;
  }
  return `${text}${arrays}`;
}
