// Pointing a SQLAlchemy `ForeignKey(…)`/`ForeignKeyConstraint(…)` target at another column: a string
// literal gets the new `table.column` in its own quotes; a `User.id` reference becomes another mapped
// class's attribute, which must be declared in this file before the class that refers to it (Python runs
// class bodies in order) and be named like its column (the reader takes `User.id` as `users.id`).

import type { Node } from '../../src/lang/python.ts';
import { DEFAULT_SCHEMA, parseColumnRef } from '../../src/model/names.ts';
import { moduleClasses, stringValue } from '../../src/sources/sqlmodel/cst.ts';
import { CannotApply } from './cannot-apply.ts';
import type { Edit } from './python-edits.ts';
import type { FkCallSite } from './python-fk-site.ts';
import { locateColumn, locateMappedColumn } from './python-locate.ts';
import { replaceStringValue } from './python-strings.ts';

type ColumnRef = NonNullable<ReturnType<typeof parseColumnRef>>;

const same = (a: ColumnRef | undefined, b: ColumnRef) => !!a && a.schema === b.schema && a.table === b.table && a.column === b.column;

export function targetEdits(root: Node, site: FkCallSite, target: string): Edit[] {
  const want = parseColumnRef(target)!;
  const node = site.target;
  const literal = stringValue(node);
  if (literal !== undefined) return same(parseColumnRef(literal), want) ? [] : [replaceStringValue(node, target)];
  if (node.type !== 'attribute') {
    throw new CannotApply(`${site.where}: the foreign key's target ${node.text} is neither a string nor Model.column; edit it by hand`);
  }
  if (same(attributeRef(root, node), want)) return [];
  const text = classAttribute(root, site, want);
  return [{ start: node.startIndex, end: node.endIndex, text }];
}

/** What `User.id` refers to, when `User` is a table class of this file. */
function attributeRef(root: Node, node: Node): ColumnRef | undefined {
  const owner = node.childForFieldName('object')?.text;
  const attr = node.childForFieldName('attribute')?.text;
  const cls = moduleClasses(root).find((c) => c.name === owner);
  return cls && attr ? { schema: DEFAULT_SCHEMA, table: cls.tableName, column: attr } : undefined;
}

/** `Account.id` for `accounts.id`, when that class can be named where the key is written. */
function classAttribute(root: Node, site: FkCallSite, want: ColumnRef): string {
  const refuse = (why: string) => new CannotApply(`${site.where}: cannot point ForeignKey at ${want.table}.${want.column} as Model.column: ${why}; edit it by hand`);
  // The reader resolves `Model.column` to a table name alone, which says the public schema.
  if (want.schema !== DEFAULT_SCHEMA) throw refuse(`${want.schema} is not the public schema`);
  let found: { cls: { name: string; node: Node }; attr: { name: string } } | undefined;
  try {
    found = locateColumn(root, want.table, want.column);
  } catch {
    found = locateMappedColumn(root, want.table, want.column);
  }
  if (!found) throw refuse(`no class of this file declares ${want.table}.${want.column}`);
  if (found.attr.name !== want.column) throw refuse(`its attribute is ${found.cls.name}.${found.attr.name}`);
  if (found.cls.node.startIndex >= site.cls.node.startIndex) throw refuse(`${found.cls.name} is not defined before ${site.cls.name}`);
  return `${found.cls.name}.${found.attr.name}`;
}
