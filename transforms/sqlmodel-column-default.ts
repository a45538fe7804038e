// Sets, replaces or removes a Python column's database-side default: `"server_default"` in a SQLModel
// `Field(sa_column_kwargs={…})` (the keyword is created when absent, and goes when it held nothing else),
// `server_default=` in `sa_column=Column(…)` and in SQLAlchemy `mapped_column(…)`/`Column(…)`. A string
// constant is written as a plain string (SQLAlchemy quotes it), any other SQL as `text("…")`, imported the way
// the file imports SQLAlchemy. `default=`/`default_factory=` are the application's and are never touched.
//
// Options: table, column (SQL names), attribute (the Python attribute, when it is not named like the column,
// as in `team_size: int = Field(sa_column=Column("size", …))`), and either default (the SQL as PostgreSQL prints
// it: `0`, `now()`, `'active'::text`) or remove=true.

import type { Node } from '../src/lang/python.ts';
import { calleeName, keywordArgs, stringValue } from '../src/sources/sqlmodel/cst.ts';
import type { KeywordArg } from '../src/sources/sqlmodel/cst.ts';
import { CannotApply } from './lib/cannot-apply.ts';
import { insertArgument, removeArgument } from './lib/python-arguments.ts';
import { appendPair, dictPairs, removePair } from './lib/python-dict.ts';
import { applyEdits } from './lib/python-edits.ts';
import type { Edit } from './lib/python-edits.ts';
import { extendFromImport, isImported, removeUnusedImport } from './lib/python-imports.ts';
import { locateColumn, locateMappedColumn } from './lib/python-locate.ts';
import type { LocatedColumn, LocatedMappedColumn } from './lib/python-locate.ts';
import { declaresDefault, plainLiteral, quoteOf, serverDefaultValue } from './lib/python-server-default.ts';
import { TEXT_MODULES, sqlalchemyText } from './lib/python-sqlalchemy-text.ts';
import { withPythonTree } from './lib/python-transform.ts';
import type { PythonApi, PythonFileInfo } from './lib/python-transform.ts';

export const language = 'python';

export interface SqlModelColumnDefaultOptions {
  table: string;
  column: string;
  /** The Python attribute declaring the column, when its name differs from the column's. */
  attribute?: string;
  /** The SQL default as PostgreSQL prints it; absent when removing. */
  default?: string;
  remove?: boolean | 'true' | 'false';
}

/** What the edit needs: the default's Python text (with the imports it takes), or undefined to remove it. */
type Render = ((scope: Node) => { text: string; edits: Edit[] }) | undefined;

export default function transformer(file: PythonFileInfo, api: PythonApi, options: SqlModelColumnDefaultOptions): string {
  const { table, column } = options;
  if (!table || !column) throw new Error('sqlmodel-column-default needs the options table and column');
  const remove = options.remove === true || options.remove === 'true';
  const wanted = options.default === '' ? undefined : options.default;
  if ((wanted === undefined) === !remove) throw new Error('sqlmodel-column-default: give either default=<sql> or remove=true');
  const value = wanted === undefined ? undefined : serverDefaultValue(wanted);
  return withPythonTree(file, api, (root) => {
    const source = file.source;
    const located = locate(root, table, column, options.attribute || column);
    const render: Render =
      value &&
      ((near) => {
        const q = quoteOf(near);
        if (value.kind === 'string') return { text: plainLiteral(value.value, q), edits: [] };
        const text = sqlalchemyText(root, source, located.cls.node);
        return { text: `${text.callee}(${plainLiteral(value.sql, q)})`, edits: text.edits };
      });
    const edits =
      'keywords' in located
        ? fieldEdits(root, source, located, wanted, render)
        : located.call
          ? keywordEdits(root, source, located.call, wanted, render)
          : bareMapped(located, render);
    return edits.length === 0 ? source : applyEdits(source, edits);
  });
}

function locate(root: Node, table: string, column: string, attribute: string): LocatedColumn | LocatedMappedColumn {
  try {
    return locateColumn(root, table, attribute);
  } catch (error) {
    // Not a SQLModel table here: maybe a SQLAlchemy declarative class.
    const mapped = locateMappedColumn(root, table, column);
    if (!mapped) throw new CannotApply((error as Error).message);
    return mapped;
  }
}

function bareMapped({ cls, attr }: LocatedMappedColumn, render: Render): Edit[] {
  if (!render) return [];
  throw new CannotApply(`${cls.name}.${attr.name} is a bare Mapped[...] annotation; give it a mapped_column(server_default=...) by hand`);
}

