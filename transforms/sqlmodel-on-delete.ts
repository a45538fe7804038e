// Sets, changes or removes `ondelete=` where a Python column's foreign key is declared: SQLModel's
// `Field(...)`, next to its `foreign_key=`, or SQLAlchemy's `ForeignKey(…)` (in `sa_column=Column(…)`,
// `mapped_column(…)`, `Column(…)`) or single-column `ForeignKeyConstraint(…)`, after the target. Every other
// byte of the file stays as it was.
//
// Options: table, column (SQL names), onDelete, attribute (the Python attribute, when a SQLModel field is
// named unlike its column).

import { FK_ACTIONS } from '../src/model/schema.ts';
import type { FkAction } from '../src/model/schema.ts';
import { readAnnotation } from '../src/sources/sqlmodel/annotation.ts';
import { stringValue } from '../src/sources/sqlmodel/cst.ts';
import { CannotApply } from './lib/cannot-apply.ts';
import { insertArgument, removeArgument } from './lib/python-arguments.ts';
import { applyEdits } from './lib/python-edits.ts';
import type { Edit } from './lib/python-edits.ts';
import { actionEdits } from './lib/python-fk-action.ts';
import { locateForeignKey } from './lib/python-fk-site.ts';
import type { LocatedColumn } from './lib/python-locate.ts';
import { replaceStringValue, stringLiteral } from './lib/python-strings.ts';
import { withPythonTree } from './lib/python-transform.ts';
import type { PythonApi, PythonFileInfo } from './lib/python-transform.ts';

export const language = 'python';

export interface SqlModelOnDeleteOptions {
  table: string;
  column: string;
  onDelete: FkAction;
  /** The Python attribute declaring the column, when its name differs from the column's. */
  attribute?: string;
}

export default function transformer(file: PythonFileInfo, api: PythonApi, options: SqlModelOnDeleteOptions): string {
  const { table, column } = options;
  if (!table || !column) throw new Error('sqlmodel-on-delete needs the options table and column');
  const onDelete = String(options.onDelete ?? '').toUpperCase() as FkAction;
  if (!FK_ACTIONS.includes(onDelete)) {
    throw new Error(`sqlmodel-on-delete: onDelete ${JSON.stringify(options.onDelete)} is not one of ${FK_ACTIONS.join(', ')}`);
  }
  return withPythonTree(file, api, (root) => {
    const site = locateForeignKey(root, table, column, options.attribute || column);
    if (site.kind === 'none') throw new CannotApply(`${site.where} has no ForeignKey(...) to set ondelete on`);
    if (site.kind !== 'field') {
      const edits = actionEdits(file.source, site, 'ondelete', onDelete);
      return edits.length === 0 ? file.source : applyEdits(file.source, edits);
    }
    const located = site.located;
    const { cls, call, keywords } = located;
    const foreignKey = keywords.get('foreign_key');
    if (!call || !foreignKey) throw new CannotApply(`${cls.name}.${column} has no Field(foreign_key=...) to set ondelete on`);
    const existing = keywords.get('ondelete');
    const edits: Edit[] = [];
    if (onDelete === 'NO ACTION') {
      // SQLAlchemy's absent ondelete is the database's NO ACTION; removing it is how code says it.
      if (!existing) return file.source;
      edits.push(...removeArgument(file.source, call, existing.node));
    } else {
      if (onDelete === 'SET NULL' && !isNullable(located)) {
        // SQLModel raises at import time for this combination; refusing here keeps the app starting.
        throw new CannotApply(`${cls.name}.${column} is not nullable; SQLModel rejects ondelete="SET NULL" on it`);
      }
      if (existing) {
        const current = stringValue(existing.value);
        if (current?.toUpperCase() === onDelete) return file.source;
        edits.push(
          current !== undefined
            ? replaceStringValue(existing.value, onDelete)
            : { start: existing.value.startIndex, end: existing.value.endIndex, text: stringLiteral(onDelete, call) },
        );
      } else {
        edits.push(...insertArgument(file.source, call, `ondelete=${stringLiteral(onDelete, call)}`, foreignKey.node));
      }
    }
    return applyEdits(file.source, edits);
  });
}

function isNullable({ attr, keywords }: LocatedColumn): boolean {
  const explicit = keywords.get('nullable')?.value.type;
  if (explicit === 'true') return true;
  if (explicit === 'false' || keywords.get('primary_key')?.value.type === 'true') return false;
  return attr.annotation ? readAnnotation(attr.annotation).optional : false;
}
