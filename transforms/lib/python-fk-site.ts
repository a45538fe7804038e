// Where a Python model declares the foreign key of one column, in whichever form the reader reads it
// (src/sources/sqlmodel/table.ts, sa-column.ts, table-args.ts): SQLModel's `Field(foreign_key=…)`, a
// `ForeignKey(…)` inside `sa_column=Column(…)`, `mapped_column(…)` or a legacy `Column(…)`, or a
// single-column `ForeignKeyConstraint([…], […])` in the class's own `__table_args__`.

import type { Node } from '../../src/lang/python.ts';
import { namedChildrenOf } from '../../src/lang/python.ts';
import { calleeName, stringValue } from '../../src/sources/sqlmodel/cst.ts';
import type { ModelClass } from '../../src/sources/sqlmodel/cst.ts';
import { positionalArgs } from '../../src/sources/sqlmodel/sa-column.ts';
import { CannotApply } from './cannot-apply.ts';
import { locateColumn, locateMappedColumn } from './python-locate.ts';
import type { LocatedColumn } from './python-locate.ts';

/** A call whose keywords carry the key's actions, and the node naming its target. */
export interface FkCallSite {
  kind: 'foreignKey' | 'constraint';
  /** `Cls.attr`, for messages. */
  where: string;
  cls: ModelClass;
  /** `ForeignKey(…)` or `ForeignKeyConstraint(…)`. */
  call: Node;
  /** `"users.id"` or `User.id`: the first argument of `ForeignKey`, the paired element of the constraint's second list. */
  target: Node;
  /** The argument new action keywords go after: the target, or the constraint's list of targets. */
  anchor: Node;
}

export type FkSite =
  | FkCallSite
  /** SQLModel's `Field(foreign_key=…)`, or a SQLModel field with no key yet (no `sa_column`). */
  | { kind: 'field'; where: string; cls: ModelClass; located: LocatedColumn }
  /** A SQLAlchemy column with no key in any form this file writes. */
  | { kind: 'none'; where: string; cls: ModelClass };

const items = (node: Node) => namedChildrenOf(node).filter((n) => n.type !== 'comment');

function foreignKeyCalls(column: Node): Node[] {
  return positionalArgs(column).filter((a) => calleeName(a) === 'ForeignKey');
}

/**
 * The key of `table.column`; `attribute` is the Python name of a SQLModel field named unlike its column
 * (`team_id: str = Field(sa_column=Column("team", ForeignKey(…)))`).
 */
export function locateForeignKey(root: Node, table: string, column: string, attribute = column): FkSite {
  let cls: ModelClass;
  let attrName: string;
  let columnCall: Node | undefined;
  let located: LocatedColumn | undefined;
  try {
    located = locateColumn(root, table, attribute);
    ({ cls } = located);
    attrName = located.attr.name;
    const saColumn = located.keywords.get('sa_column');
    if (saColumn) {
      if (calleeName(saColumn.value) !== 'Column') throw new CannotApply(`${cls.name}.${attrName}: sa_column is not a Column(...) call; edit it by hand`);
      columnCall = saColumn.value;
    }
  } catch (error) {
    if (located) throw error;
    // Not a SQLModel table here: maybe a SQLAlchemy declarative class.
    const mapped = locateMappedColumn(root, table, column);
    if (!mapped) throw new CannotApply((error as Error).message);
    ({ cls } = mapped);
    attrName = mapped.attr.name;
    columnCall = mapped.call;
  }
  const where = `${cls.name}.${attrName}`;
  const calls = columnCall ? foreignKeyCalls(columnCall) : [];
  if (calls.length > 1) throw new CannotApply(`${where} has several ForeignKey(...) arguments; edit them by hand`);
  const call = calls[0];
  if (call) {
    const target = positionalArgs(call)[0];
    if (!target) throw new CannotApply(`${where}: ForeignKey() names no target; edit it by hand`);
    return { kind: 'foreignKey', where, cls, call, target, anchor: target };
  }
  if (located && !columnCall && located.keywords.has('foreign_key')) return { kind: 'field', where, cls, located };
  const constraint = constraintSite(cls, column, attrName, where);
  if (constraint) return constraint;
  return located && !columnCall ? { kind: 'field', where, cls, located } : { kind: 'none', where, cls };
}

/** The `ForeignKeyConstraint` of the class's own `__table_args__` whose local columns are this one alone. */
function constraintSite(cls: ModelClass, column: string, attribute: string, where: string): FkCallSite | undefined {
  const args = cls.attributes.find((a) => a.name === '__table_args__')?.value;
  if (args?.type !== 'tuple') return undefined;
  // The reader names a local column by its SQL name, or by the attribute (`Model.attr`, a bare name).
  const names = (node: Node) => {
    const literal = stringValue(node);
    if (literal !== undefined) return literal === column;
    const name = node.type === 'attribute' ? node.childForFieldName('attribute')?.text : node.type === 'identifier' ? node.text : undefined;
    return name === attribute || name === column;
  };
  for (const item of items(args)) {
    if (calleeName(item) !== 'ForeignKeyConstraint') continue;
    const [local, remote] = positionalArgs(item);
    const isList = (n: Node | undefined): n is Node => n?.type === 'list' || n?.type === 'tuple';
    if (!isList(local) || !isList(remote)) continue;
    const index = items(local).findIndex(names);
    if (index < 0) continue;
    if (items(local).length > 1) throw new CannotApply(`${where} is one column of a multi-column ForeignKeyConstraint; edit it by hand`);
    const target = items(remote)[index];
    if (!target) throw new CannotApply(`${where}: its ForeignKeyConstraint names no target; edit it by hand`);
    return { kind: 'constraint', where, cls, call: item, target, anchor: remote };
  }
  return undefined;
}
