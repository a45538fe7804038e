// Module-level statements that are not classes: `Base = declarative_base()`, `metadata = MetaData(...)`,
// `convention = {...}` and `Table(...)` declarations.

import type { Node } from '../../lang/python.ts';
import { namedChildrenOf } from '../../lang/python.ts';
import { calleeName } from './cst.ts';

export interface ModuleStatements {
  /** `name = value` (and `name: T = value`) at module level, in order. */
  values: [string, Node][];
  /** `Table(...)` calls at module level, with the variable they are assigned to, in order. */
  tables: { call: Node; binding?: string }[];
}

export function moduleStatements(root: Node): ModuleStatements {
  const values: [string, Node][] = [];
  const tables: { call: Node; binding?: string }[] = [];
  for (const stmt of namedChildrenOf(root)) {
    if (stmt.type !== 'expression_statement') continue;
    const expr = stmt.namedChild(0);
    if (!expr) continue;
    if (expr.type === 'call' && calleeName(expr) === 'Table') {
      tables.push({ call: expr });
      continue;
    }
    if (expr.type !== 'assignment') continue;
    const left = expr.childForFieldName('left');
    const right = expr.childForFieldName('right');
    if (left?.type !== 'identifier' || !right) continue;
    values.push([left.text, right]);
    if (calleeName(right) === 'Table') tables.push({ call: right, binding: left.text });
  }
  return { values, tables };
}
