// Reads tables, columns, constraints, indexes, enums and sequences from pg_catalog into the normalized
// model. Runs the same fixed set of queries against a live server and against PGlite, inside one read-only
// transaction so they all see one snapshot and nothing can be changed by accident.

import { DatabaseError } from '../../errors.ts';
import type {
  CheckConstraint,
  Column,
  EnumType,
  FkAction,
  ForeignKey,
  Index,
  IndexPart,
  Sequence,
  Table,
  UniqueConstraint,
} from '../../model/schema.ts';
import { tableKey } from '../../model/names.ts';
import {
  COLUMNS_SQL,
  constraintsSql,
  ENUMS_SQL,
  INDEXES_SQL,
  MIN_SERVER_VERSION,
  SEQUENCES_SQL,
  SETUP_SQL,
  TABLES_SQL,
  type ColumnRow,
  type ConstraintRow,
  type EnumRow,
  type IndexPartRow,
  type SequenceRow,
  type SetupRow,
  type TableRow,
} from './catalog-queries.ts';
import { compareText, keepsTable, type TableFilter } from './filter.ts';
import type { Queryable } from './queryable.ts';

export const STATEMENT_TIMEOUT_MS = 30_000;

export interface IntrospectOptions {
  /** Only these schemas; all non-system schemas when absent. */
  schemas?: string[];
  /** Table globs, matched against `table` and `schema.table`. */
  tables?: TableFilter;
  /** The server's statement_timeout for each catalog query (default 30 s). */
  statementTimeoutMs?: number;
}

/** Something read but not modelled, said of one table (so it can be filtered along with the table). */
export interface TableNote {
  schema: string;
  table: string;
  message: string;
}

/** Everything the database source knows; readDatabase turns it into a SchemaModel, pull into a snapshot. */
export interface Introspection {
  /** Sorted by schema, then name. */
  tables: Table[];
  enums: EnumType[];
  sequences: Sequence[];
  /** In table order. */
  notes: TableNote[];
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
    const result = await readCatalog(db, options);
    await db.query('COMMIT');
    return result;
  } catch (error) {
    await db.query('ROLLBACK').catch(() => {});
    throw error;
  }
}

async function readCatalog(db: Queryable, options: IntrospectOptions): Promise<Introspection> {
  const timeout = String(options.statementTimeoutMs ?? STATEMENT_TIMEOUT_MS);
  const [setup] = (await db.query<SetupRow>(SETUP_SQL, [timeout])).rows;
  const version = Number(setup?.version);
  if (!(version >= MIN_SERVER_VERSION)) {
    throw new DatabaseError(`PostgreSQL ${formatVersion(version)} is not supported: schemadrift needs 12 or later`);
  }

  const schemas = options.schemas ?? null;
  const tables = (await db.query<TableRow>(TABLES_SQL, [schemas])).rows.filter((t) => keepsTable(options.tables, t.schema, t.name));
  const oids = tables.map((t) => t.oid);
  return buildModel({
    tables,
    columns: (await db.query<ColumnRow>(COLUMNS_SQL, [oids])).rows,
    constraints: (await db.query<ConstraintRow>(constraintsSql(version), [oids])).rows,
    indexParts: (await db.query<IndexPartRow>(INDEXES_SQL, [oids])).rows,
    enums: (await db.query<EnumRow>(ENUMS_SQL, [schemas])).rows,
    sequences: (await db.query<SequenceRow>(SEQUENCES_SQL, [schemas])).rows,
  });
}

interface CatalogRows {
  tables: TableRow[];
  columns: ColumnRow[];
  constraints: ConstraintRow[];
  indexParts: IndexPartRow[];
  enums: EnumRow[];
  sequences: SequenceRow[];
}

interface Draft {
  table: Table & { checks: CheckConstraint[] };
  /** Column names by attribute number, for constraints and indexes. */
  names: Map<number, string>;
  notes: string[];
}

function buildModel(rows: CatalogRows): Introspection {
  const byOid = new Map<string, Draft>();
  for (const row of rows.tables) {
    const table: Draft['table'] = {
      schema: row.schema,
      name: row.name,
      ...(row.comment !== null && { comment: row.comment }),
      partitioned: row.partitioned,
      columns: [],
      foreignKeys: [],
      uniques: [],
      indexes: [],
      checks: [],
      rls: { enabled: row.rls_enabled, policies: row.policies.sort(compareText) },
    };
    byOid.set(row.oid, { table, names: new Map(), notes: [] });
  }
  const draftOf = (oid: string): Draft => {
    const draft = byOid.get(oid);
    if (!draft) throw new Error(`catalog row for a table that was not listed (oid ${oid})`);
    return draft;
  };

  for (const row of rows.columns) {
    const draft = draftOf(row.table_oid);
    draft.table.columns.push(column(row));
    draft.names.set(row.num, row.name);
  }
  const columnName = (draft: Draft, num: number): string => {
    const name = draft.names.get(num);
    if (name === undefined) throw new Error(`no column ${num} in ${tableKey(draft.table)}`);
    return name;
  };

  for (const row of rows.constraints) {
    const draft = draftOf(row.table_oid);
    const { table, notes } = draft;
    // Only keys and foreign keys are lists of plain columns: a check may name tableoid, an exclusion
    // constraint an expression (attnum 0).
    const columns = () => (row.column_nums ?? []).map((num) => columnName(draft, num));
    switch (row.kind) {
      case 'p':
        table.primaryKey = { columns: columns(), name: row.name };
        break;
      case 'f':
        table.foreignKeys.push(foreignKey(row, columns()));
        break;
      case 'u': {
        const unique: UniqueConstraint = { columns: columns(), name: row.name };
        if (row.nulls_not_distinct) unique.nullsNotDistinct = true;
        table.uniques.push(unique);
        break;
      }
      case 'c':
        table.checks.push({ name: row.name, expression: row.check_sql ?? '' });
        break;
      case 'x':
        notes.push(`exclusion constraint ${row.name} on ${tableKey(table)} is not compared`);
        break;
    }
  }

  // Rows come index by index, each index's parts in order.
  let index: Index | undefined;
  let indexOid: string | undefined;
  for (const row of rows.indexParts) {
    const draft = draftOf(row.table_oid);
    if (row.oid !== indexOid) {
      indexOid = row.oid;
      index = { name: row.name, columns: [], parts: [], unique: row.is_unique };
      if (row.method !== 'btree') index.method = row.method;
      if (row.predicate !== null) index.where = row.predicate;
      draft.table.indexes.push(index);
    }
    const part = indexPart(row, row.part_attnum === 0 ? undefined : columnName(draft, row.part_attnum));
    index!.parts!.push(part);
    if (part.column !== undefined) index!.columns.push(part.column);
  }

  const drafts = [...byOid.values()].sort((a, b) => compareTables(a.table, b.table));
  return {
    tables: drafts.map(({ table }) => ordered(table)),
    enums: rows.enums
      .map((row): EnumType => ({ schema: row.schema, name: row.name, values: row.values }))
      .sort(compareTables),
    sequences: rows.sequences.map((row): Sequence => ({ schema: row.schema, name: row.name })).sort(compareTables),
    notes: drafts.flatMap(({ table, notes }) =>
      notes.sort(compareText).map((message) => ({ schema: table.schema, table: table.name, message })),
    ),
  };
}

