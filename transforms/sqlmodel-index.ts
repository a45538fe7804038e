// Gives a single Python column a plain index, or takes it away, through its own `index=` keyword: SQLModel's
// `Field(...)` (or its `sa_column=Column(...)`), a declarative class's `mapped_column(...)` or `Column(...)`.
// SQLAlchemy names it `ix_<table>_<column>` (or by the metadata's naming convention). With `unique=True` the
// keyword makes a unique index instead, which is not the plain index asked for: refused.
//
// Options: table, column (SQL names), attribute (the Python attribute, when it differs), index (`true` | `false`).

import { CannotApply } from './lib/cannot-apply.ts';
import { applyEdits } from './lib/python-edits.ts';
import { flagValue, locateFlagSite, setFlag } from './lib/python-column-flag.ts';
import { withPythonTree } from './lib/python-transform.ts';
import type { PythonApi, PythonFileInfo } from './lib/python-transform.ts';

export const language = 'python';

export interface SqlModelIndexOptions {
  table: string;
  column: string;
  attribute?: string;
  index: boolean | 'true' | 'false';
}

export default function transformer(file: PythonFileInfo, api: PythonApi, options: SqlModelIndexOptions): string {
  const { table, column } = options;
  if (!table || !column) throw new Error('sqlmodel-index needs the options table and column');
  if (![true, false, 'true', 'false'].includes(options.index)) {
    throw new Error(`sqlmodel-index: index must be true or false; got ${JSON.stringify(options.index)}`);
  }
  const index = options.index === true || options.index === 'true';
  return withPythonTree(file, api, (root) => {
    const site = locateFlagSite(root, table, column, options.attribute || column);
    if (flagValue(site, 'unique')) {
      throw new CannotApply(`${site.where} says unique=True, so index=True there is a unique index; declare the plain index by hand`);
    }
    const edits = setFlag(root, file.source, site, 'index', index);
    return edits.length === 0 ? file.source : applyEdits(file.source, edits);
  });
}
