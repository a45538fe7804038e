// The catalog queries introspection runs: one per kind of fact, each covering every table at once, so the
// number of round trips does not grow with the schema. Every value that is not text, boolean, text[] or
// json is cast to one of those, because pg and PGlite parse other types (oid, "char", int2vector)
// differently; json both hand to JSON.parse.

/** PostgreSQL 12 brought pg_attribute.attgenerated and pg_constraint.conparentid, which the queries use. */
export const MIN_SERVER_VERSION = 120000;
/** `UNIQUE NULLS NOT DISTINCT` (pg_index.indnullsnotdistinct) exists from PostgreSQL 15. */
const NULLS_NOT_DISTINCT_VERSION = 150000;

/**
 * Settles the transaction's settings and reads the server version in one round trip. format_type() and
 * pg_get_expr() qualify names that are not on the search path, so the path decides whether an enum prints
 * as `mood` or `public.mood`; pinning it makes the output the same whatever the connection's (or a
 * replayed pg_dump's) setting: `public` objects bare, everything else qualified. $1: statement_timeout in
 * milliseconds (text).
 */
export const SETUP_SQL = `
SELECT pg_catalog.set_config('statement_timeout', $1, true) AS statement_timeout,
  pg_catalog.set_config('search_path', 'public', true) AS search_path,
  pg_catalog.current_setting('server_version_num')::int AS version`;

export interface SetupRow {
  version: number;
}

// Bookkeeping of migration tools, not part of anyone's schema.
const SKIPPED_TABLES = ['__drizzle_migrations', 'alembic_version'];

/** `n` is a namespace the application owns: not a system one, not drizzle-kit's own. $1: schemas to keep
 * (text[]), or null for all. */
const APPLICATION_SCHEMA = `n.nspname NOT IN ('pg_catalog', 'information_schema', 'drizzle')
  AND n.nspname NOT LIKE 'pg\\_toast%'
  AND n.nspname NOT LIKE 'pg\\_temp\\_%'
  AND ($1::text[] IS NULL OR n.nspname = ANY ($1::text[]))`;

/** The object (`classid`, `oid`) does not belong to an extension (PostGIS's spatial_ref_sys, its types). */
function notFromExtension(classid: string, oid: string): string {
  return `NOT EXISTS (
    SELECT 1 FROM pg_catalog.pg_depend d
    WHERE d.classid = '${classid}'::regclass AND d.objid = ${oid} AND d.deptype = 'e'
  )`;
}

/** A comment on the object, or on one of its columns when `subid` is an attribute number. */
function description(classid: string, oid: string, subid: string): string {
  return `(SELECT ds.description FROM pg_catalog.pg_description ds
    WHERE ds.objoid = ${oid} AND ds.classoid = '${classid}'::regclass AND ds.objsubid = ${subid})`;
}

/**
 * Ordinary and partitioned tables the application owns. Partitions are left out (they repeat their
 * parent). Policy names come unsorted: they are sorted in code, in an order that does not depend on the
 * server's collation. $1: schemas to keep (text[]), or null for all.
 */
export const TABLES_SQL = `
SELECT c.oid::text AS oid, n.nspname::text AS schema, c.relname::text AS name,
  c.relkind = 'p' AS partitioned,
  c.relrowsecurity AS rls_enabled,
  ARRAY(SELECT p.polname::text FROM pg_catalog.pg_policy p WHERE p.polrelid = c.oid) AS policies,
  ${description('pg_catalog.pg_class', 'c.oid', '0')} AS comment
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p')
  AND NOT c.relispartition
  AND ${APPLICATION_SCHEMA}
  AND c.relname NOT IN (${SKIPPED_TABLES.map((t) => `'${t}'`).join(', ')})
  AND ${notFromExtension('pg_catalog.pg_class', 'c.oid')}`;

export interface TableRow {
  oid: string;
  schema: string;
  name: string;
  partitioned: boolean;
  rls_enabled: boolean;
  policies: string[];
  comment: string | null;
}

/**
 * $1: table oids (text[]). A generated column's expression lives in pg_attrdef too, but is no default.
 * attgenerated is `s` (stored) or, from PostgreSQL 18, `v` (virtual); attidentity `a` (always) or `d`.
 * A default cannot name a column, so it is printed without its table (relid 0), the same text at less
 * than half the cost: given a table, pg_get_expr builds a naming context for it on every call (3,000
 * defaults on a fresh connection: 230-290 ms, 100-130 ms without). A generated expression names columns,
 * so it is printed with its table.
 */
