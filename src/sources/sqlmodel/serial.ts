// SQLAlchemy creates a lone integer primary key as SERIAL (BIGSERIAL, SMALLSERIAL): PostgreSQL then shows
// `integer` with the default `nextval('<table>_<column>_seq'::regclass)`. Recording that default makes
// the model say what the database says. The conditions follow SQLAlchemy's `_autoincrement_column`.

import { DEFAULT_SCHEMA } from '../../model/names.ts';
import type { Table } from '../../model/schema.ts';
import type { TableContext } from './context.ts';

const INTEGER_TYPES = new Set(['integer', 'bigint', 'smallint']);

export function applySerial(table: Table, ctx: TableContext): void {
  const pk = table.primaryKey?.columns ?? [];
  if (pk.length !== 1) return;
  const column = table.columns.find((c) => c.name === pk[0]);
  if (!column || !column.type.sql || !INTEGER_TYPES.has(column.type.sql)) return;
  const explicit = ctx.autoincrement?.get(column);
  if (explicit === false || column.default !== undefined || column.identity) return;
  const hasFk = table.foreignKeys.some((fk) => fk.columns.includes(column.name));
  if (hasFk && explicit !== true) return;
  const prefix = table.schema === DEFAULT_SCHEMA ? '' : `${table.schema}.`;
  column.default = `nextval('${prefix}${table.name}_${column.name}_seq'::regclass)`;
}