/** `server_default=` of a `Column(...)`/`mapped_column(...)` call. */
function keywordEdits(root: Node, source: string, call: Node, wanted: string | undefined, render: Render): Edit[] {
  const existing = keywordArgs(call).find((k) => k.name === 'server_default');
  const present = existing && existing.value.type !== 'none';
  if (!render) return existing ? [...removeArgument(source, call, existing.node), ...staleText(root, source, existing.value, existing.node)] : [];
  if (present && declaresDefault(existing.value, wanted!)) return [];
  const { text, edits } = render(call);
  if (existing) {
    return [...edits, { start: existing.value.startIndex, end: existing.value.endIndex, text }, ...staleText(root, source, existing.value, existing.value, text)];
  }
  return [...edits, ...insertArgument(source, call, `server_default=${text}`)];
}

function fieldEdits(root: Node, source: string, located: LocatedColumn, wanted: string | undefined, render: Render): Edit[] {
  const { cls, attr, call, keywords } = located;
  const where = `${cls.name}.${attr.name}`;
  const saColumn = keywords.get('sa_column');
  if (saColumn) {
    // SQLModel builds the column from sa_column alone; its server_default is the one that counts.
    if (calleeName(saColumn.value) !== 'Column') throw new CannotApply(`${where}: sa_column is not a Column(...) call; edit it by hand`);
    return keywordEdits(root, source, saColumn.value, wanted, render);
  }
  const kwargs = keywords.get('sa_column_kwargs');
  if (kwargs) return kwargsEdits(root, source, call!, kwargs, where, wanted, render);
  if (!render) return [];
  const { text, edits } = render(call ?? cls.node);
  const q = quoteOf(call ?? cls.node);
  const argument = `sa_column_kwargs={${plainLiteral('server_default', q)}: ${text}}`;
  if (call) return [...edits, ...insertArgument(source, call, argument)];
  if (!isImported(root, 'Field')) {
    const imported = extendFromImport(root, source, 'sqlmodel', 'Field');
    if (!imported) throw new CannotApply(`${where}: Field is not imported from sqlmodel here; edit it by hand`);
    edits.push(...imported);
  }
  // A plain default (`credits: int = 0`) stays the application's, as the Field's default.
  if (attr.value) return [...edits, { start: attr.value.startIndex, end: attr.value.endIndex, text: `Field(default=${attr.value.text}, ${argument})` }];
  const end = attr.annotation!.endIndex;
  return [...edits, { start: end, end, text: ` = Field(${argument})` }];
}

/** `"server_default"` in `sa_column_kwargs={…}`. */
function kwargsEdits(
  root: Node,
  source: string,
  call: Node,
  kwargs: KeywordArg,
  where: string,
  wanted: string | undefined,
  render: Render,
): Edit[] {
  const dict = kwargs.value;
  if (dict.type !== 'dictionary') throw new CannotApply(`${where}: sa_column_kwargs is not a dict literal; edit it by hand`);
  const pairs = dictPairs(dict);
  if (pairs.some((p) => p.type !== 'pair')) throw new CannotApply(`${where}: sa_column_kwargs unpacks another dict; edit it by hand`);
  const pair = pairs.find((p) => {
    const key = p.childForFieldName('key');
    return key !== null && stringValue(key) === 'server_default';
  });
  const current = pair?.childForFieldName('value');
  if (!render) {
    if (!pair) return [];
    const gone = pairs.length === 1 ? kwargs.node : pair;
    const edits = pairs.length === 1 ? removeArgument(source, call, kwargs.node) : removePair(source, dict, pair);
    return [...edits, ...staleText(root, source, current ?? undefined, gone)];
  }
  if (current && current.type !== 'none' && declaresDefault(current, wanted!)) return [];
  const { text, edits } = render(dict);
  if (current) return [...edits, { start: current.startIndex, end: current.endIndex, text }, ...staleText(root, source, current, current, text)];
  return [...edits, ...appendPair(source, dict, `${plainLiteral('server_default', quoteOf(dict.childCount > 2 ? dict : call))}: ${text}`)];
}

/** The `text` import, when the `text("…")` going away (within `gone`) was its last use and `replacement` needs none. */
function staleText(root: Node, source: string, old: Node | undefined, gone: Node, replacement?: string): Edit[] {
  if (old?.type !== 'call' || old.childForFieldName('function')?.text !== 'text' || replacement?.startsWith('text(')) return [];
  return removeUnusedImport(root, source, 'text', TEXT_MODULES, { start: gone.startIndex, end: gone.endIndex });
}
