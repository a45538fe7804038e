// Sets, changes or removes `onupdate=` where a Python column's foreign key is declared with SQLAlchemy:
// `ForeignKey(…)` (in `sa_column=Column(…)`, `mapped_column(…)` or `Column(…)`) or a single-column
// `ForeignKeyConstraint(…)` in `__table_args__`. SQLModel's `Field(foreign_key=…)` has no way to say ON UPDATE,
// so a key declared only there is refused (moving it into `sa_column=` changes more than this rule is about).
//
// Options: table, column (SQL names), onUpdate (NO ACTION | RESTRICT | CASCADE | SET NULL | SET DEFAULT),
// attribute (the Python attribute, when a SQLModel field is named unlike its column).

import { FK_ACTIONS } from '../src/model/schema.ts';
import type { FkAction } from '../src/model/schema.ts';
import { CannotApply } from './lib/cannot-apply.ts';
import { applyEdits } from './lib/python-edits.ts';
import { actionEdits } from './lib/python-fk-action.ts';
import { locateForeignKey } from './lib/python-fk-site.ts';
import { withPythonTree } from './lib/python-transform.ts';
import type { PythonApi, PythonFileInfo } from './lib/python-transform.ts';

export const language = 'python';

export interface SqlModelOnUpdateOptions {
  table: string;
  column: string;
  onUpdate: FkAction;
  /** The Python attribute declaring the column, when its name differs from the column's. */
  attribute?: string;
}

export default function transformer(file: PythonFileInfo, api: PythonApi, options: SqlModelOnUpdateOptions): string {
  const { table, column } = options;
  if (!table || !column) throw new Error('sqlmodel-on-update needs the options table and column');
  const onUpdate = String(options.onUpdate ?? '').toUpperCase() as FkAction;
  if (!FK_ACTIONS.includes(onUpdate)) {
    throw new Error(`sqlmodel-on-update: onUpdate ${JSON.stringify(options.onUpdate)} is not one of ${FK_ACTIONS.join(', ')}`);
  }
  return withPythonTree(file, api, (root) => {
    const site = locateForeignKey(root, table, column, options.attribute || column);
    if (site.kind === 'none' || (site.kind === 'field' && !site.located.keywords.has('foreign_key'))) {
      throw new CannotApply(`${site.where} has no foreign key to set onupdate on`);
    }
    if (site.kind === 'field') {
      // A Field key is always NO ACTION on update: already so, or not sayable there.
      if (onUpdate === 'NO ACTION') return file.source;
      throw new CannotApply(
        `${site.where}: SQLModel's Field(foreign_key=...) has no onupdate; declare the key with sa_column=Column(ForeignKey(..., onupdate=...)) by hand`,
      );
    }
    const edits = actionEdits(file.source, site, 'onupdate', onUpdate);
    return edits.length === 0 ? file.source : applyEdits(file.source, edits);
  });
}
