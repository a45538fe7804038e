// Points a Python column's foreign key at another target, wherever the reader finds it: SQLModel's
// `foreign_key="table.column"` (added when the field has none), `ForeignKey("…")` inside `sa_column=Column(…)`,
// `mapped_column(…)` or a legacy `Column(…)`, or a single-column `ForeignKeyConstraint` in `__table_args__`.
// Only the literal's text changes (or a `User.id` reference becomes another class's attribute), so quotes,
// comments and layout stay as the author wrote them.
//
// Options: table, column (SQL names), target (`table.column`, or `schema.table.column` outside public),
// attribute (the Python attribute, when a SQLModel field is named unlike its column).

import type { Node } from '../src/lang/python.ts';
import { parseColumnRef } from '../src/model/names.ts';
import { stringValue } from '../src/sources/sqlmodel/cst.ts';
import { insertArgument } from './lib/python-arguments.ts';
import { applyEdits } from './lib/python-edits.ts';
import type { Edit } from './lib/python-edits.ts';
import { locateForeignKey } from './lib/python-fk-site.ts';
import { targetEdits } from './lib/python-fk-target.ts';
import type { LocatedColumn } from './lib/python-locate.ts';
import { replaceStringValue, stringLiteral } from './lib/python-strings.ts';
import { withPythonTree } from './lib/python-transform.ts';
import type { PythonApi, PythonFileInfo } from './lib/python-transform.ts';
import { CannotApply } from './lib/cannot-apply.ts';

export const language = 'python';

export interface SqlModelForeignKeyOptions {
  table: string;
  column: string;
  /** `table.column`, or `schema.table.column` outside `public`. */
  target: string;
  /** The Python attribute declaring the column, when its name differs from the column's. */
  attribute?: string;
}

export default function transformer(file: PythonFileInfo, api: PythonApi, options: SqlModelForeignKeyOptions): string {
  const { table, column, target } = options;
  if (!table || !column) throw new Error('sqlmodel-foreign-key needs the options table and column');
  if (!target || !parseColumnRef(target)) {
    throw new Error(`sqlmodel-foreign-key: target ${JSON.stringify(target)} is not "table.column" or "schema.table.column"`);
  }
  return withPythonTree(file, api, (root) => {
    const site = locateForeignKey(root, table, column, options.attribute || column);
    if (site.kind === 'none') throw new CannotApply(`${site.where} has no ForeignKey(...) to point elsewhere; add one by hand`);
    const edits = site.kind === 'field' ? fieldEdits(file.source, site.located, target) : targetEdits(root, site, target);
    return edits.length === 0 ? file.source : applyEdits(file.source, edits);
  });
}

function fieldEdits(source: string, { cls, attr, call, keywords }: LocatedColumn, target: string): Edit[] {
  const existing = keywords.get('foreign_key');
  if (existing) {
    const current = stringValue(existing.value);
    if (current === target) return [];
    if (current === undefined) {
      throw new CannotApply(`${cls.name}.${attr.name}: foreign_key=${existing.value.text} is not a string literal; edit it by hand`);
    }
    return [replaceStringValue(existing.value, target)];
  }
  if (call) return insertArgument(source, call, `foreign_key=${stringLiteral(target, call)}`);
  const value: Node | undefined = attr.value;
  // A plain default (`x: Optional[str] = None`) becomes the Field's default.
  if (value) return [{ start: value.startIndex, end: value.endIndex, text: `Field(default=${value.text}, foreign_key=${stringLiteral(target)})` }];
  const end = attr.annotation!.endIndex;
  return [{ start: end, end, text: ` = Field(foreign_key=${stringLiteral(target)})` }];
}
