// Makes a single Python column unique or not through its own `unique=` keyword: SQLModel's `Field(...)` (or
// its `sa_column=Column(...)`), a declarative class's `mapped_column(...)` or `Column(...)`. A column that also
// says `index=True` is one unique index in SQLAlchemy; without `unique=True` it would be a plain index the
// truth may not have, so that `index=True` goes too unless `keepIndex` says the truth indexes the column.
//
// Options: table, column (SQL names), attribute (the Python attribute, when it differs), unique (`true` |
// `false`), keepIndex (`true` | `false`, removal only).

import { applyEdits } from './lib/python-edits.ts';
import { flagValue, locateFlagSite, setFlag } from './lib/python-column-flag.ts';
import { withPythonTree } from './lib/python-transform.ts';
import type { PythonApi, PythonFileInfo } from './lib/python-transform.ts';

export const language = 'python';

export interface SqlModelUniqueOptions {
  table: string;
  column: string;
  attribute?: string;
  unique: boolean | 'true' | 'false';
  keepIndex?: boolean | 'true' | 'false';
}

export default function transformer(file: PythonFileInfo, api: PythonApi, options: SqlModelUniqueOptions): string {
  const { table, column } = options;
  if (!table || !column) throw new Error('sqlmodel-unique needs the options table and column');
  if (![true, false, 'true', 'false'].includes(options.unique)) {
    throw new Error(`sqlmodel-unique: unique must be true or false; got ${JSON.stringify(options.unique)}`);
  }
  const unique = options.unique === true || options.unique === 'true';
  const keepIndex = options.keepIndex === true || options.keepIndex === 'true';
  const edit = (source: string, flag: string, value: boolean) =>
    withPythonTree({ path: file.path, source }, api, (root) => {
      const site = locateFlagSite(root, table, column, options.attribute || column);
      const edits = setFlag(root, source, site, flag, value);
      return { text: edits.length === 0 ? source : applyEdits(source, edits), indexed: flagValue(site, 'index') };
    });
  const first = edit(file.source, 'unique', unique);
  // The index keyword goes in a second pass: removed together, `unique=True, index=True` would share a separator.
  if (unique || first.text === file.source || keepIndex || !first.indexed) return first.text;
  return edit(first.text, 'index', false).text;
}
