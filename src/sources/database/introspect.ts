// Reads tables, columns and constraints from pg_catalog into the normalized model. Runs the same fixed set
// of queries against a live server and against PGlite, inside one read-only transaction so they all see
// one snapshot and nothing can be changed by accident.

import { DatabaseError } from '../../errors.ts';
import type { Column, Diagnostic, FkAction, ForeignKey, Index, Table, UniqueConstraint } from '../../model/schema.ts';
import { tableKey } from '../../model/names.ts';
import {
  COLUMNS_SQL,
  constraintsSql,
  INDEXES_SQL,
  MIN_SERVER_VERSION,
  SERVER_VERSION_SQL,
  TABLES_SQL,
  type ColumnRow,
  type ConstraintRow,
  type IndexRow,
  type TableRow,
} from './catalog-queries.ts';
import type { Queryable } from './queryable.ts';

export const STATEMENT_TIMEOUT_MS = 30_000;

export interface IntrospectOptions {
  /** Only these schemas; all non-system schemas when absent. */
  schemas?: string[];
}

export interface Introspection {
  tables: Table[];
  diagnostics: Diagnostic[];
}

const FK_ACTION_CODES: Record<string, FkAction> = {
  a: 'NO ACTION',
  r: 'RESTRICT',
  c: 'CASCADE',
  n: 'SET NULL',
  d: 'SET DEFAULT',
};

export async function introspect(db: Queryable, options: IntrospectOptions = {}): Promise<Introspection> {
  await db.query('BEGIN READ ONLY');
  try {
    await db.query(`SET LOCAL statement_timeout = ${STATEMENT_TIMEOUT_MS}`);
    // format_type() and pg_get_expr() qualify names that are not on the search path, so the path decides
    // whether an enum prints as `mood` or `public.mood`. Pinning it makes the output the same whatever the
    // connection's (or a replayed pg_dump's) setting: `public` objects bare, everything else qualified.
    await db.query('SET LOCAL search_path = public');
    const result = await readCatalog(db, options);
    await db.query('COMMIT');
    return result;
  } catch (error) {
    await db.query('ROLLBACK').catch(() => {});
    throw error;
  }
}

async function readCatalog(db: Queryable, options: IntrospectOptions): Promise<Introspection> {
  const [versionRow] = (await db.query<{ version: number }>(SERVER_VERSION_SQL)).rows;
  const version = Number(versionRow?.version);
  if (!(version >= MIN_SERVER_VERSION)) {
    throw new DatabaseError(`PostgreSQL ${formatVersion(version)} is not supported: schemadrift needs 12 or later`);
  }

  const tables = (await db.query<TableRow>(TABLES_SQL, [options.schemas ?? null])).rows;
  const oids = tables.map((t) => t.oid);
  return buildModel({
    tables,
    columns: (await db.query<ColumnRow>(COLUMNS_SQL, [oids])).rows,
    constraints: (await db.query<ConstraintRow>(constraintsSql(version), [oids])).rows,
    indexes: (await db.query<IndexRow>(INDEXES_SQL, [oids])).rows,
  });
}

interface CatalogRows {
  tables: TableRow[];
  columns: ColumnRow[];
  constraints: ConstraintRow[];
  indexes: IndexRow[];
}

function buildModel(rows: CatalogRows): Introspection {
  // Per table, so they can be listed in table order rather than in whatever order the catalog returned.
  const notes = new Map<Table, string[]>();
  const note = (table: Table, message: string) => notes.set(table, [...(notes.get(table) ?? []), message]);
  const byOid = new Map<string, Table>();
  for (const row of rows.tables) {
    byOid.set(row.oid, { schema: row.schema, name: row.name, columns: [], foreignKeys: [], uniques: [], indexes: [] });
  }
  const tableOf = (oid: string): Table => {
    const table = byOid.get(oid);
    if (!table) throw new Error(`catalog row for a table that was not listed (oid ${oid})`);
    return table;
  };

  for (const row of rows.columns) {
    const table = tableOf(row.table_oid);
    const column: Column = { name: row.name, type: { sql: row.type }, nullable: row.nullable };
    if (row.default_sql !== null) column.default = row.default_sql;
    if (row.generated_sql !== null) {
      note(table, `${tableKey(table)}.${row.name} is a generated column (${row.generated_sql}); its expression is not compared`);
    }
    table.columns.push(column);
  }

  for (const row of rows.constraints) {
    const table = tableOf(row.table_oid);
    switch (row.kind) {
      case 'p':
        table.primaryKey = { columns: row.columns, name: row.name };
        break;
      case 'f':
        table.foreignKeys.push(foreignKey(row));
        break;
      case 'u': {
        const unique: UniqueConstraint = { columns: row.columns, name: row.name };
        if (row.nulls_not_distinct) unique.nullsNotDistinct = true;
        table.uniques.push(unique);
        break;
      }
      case 'x':
        note(table, `exclusion constraint ${row.name} on ${tableKey(table)} is not compared`);
        break;
    }
  }

  for (const row of rows.indexes) {
    const table = tableOf(row.table_oid);
    const index: Index = { name: row.name, columns: row.has_expressions ? [] : row.columns, unique: row.is_unique };
    if (row.has_expressions) {
      note(table, `index ${row.name} on ${tableKey(table)} is on an expression; only its name and uniqueness are compared: ${row.definition}`);
    } else if (row.predicate !== null) {
      note(table, `index ${row.name} on ${tableKey(table)} is partial (WHERE ${row.predicate}); the condition is not compared`);
    }
    table.indexes.push(index);
  }

  const sorted = [...byOid.values()].sort((a, b) => compareText(a.schema, b.schema) || compareText(a.name, b.name));
  const diagnostics: Diagnostic[] = sorted.flatMap((table) =>
    (notes.get(table) ?? []).sort(compareText).map((message) => ({ message })),
  );
  const tables = sorted.map(({ primaryKey, ...table }): Table => ({
    schema: table.schema,
    name: table.name,
    columns: table.columns,
    // Rebuilt so every table's keys come in the model's order, whatever order the facts arrived in.
    ...(primaryKey ? { primaryKey } : {}),
    // Catalog order is physical order; sorting by name keeps output stable across servers and dumps.
    foreignKeys: table.foreignKeys.sort(byName),
    uniques: table.uniques.sort(byName),
    indexes: table.indexes.sort(byName),
  }));
  return { tables, diagnostics };
}

function foreignKey(row: ConstraintRow): ForeignKey {
  return {
    columns: row.columns,
    target: { schema: row.target_schema ?? '', table: row.target_table ?? '', columns: row.target_columns },
    onDelete: fkAction(row.on_delete, row.name),
    onUpdate: fkAction(row.on_update, row.name),
    name: row.name,
  };
}

function fkAction(code: string, constraint: string): FkAction {
  const action = FK_ACTION_CODES[code];
  if (!action) throw new Error(`unknown referential action code '${code}' on ${constraint}`);
  return action;
}

/** Code-unit order, not the server's collation, so a live server and PGlite sort alike. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byName(a: { name?: string }, b: { name?: string }): number {
  return compareText(a.name ?? '', b.name ?? '');
}

function formatVersion(version: number): string {
  if (!Number.isFinite(version)) return 'of unknown version';
  const major = Math.floor(version / 10000);
  // Before 10, the second number was part of the major version too (9.6).
  return major >= 10 ? String(major) : `${major}.${Math.floor((version % 10000) / 100)}`;
}
