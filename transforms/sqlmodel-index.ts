// Gives a single Python column a plain index, or takes it away, through its own `index=` keyword: SQLModel's
// `Field(...)` (or its `sa_column=Column(...)`), a declarative class's `mapped_column(...)` or `Column(...)`.
// SQLAlchemy names it `ix_<table>_<column>` (or by the metadata's naming convention). With `unique=True` the
// keyword makes a unique index instead, which is not the plain index asked for: refused.
//
// Several columns (`columns: "a,b"` instead of `column`) are a table-level `Index("name", "a", "b")` in the
// class's `__table_args__` or a further argument of `Table(...)` (transforms/lib/python-table-args.ts); removing
// takes out a plain `Index` over exactly those columns in that order, refusing one over them written with more
// (keywords such as `postgresql_using`/`postgresql_where`, expressions).
//
// Options: table, column or columns (SQL names; columns comma-separated), attribute (the Python attribute, when
// it differs; one column only), index (`true` | `false`), name (the index's name; several columns only, needed
// to add).

import { CannotApply } from './lib/cannot-apply.ts';
import { applyEdits } from './lib/python-edits.ts';
import { type ConstraintSpec, type Item, editTableConstraint, mentionsAll } from './lib/python-table-args.ts';
import { flagValue, locateFlagSite, setFlag } from './lib/python-column-flag.ts';
import { withPythonTree } from './lib/python-transform.ts';
import type { PythonApi, PythonFileInfo } from './lib/python-transform.ts';

export const language = 'python';

export interface SqlModelIndexOptions {
  table: string;
  column?: string;
  columns?: string;
  name?: string;
  attribute?: string;
  index: boolean | 'true' | 'false';
}

export default function transformer(file: PythonFileInfo, api: PythonApi, options: SqlModelIndexOptions): string {
  const { table, column } = options;
  if (!table || (!column && !options.columns)) throw new Error('sqlmodel-index needs the options table and column');
  if (![true, false, 'true', 'false'].includes(options.index)) {
    throw new Error(`sqlmodel-index: index must be true or false; got ${JSON.stringify(options.index)}`);
  }
  const index = options.index === true || options.index === 'true';
  if (options.columns) return severalColumns(file, api, options, options.columns.split(','), index);
  if (!column) throw new Error('sqlmodel-index needs the options table and column');
  return withPythonTree(file, api, (root) => {
    const site = locateFlagSite(root, table, column, options.attribute || column);
    if (flagValue(site, 'unique')) {
      throw new CannotApply(`${site.where} says unique=True, so index=True there is a unique index; declare the plain index by hand`);
    }
    const edits = setFlag(root, file.source, site, 'index', index);
    return edits.length === 0 ? file.source : applyEdits(file.source, edits);
  });
}

/** `Index("name", "a", "b")` added or removed: see the header. */
function severalColumns(file: PythonFileInfo, api: PythonApi, options: SqlModelIndexOptions, columns: string[], index: boolean): string {
  const { table, name } = options;
  if (index && !name) throw new Error('sqlmodel-index: an Index over several columns needs the option name');
  const unique = (i: Item) => i.keywords.get('unique')?.type === 'true';
  const spec: ConstraintSpec = {
    builder: 'Index',
    label: 'index',
    render: (callee, str) => `${callee}(${str(name!)}, ${columns.map(str).join(', ')})`,
    matches: (i) =>
      i.builder === 'Index' &&
      i.name !== undefined &&
      i.columns?.join() === columns.join() &&
      [...i.keywords].every(([k, v]) => k === 'unique' && v.type === 'false'),
    near: (i) =>
      i.builder === 'Index' && !unique(i) && mentionsAll(i, columns) && (i.columns === undefined || (i.columns.join() === columns.join() && [...i.keywords.keys()].some((k) => k !== 'unique'))),
  };
  return editTableConstraint(file, api, table, columns, index, spec);
}
