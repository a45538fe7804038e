// Makes a single Python column unique or not through its own `unique=` keyword: SQLModel's `Field(...)` (or
// its `sa_column=Column(...)`), a declarative class's `mapped_column(...)` or `Column(...)`. A column that also
// says `index=True` is one unique index in SQLAlchemy; without `unique=True` it would be a plain index the
// truth may not have, so that `index=True` goes too unless `keepIndex` says the truth indexes the column.
//
// Several columns (`columns: "a,b"` instead of `column`) are a table-level item (transforms/lib/python-table-args.ts):
// `UniqueConstraint("a", "b", name="…")` in the class's `__table_args__` or as a further argument of
// `Table(...)`, or `Index("name", "a", "b", unique=True)` with `form: "index"` (the truth's uniqueness is a unique
// index). Removing takes out a `UniqueConstraint` or unique `Index` over exactly those columns, in any order,
// refusing one written with more (other keywords, expressions).
//
// Options: table, column or columns (SQL names; columns comma-separated), attribute (the Python attribute,
// when it differs; one column only), unique (`true` | `false`), keepIndex (`true` | `false`, removal of one
// column only), name (the constraint's name; several columns only, needed with form `index`), form
// (`constraint` | `index`).

import { CannotApply } from './lib/cannot-apply.ts';
import { applyEdits } from './lib/python-edits.ts';
import { type ConstraintSpec, type Item, editTableConstraint, mentionsAll } from './lib/python-table-args.ts';
import { flagValue, locateFlagSite, setFlag } from './lib/python-column-flag.ts';
import { withPythonTree } from './lib/python-transform.ts';
import type { PythonApi, PythonFileInfo } from './lib/python-transform.ts';

export const language = 'python';

export interface SqlModelUniqueOptions {
  table: string;
  column?: string;
  columns?: string;
  name?: string;
  form?: 'constraint' | 'index';
  nullsNotDistinct?: boolean | 'true' | 'false';
  attribute?: string;
  unique: boolean | 'true' | 'false';
  keepIndex?: boolean | 'true' | 'false';
}

export default function transformer(file: PythonFileInfo, api: PythonApi, options: SqlModelUniqueOptions): string {
  const { table, column } = options;
  if (!table || (!column && !options.columns)) throw new Error('sqlmodel-unique needs the options table and column');
  if (![true, false, 'true', 'false'].includes(options.unique)) {
    throw new Error(`sqlmodel-unique: unique must be true or false; got ${JSON.stringify(options.unique)}`);
  }
  const unique = options.unique === true || options.unique === 'true';
  if (options.columns) return severalColumns(file, api, options, options.columns.split(','), unique);
  if (!column) throw new Error('sqlmodel-unique needs the options table and column');
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

/** `UniqueConstraint("a", "b")` (or a unique `Index`) added or removed: see the header. */
function severalColumns(file: PythonFileInfo, api: PythonApi, options: SqlModelUniqueOptions, columns: string[], unique: boolean): string {
  const { table, name } = options;
  const form = options.form ?? 'constraint';
  if (form !== 'constraint' && form !== 'index') throw new Error(`sqlmodel-unique: form must be constraint or index; got ${JSON.stringify(form)}`);
  if (form === 'index' && unique && !name) throw new Error('sqlmodel-unique: a unique Index needs the option name');
  if (options.nullsNotDistinct === true || options.nullsNotDistinct === 'true') {
    throw new CannotApply(`${table}(${columns.join(', ')}): NULLS NOT DISTINCT is not read from Python; edit it by hand`);
  }
  const sameSet = (i: Item) => i.columns !== undefined && i.columns.length === columns.length && [...i.columns].sort().join() === [...columns].sort().join();
  const isUniqueIndex = (i: Item) => i.builder === 'Index' && i.keywords.get('unique')?.type === 'true';
  const spec: ConstraintSpec = {
    builder: form === 'index' ? 'Index' : 'UniqueConstraint',
    label: 'unique',
    render: (callee, str) =>
      form === 'index'
        ? `${callee}(${str(name!)}, ${columns.map(str).join(', ')}, unique=True)`
        : `${callee}(${columns.map(str).join(', ')}${name !== undefined ? `, name=${str(name)}` : ''})`,
    matches: (i) =>
      sameSet(i) &&
      ((i.builder === 'UniqueConstraint' && [...i.keywords.keys()].every((k) => k === 'name')) ||
        (isUniqueIndex(i) && i.name !== undefined && [...i.keywords.keys()].every((k) => k === 'unique'))),
    near: (i) => (i.builder === 'UniqueConstraint' || isUniqueIndex(i)) && mentionsAll(i, columns) && (i.columns === undefined || sameSet(i)),
  };
  return editTableConstraint(file, api, table, columns, unique, spec);
}