export const COLUMNS_SQL = `
SELECT a.attrelid::text AS table_oid,
  a.attnum::int AS num,
  a.attname::text AS name,
  pg_catalog.format_type(a.atttypid, a.atttypmod) AS type,
  NOT a.attnotnull AS nullable,
  CASE WHEN a.attgenerated = '' THEN pg_catalog.pg_get_expr(d.adbin, 0) END AS default_sql,
  CASE WHEN a.attgenerated <> '' THEN pg_catalog.pg_get_expr(d.adbin, d.adrelid) END AS generated_sql,
  a.attidentity::text AS identity,
  ${description('pg_catalog.pg_class', 'a.attrelid', 'a.attnum')} AS comment
FROM pg_catalog.pg_attribute a
LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
WHERE a.attrelid = ANY ($1::text[]::oid[]) AND a.attnum > 0 AND NOT a.attisdropped
ORDER BY a.attrelid, a.attnum`;

export interface ColumnRow {
  table_oid: string;
  num: number;
  name: string;
  type: string;
  nullable: boolean;
  default_sql: string | null;
  generated_sql: string | null;
  identity: '' | 'a' | 'd';
  comment: string | null;
}

/** Attribute numbers of `rel` in `keys` turned into names, keeping the array's order. Each name is a
 * scalar subquery, so it is one probe of pg_attribute's (attrelid, attnum) index, not a read of every
 * attribute of the table. */
function attnames(keys: string, rel: string): string {
  return `ARRAY(
    SELECT (SELECT a.attname::text FROM pg_catalog.pg_attribute a WHERE a.attrelid = ${rel} AND a.attnum = k.attnum)
    FROM unnest(${keys}) WITH ORDINALITY AS k (attnum, ord)
    ORDER BY k.ord)`;
}

/**
 * Primary keys, foreign keys, unique, check and exclusion constraints. Their own columns come as attribute
 * numbers, named from the columns already read; a foreign key's target columns are named here, since the
 * target may be a table that is not read. Constraints with a parent are the copies PostgreSQL makes for
 * partitions (including, on the referencing table, one per partition of a partitioned target), so only the
 * declared one is kept. A check's condition is pg_get_expr of it, which is pg_get_constraintdef without the
 * `CHECK (…)` around it. $1: table oids (text[]).
 */
export function constraintsSql(serverVersion: number): string {
  const nullsNotDistinct = serverVersion >= NULLS_NOT_DISTINCT_VERSION ? 'COALESCE(ix.indnullsnotdistinct, false)' : 'false';
  return `
SELECT con.conrelid::text AS table_oid,
  con.conname::text AS name,
  con.contype::text AS kind,
  con.conkey::int[] AS column_nums,
  fn.nspname::text AS target_schema,
  fc.relname::text AS target_table,
  ${attnames('con.confkey', 'con.confrelid')} AS target_columns,
  con.confdeltype::text AS on_delete,
  con.confupdtype::text AS on_update,
  con.confmatchtype::text AS match,
  con.condeferrable AS deferrable,
  con.condeferred AS deferred,
  ${nullsNotDistinct} AS nulls_not_distinct,
  CASE WHEN con.contype = 'c' THEN pg_catalog.pg_get_expr(con.conbin, con.conrelid) END AS check_sql
FROM pg_catalog.pg_constraint con
LEFT JOIN pg_catalog.pg_class fc ON fc.oid = con.confrelid
LEFT JOIN pg_catalog.pg_namespace fn ON fn.oid = fc.relnamespace
LEFT JOIN pg_catalog.pg_index ix ON ix.indexrelid = con.conindid AND con.contype = 'u'
WHERE con.conrelid = ANY ($1::text[]::oid[])
  AND con.contype IN ('p', 'f', 'u', 'c', 'x')
  AND con.conparentid = 0`;
}

export interface ConstraintRow {
  table_oid: string;
  name: string;
  kind: 'p' | 'f' | 'u' | 'c' | 'x';
  /** Attribute numbers of the constrained table's columns. */
  column_nums: number[];
  target_schema: string | null;
  target_table: string | null;
  target_columns: string[];
  on_delete: string;
  on_update: string;
  /** `s` simple, `f` full, `p` partial (FKs; a space otherwise). */
  match: string;
  deferrable: boolean;
  deferred: boolean;
  nulls_not_distinct: boolean;
  check_sql: string | null;
}

