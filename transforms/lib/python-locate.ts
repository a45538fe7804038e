// Finding the statement that declares a column, by table and column name as the plan names them: the
// table class by `__tablename__` (or SQLModel's default name), then the attribute, in the class or in a
// base class defined in the same file.

import type { Node } from '../../src/lang/python.ts';
import { calleeName, classesByName, fieldAttributes, fieldCall, keywordArgs, moduleClasses } from '../../src/sources/sqlmodel/cst.ts';
import type { ClassAttribute, KeywordArg, ModelClass } from '../../src/sources/sqlmodel/cst.ts';

export interface LocatedColumn {
  cls: ModelClass;
  attr: ClassAttribute;
  /** The `Field(...)` call, when the attribute's value is one. */
  call?: Node;
  keywords: Map<string, KeywordArg>;
}

/** `table` may be `name` or `schema.name`; only the name is matched, as `__tablename__` holds no schema. */
export function locateColumn(root: Node, table: string, column: string): LocatedColumn {
  const name = table.includes('.') ? table.slice(table.lastIndexOf('.') + 1) : table;
  const classes = moduleClasses(root);
  const matches = classes.filter((c) => c.isTable && c.tableName === name);
  if (matches.length === 0) {
    const known = classes.filter((c) => c.isTable).map((c) => c.tableName);
    throw new Error(
      `no SQLModel table class for table "${table}" in this file` +
        (known.length ? ` (tables here: ${known.join(', ')})` : ' (no class with table=True)'),
    );
  }
  if (matches.length > 1) {
    throw new Error(`table "${table}" is declared by several classes here: ${matches.map((c) => c.name).join(', ')}`);
  }
  const cls = matches[0]!;
  const attr = fieldAttributes(cls, classesByName(classes)).find((a) => a.name === column);
  if (!attr) throw new Error(`class ${cls.name} (table "${name}") has no attribute "${column}" in this file`);
  if (attr.value && calleeName(attr.value) === 'Relationship') {
    throw new Error(`${cls.name}.${column} is a Relationship, not a column`);
  }
  const call = fieldCall(attr);
  return { cls, attr, call, keywords: new Map((call ? keywordArgs(call) : []).map((k) => [k.name, k])) };
}
