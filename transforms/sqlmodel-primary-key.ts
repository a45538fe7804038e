// Moves a single-column primary key of a Python model to another column (or gives a model without one its
// key) through the columns' own `primary_key=` keywords. The column that stops being the key would turn
// nullable where its annotation (or a `Column(...)` without one) says so: unless `fromNullable` asks for
// that, its `primary_key=True` becomes `nullable=False` in place.
//
// Options: table, column (SQL names of the new key), attribute (its Python attribute, when it differs), from
// (the SQL name of the column that is the key now, if any), fromAttribute, fromNullable (`true` | `false`).

import { CannotApply } from './lib/cannot-apply.ts';
import { applyEdits } from './lib/python-edits.ts';
import type { Edit } from './lib/python-edits.ts';
import { flagValue, locateFlagSite, setFlag } from './lib/python-column-flag.ts';
import { withPythonTree } from './lib/python-transform.ts';
import type { PythonApi, PythonFileInfo } from './lib/python-transform.ts';

export const language = 'python';

export interface SqlModelPrimaryKeyOptions {
  table: string;
  column: string;
  attribute?: string;
  from?: string;
  fromAttribute?: string;
  fromNullable?: boolean | 'true' | 'false';
}

export default function transformer(file: PythonFileInfo, api: PythonApi, options: SqlModelPrimaryKeyOptions): string {
  const { table, column, from } = options;
  if (!table || !column) throw new Error('sqlmodel-primary-key needs the options table and column');
  const fromNullable = options.fromNullable === true || options.fromNullable === 'true';
  return withPythonTree(file, api, (root) => {
    const site = locateFlagSite(root, table, column, options.attribute || column);
    const edits: Edit[] = [];
    if (from && from !== column) {
      const old = locateFlagSite(root, table, from, options.fromAttribute || from);
      if (old.kind === 'bare' || !flagValue(old, 'primary_key')) {
        // Already moved (a second run), or the key is declared elsewhere (`PrimaryKeyConstraint`).
        if (!flagValue(site, 'primary_key')) throw new CannotApply(`${old.where} has no primary_key=True to move`);
      } else if (!fromNullable && old.nullableByDefault && !old.keywords.has('nullable')) {
        const arg = old.keywords.get('primary_key')!;
        edits.push({ start: arg.node.startIndex, end: arg.node.endIndex, text: 'nullable=False' });
      } else {
        edits.push(...setFlag(root, file.source, old, 'primary_key', false));
      }
    }
    edits.push(...setFlag(root, file.source, site, 'primary_key', true));
    return edits.length === 0 ? file.source : applyEdits(file.source, edits);
  });
}
