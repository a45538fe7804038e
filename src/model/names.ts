import type { ForeignKey, Table, TableRef } from './schema.ts';

export const DEFAULT_SCHEMA = 'public';

/** `users` in `public`, `billing.invoices` elsewhere: the key tables are aligned by across sources. */
export function tableKey(ref: TableRef | Pick<Table, 'schema' | 'name'>): string {
  const name = 'table' in ref ? ref.table : ref.name;
  return ref.schema === DEFAULT_SCHEMA ? name : `${ref.schema}.${name}`;
}

/** An FK target as the JSON contract writes it: `table.column`, `schema.table.column` outside `public`. */
export function fkTargetText(fk: Pick<ForeignKey, 'target'>): string {
  const cols = fk.target.columns;
  const colText = cols.length === 1 ? cols[0]! : `(${cols.join(', ')})`;
  return `${tableKey(fk.target)}.${colText}`;
}

/** Parses `table.column` or `schema.table.column` (as SQLAlchemy's `ForeignKey("…")` takes it). */
export function parseColumnRef(text: string): (TableRef & { column: string }) | undefined {
  const parts = text.split('.');
  if (parts.length === 2 && parts.every(Boolean)) {
    return { schema: DEFAULT_SCHEMA, table: parts[0]!, column: parts[1]! };
  }
  if (parts.length === 3 && parts.every(Boolean)) {
    return { schema: parts[0]!, table: parts[1]!, column: parts[2]! };
  }
  return undefined;
}