/** The table's keys in the model's order, whatever order its facts arrived in; its sets sorted by name
 * (catalog order is physical order, which differs between a server and a replayed dump). */
function ordered({ schema, name, comment, partitioned, columns, primaryKey, foreignKeys, uniques, indexes, checks, rls }: Draft['table']): Table {
  return {
    schema,
    name,
    ...(comment !== undefined && { comment }),
    partitioned,
    columns,
    ...(primaryKey && { primaryKey }),
    foreignKeys: foreignKeys.sort(byName),
    uniques: uniques.sort(byName),
    indexes: indexes.sort(byName),
    checks: checks.sort(byName),
    rls,
  };
}

const IDENTITY = { a: 'ALWAYS', d: 'BY DEFAULT' } as const;

function column(row: ColumnRow): Column {
  const column: Column = { name: row.name, type: { sql: row.type }, nullable: row.nullable };
  if (row.default_sql !== null) column.default = row.default_sql;
  if (row.identity === 'a' || row.identity === 'd') column.identity = IDENTITY[row.identity];
  if (row.generated_sql !== null) column.generated = row.generated_sql;
  if (row.comment !== null) column.comment = row.comment;
  return column;
}

function foreignKey(row: ConstraintRow, columns: string[]): ForeignKey {
  const fk: ForeignKey = {
    columns,
    target: { schema: row.target_schema ?? '', table: row.target_table ?? '', columns: row.target_columns },
    onDelete: fkAction(row.on_delete, row.name),
    onUpdate: fkAction(row.on_update, row.name),
    name: row.name,
  };
  if (row.deferrable) fk.deferrable = row.deferred ? 'DEFERRABLE INITIALLY DEFERRED' : 'DEFERRABLE INITIALLY IMMEDIATE';
  if (row.match === 'f') fk.match = 'FULL';
  else if (row.match === 'p') fk.match = 'PARTIAL';
  return fk;
}

function fkAction(code: string, constraint: string): FkAction {
  const action = FK_ACTION_CODES[code];
  if (!action) throw new Error(`unknown referential action code '${code}' on ${constraint}`);
  return action;
}

// pg_index.indoption bits.
const INDOPTION_DESC = 1;
const INDOPTION_NULLS_FIRST = 2;

function indexPart(row: IndexPartRow, column: string | undefined): IndexPart {
  const part: IndexPart = column !== undefined ? { column } : { expression: unwrapIndexExpression(row.part_expression ?? '') };
  const desc = (row.part_option & INDOPTION_DESC) !== 0;
  const nullsFirst = (row.part_option & INDOPTION_NULLS_FIRST) !== 0;
  if (desc) part.order = 'DESC';
  // NULLS LAST is the default for ASC, NULLS FIRST for DESC: only the other one is written.
  if (nullsFirst !== desc) part.nulls = nullsFirst ? 'FIRST' : 'LAST';
  if (row.part_opclass !== null) part.opclass = row.part_opclass;
  return part;
}

/**
 * pg_get_indexdef puts an index expression that is not a function call in parentheses, as CREATE INDEX
 * needs it: `((id + 1))`, `((email)::text)`. Without them it is the expression as pg_get_expr prints it,
 * like every other expression in the model.
 */
function unwrapIndexExpression(text: string): string {
  if (!text.startsWith('(') || closingParen(text, 0) !== text.length - 1) return text;
  return text.slice(1, -1);
}

/** Index of the parenthesis that closes the one at `open`, skipping quoted strings and identifiers. */
function closingParen(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const ch = text[i];
    if (ch === "'" || ch === '"') {
      // To the closing quote. A doubled quote is the only escape in what PostgreSQL prints (E'' strings
      // too double their quotes).
      i++;
      while (i < text.length && !(text[i] === ch && text[i + 1] !== ch)) i += text[i] === ch ? 2 : 1;
    } else if (ch === '(') {
      depth++;
    } else if (ch === ')' && --depth === 0) {
      return i;
    }
  }
  return -1;
}

function compareTables(a: { schema: string; name: string }, b: { schema: string; name: string }): number {
  return compareText(a.schema, b.schema) || compareText(a.name, b.name);
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
