// Database-side facts written as Python values: `server_default=` and referential actions.

import type { Node } from '../../lang/python.ts';
import { namedChildrenOf } from '../../lang/python.ts';
import { FK_ACTIONS } from '../../model/schema.ts';
import type { Column, FkAction } from '../../model/schema.ts';
import { calleeName, stringValue } from './cst.ts';

/**
 * A `server_default=` value as the SQL SQLAlchemy puts after DEFAULT: a plain string is a quoted literal
 * (`'new'`), `text("now()")` is raw SQL, `func.now()` is `now()`. Undefined when we cannot tell.
 */
export function serverDefaultSql(value: Node): string | undefined {
  const literal = stringValue(value);
  if (literal !== undefined) return `'${literal.replace(/'/g, "''")}'`;
  const name = calleeName(value);
  const args = value.childForFieldName('arguments');
  const argNodes = args ? namedChildrenOf(args).filter((a) => a.type !== 'comment') : [];
  if (name === 'text' && argNodes.length === 1) return stringValue(argNodes[0]!);
  // `func.now()` renders as `now()`; arguments would need SQL compilation we do not do.
  const fn = value.childForFieldName('function');
  if (fn?.type === 'attribute' && fn.childForFieldName('object')?.text === 'func' && argNodes.length === 0) {
    return `${name}()`;
  }
  return undefined;
}

/** `"CASCADE"`, `"set null"` → the PostgreSQL spelling; undefined when not a literal action. */
export function fkAction(value: Node): FkAction | undefined {
  const action = stringValue(value)?.toUpperCase().trim().replace(/\s+/g, ' ');
  return action && (FK_ACTIONS as readonly string[]).includes(action) ? (action as FkAction) : undefined;
}

/**
 * A quoted literal default as PostgreSQL stores it: cast to the column's type (`'true'::boolean`,
 * `'new'::character varying`), which is how `server_default="true"` reads back from the catalogs.
 */
export function castLiteralDefault(column: Column): void {
  if (column.default && column.type.sql && /^'(?:[^']|'')*'$/.test(column.default)) {
    column.default = `${column.default}::${column.type.sql}`;
  }
}