/**
 * Indexes that no constraint of their own table stands for (a foreign key's conindid is the index on the
 * *referenced* table, so it does not count), one row per key part, in order; INCLUDE columns are not key
 * parts. A part is a column (its attnum, named from the columns already read) or, for attnum 0, an
 * expression as pg_get_indexdef prints that one column; its indoption bits say DESC (1) and NULLS FIRST (2);
 * its operator class is given when not its type's default. Parts are rows rather than an aggregate per
 * index so that pg_opclass is joined once, not searched once per part. $1: table oids (text[]).
 */
export const INDEXES_SQL = `
SELECT ix.indexrelid::text AS oid,
  ix.indrelid::text AS table_oid,
  ic.relname::text AS name,
  ix.indisunique AS is_unique,
  am.amname::text AS method,
  CASE WHEN k.ord = 1 THEN pg_catalog.pg_get_expr(ix.indpred, ix.indrelid) END AS predicate,
  k.attnum::int AS part_attnum,
  CASE WHEN k.attnum = 0 THEN pg_catalog.pg_get_indexdef(ix.indexrelid, k.ord::int, false) END AS part_expression,
  k.option::int AS part_option,
  CASE WHEN NOT opc.opcdefault THEN
    CASE WHEN opcn.nspname IN ('pg_catalog', 'public') THEN '' ELSE quote_ident(opcn.nspname) || '.' END || quote_ident(opc.opcname)
  END AS part_opclass
FROM pg_catalog.pg_index ix
JOIN pg_catalog.pg_class ic ON ic.oid = ix.indexrelid
JOIN pg_catalog.pg_am am ON am.oid = ic.relam
-- indclass and indoption cover the key parts only, which come first in indkey.
CROSS JOIN LATERAL unnest(ix.indkey::int2[], ix.indclass::oid[], ix.indoption::int2[])
  WITH ORDINALITY AS k (attnum, opclass, option, ord)
JOIN pg_catalog.pg_opclass opc ON opc.oid = k.opclass
JOIN pg_catalog.pg_namespace opcn ON opcn.oid = opc.opcnamespace
WHERE ix.indrelid = ANY ($1::text[]::oid[])
  AND k.ord <= ix.indnkeyatts
  AND NOT EXISTS (
    SELECT 1 FROM pg_catalog.pg_constraint con
    WHERE con.conrelid = ix.indrelid AND con.conindid = ix.indexrelid AND con.contype IN ('p', 'u', 'x')
  )
ORDER BY ix.indexrelid, k.ord`;

export interface IndexPartRow {
  oid: string;
  table_oid: string;
  name: string;
  is_unique: boolean;
  method: string;
  /** On the first part's row only. */
  predicate: string | null;
  /** 0 for an expression. */
  part_attnum: number;
  part_expression: string | null;
  part_option: number;
  part_opclass: string | null;
}

/** Enum types with their labels in declared order. $1: schemas to keep (text[]), or null for all. */
export const ENUMS_SQL = `
SELECT n.nspname::text AS schema, t.typname::text AS name,
  ARRAY(SELECT e.enumlabel::text FROM pg_catalog.pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder) AS values
FROM pg_catalog.pg_type t
JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
WHERE t.typtype = 'e'
  AND ${APPLICATION_SCHEMA}
  AND ${notFromExtension('pg_catalog.pg_type', 't.oid')}`;

export interface EnumRow {
  schema: string;
  name: string;
  values: string[];
}

/**
 * Sequences that stand on their own: not OWNED BY a column (a serial's, an auto dependency) nor an
 * identity column's (an internal one). $1: schemas to keep (text[]), or null for all.
 */
export const SEQUENCES_SQL = `
SELECT n.nspname::text AS schema, c.relname::text AS name
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind = 'S'
  AND ${APPLICATION_SCHEMA}
  AND NOT EXISTS (
    SELECT 1 FROM pg_catalog.pg_depend d
    WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid
      AND (d.deptype = 'e' OR (d.refclassid = 'pg_catalog.pg_class'::regclass AND d.deptype IN ('a', 'i')))
  )`;

export interface SequenceRow {
  schema: string;
  name: string;
}
