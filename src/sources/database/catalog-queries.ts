// The catalog queries introspection runs: one per kind of fact, each covering every table at once, so the
// number of round trips does not grow with the schema. Every value that is not text, boolean or text[] is
// cast to one of those, because pg and PGlite parse other types (oid, "char", int2vector) differently.

/** PostgreSQL 12 brought pg_attribute.attgenerated and pg_constraint.conparentid, which the queries use. */
export const MIN_SERVER_VERSION = 120000;
/** `UNIQUE NULLS NOT DISTINCT` (pg_index.indnullsnotdistinct) exists from PostgreSQL 15. */
const NULLS_NOT_DISTINCT_VERSION = 150000;

export const SERVER_VERSION_SQL = `SELECT current_setting('server_version_num')::int AS version`;

// Bookkeeping of migration tools, not part of anyone's schema.
const SKIPPED_TABLES = ['__drizzle_migrations', 'alembic_version'];

/**
 * Ordinary and partitioned tables outside the system schemas and drizzle-kit's own schema. Partitions are
 * left out (they repeat their parent), and so are tables an extension created (PostGIS's spatial_ref_sys),
 * which the application does not declare. $1: schemas to keep (text[]), or null for all.
 */
export const TABLES_SQL = `
SELECT c.oid::text AS oid, n.nspname::text AS schema, c.relname::text AS name
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p')
  AND NOT c.relispartition
  AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'drizzle')
  AND n.nspname NOT LIKE 'pg\\_toast%'
  AND n.nspname NOT LIKE 'pg\\_temp\\_%'
  AND c.relname NOT IN (${SKIPPED_TABLES.map((t) => `'${t}'`).join(', ')})
  AND ($1::text[] IS NULL OR n.nspname = ANY ($1::text[]))
  AND NOT EXISTS (
    SELECT 1 FROM pg_catalog.pg_depend d
    WHERE d.classid = 'pg_catalog.pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e'
  )`;

export interface TableRow {
  oid: string;
  schema: string;
  name: string;
}

/** $1: table oids (text[]). A generated column's expression lives in pg_attrdef too, but is no default. */
export const COLUMNS_SQL = `
SELECT a.attrelid::text AS table_oid,
  a.attname::text AS name,
  pg_catalog.format_type(a.atttypid, a.atttypmod) AS type,
  NOT a.attnotnull AS nullable,
  CASE WHEN a.attgenerated = '' THEN pg_catalog.pg_get_expr(d.adbin, d.adrelid) END AS default_sql,
  CASE WHEN a.attgenerated <> '' THEN pg_catalog.pg_get_expr(d.adbin, d.adrelid) END AS generated_sql
FROM pg_catalog.pg_attribute a
LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
WHERE a.attrelid = ANY ($1::text[]::oid[]) AND a.attnum > 0 AND NOT a.attisdropped
ORDER BY a.attrelid, a.attnum`;

export interface ColumnRow {
  table_oid: string;
  name: string;
  type: string;
  nullable: boolean;
  default_sql: string | null;
  generated_sql: string | null;
}

/** Attribute numbers of `rel` in `keys` turned into names, keeping the array's order (the first `limit`). */
function attnames(keys: string, rel: string, limit?: string): string {
  return `ARRAY(
    SELECT a.attname::text
    FROM unnest(${keys}) WITH ORDINALITY AS k (attnum, ord)
    JOIN pg_catalog.pg_attribute a ON a.attrelid = ${rel} AND a.attnum = k.attnum
    ${limit ? `WHERE k.ord <= ${limit}` : ''}
    ORDER BY k.ord)`;
}

/**
 * Primary keys, foreign keys, unique and exclusion constraints. Constraints with a parent are the copies
 * PostgreSQL makes for partitions (including, on the referencing table, one per partition of a partitioned
 * target), so only the declared one is kept. $1: table oids (text[]).
 */
export function constraintsSql(serverVersion: number): string {
  const nullsNotDistinct = serverVersion >= NULLS_NOT_DISTINCT_VERSION ? 'COALESCE(ix.indnullsnotdistinct, false)' : 'false';
  return `
SELECT con.conrelid::text AS table_oid,
  con.conname::text AS name,
  con.contype::text AS kind,
  ${attnames('con.conkey', 'con.conrelid')} AS columns,
  fn.nspname::text AS target_schema,
  fc.relname::text AS target_table,
  ${attnames('con.confkey', 'con.confrelid')} AS target_columns,
  con.confdeltype::text AS on_delete,
  con.confupdtype::text AS on_update,
  ${nullsNotDistinct} AS nulls_not_distinct
FROM pg_catalog.pg_constraint con
LEFT JOIN pg_catalog.pg_class fc ON fc.oid = con.confrelid
LEFT JOIN pg_catalog.pg_namespace fn ON fn.oid = fc.relnamespace
LEFT JOIN pg_catalog.pg_index ix ON ix.indexrelid = con.conindid AND con.contype = 'u'
WHERE con.conrelid = ANY ($1::text[]::oid[])
  AND con.contype IN ('p', 'f', 'u', 'x')
  AND con.conparentid = 0`;
}

export interface ConstraintRow {
  table_oid: string;
  name: string;
  kind: 'p' | 'f' | 'u' | 'x';
  columns: string[];
  target_schema: string | null;
  target_table: string | null;
  target_columns: string[];
  on_delete: string;
  on_update: string;
  nulls_not_distinct: boolean;
}

/**
 * Indexes that no constraint of their own table stands for (a foreign key's conindid is the index on the
 * *referenced* table, so it does not count). Only key columns are listed, not INCLUDE ones; an indkey of
 * 0 is an expression. $1: table oids (text[]).
 */
export const INDEXES_SQL = `
SELECT ix.indrelid::text AS table_oid,
  ic.relname::text AS name,
  ix.indisunique AS is_unique,
  ${attnames('ix.indkey::int2[]', 'ix.indrelid', 'ix.indnkeyatts')} AS columns,
  ix.indexprs IS NOT NULL AS has_expressions,
  pg_catalog.pg_get_expr(ix.indpred, ix.indrelid) AS predicate,
  pg_catalog.pg_get_indexdef(ix.indexrelid) AS definition
FROM pg_catalog.pg_index ix
JOIN pg_catalog.pg_class ic ON ic.oid = ix.indexrelid
WHERE ix.indrelid = ANY ($1::text[]::oid[])
  AND NOT EXISTS (
    SELECT 1 FROM pg_catalog.pg_constraint con
    WHERE con.conrelid = ix.indrelid AND con.conindid = ix.indexrelid AND con.contype IN ('p', 'u', 'x')
  )`;

export interface IndexRow {
  table_oid: string;
  name: string;
  is_unique: boolean;
  columns: string[];
  has_expressions: boolean;
  predicate: string | null;
  definition: string;
}
