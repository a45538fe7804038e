// Points a SQLModel column's `foreign_key="table.column"` at another target, editing only the literal's
// text (or adding the keyword), so quotes, comments and layout stay as the author wrote them.

import { parseColumnRef } from '../src/model/names.ts';
import { stringValue } from '../src/sources/sqlmodel/cst.ts';
import { insertArgument } from './lib/python-arguments.ts';
import { applyEdits } from './lib/python-edits.ts';
import type { Edit } from './lib/python-edits.ts';
import { locateColumn } from './lib/python-locate.ts';
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
}

export default function transformer(file: PythonFileInfo, api: PythonApi, options: SqlModelForeignKeyOptions): string {
  const { table, column, target } = options;
  if (!table || !column) throw new Error('sqlmodel-foreign-key needs the options table and column');
  if (!target || !parseColumnRef(target)) {
    throw new Error(`sqlmodel-foreign-key: target ${JSON.stringify(target)} is not "table.column" or "schema.table.column"`);
  }
  return withPythonTree(file, api, (root) => {
    const { cls, attr, call, keywords } = locateColumn(root, table, column);
    const edits: Edit[] = [];
    const existing = keywords.get('foreign_key');
    if (existing) {
      const current = stringValue(existing.value);
      if (current === target) return file.source;
      if (current === undefined) {
        throw new CannotApply(`${cls.name}.${column}: foreign_key=${existing.value.text} is not a string literal; edit it by hand`);
      }
      edits.push(replaceStringValue(existing.value, target));
    } else if (call) {
      edits.push(...insertArgument(file.source, call, `foreign_key=${stringLiteral(target, call)}`));
    } else if (attr.value) {
      // A plain default (`x: Optional[str] = None`) becomes the Field's default.
      edits.push({
        start: attr.value.startIndex,
        end: attr.value.endIndex,
        text: `Field(default=${attr.value.text}, foreign_key=${stringLiteral(target)})`,
      });
    } else {
      const end = attr.annotation!.endIndex;
      edits.push({ start: end, end, text: ` = Field(foreign_key=${stringLiteral(target)})` });
    }
    return applyEdits(file.source, edits);
  });
}
