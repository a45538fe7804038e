// Setting or clearing a boolean keyword of a Python column (`unique=`, `index=`, `primary_key=`) wherever
// the reader reads it: SQLModel's `Field(...)`, its `sa_column=Column(...)`, or a declarative class's
// `mapped_column(...)`/`Column(...)`. Only literal `True`/`False` are edited; anything computed is refused.

import type { Node } from '../../src/lang/python.ts';
import { readAnnotation } from '../../src/sources/sqlmodel/annotation.ts';
import { calleeName, keywordArgs } from '../../src/sources/sqlmodel/cst.ts';
import type { KeywordArg } from '../../src/sources/sqlmodel/cst.ts';
import { CannotApply } from './cannot-apply.ts';
import { insertArgument, removeArgument } from './python-arguments.ts';
import type { Edit } from './python-edits.ts';
import { isImported } from './python-imports.ts';
import { locateColumn, locateMappedColumn } from './python-locate.ts';

/** The call whose keywords declare the column, or a SQLModel attribute with no `Field(...)` yet. */
export type FlagSite =
  | { kind: 'call'; where: string; call: Node; keywords: Map<string, KeywordArg>; nullableByDefault: boolean }
  | { kind: 'bare'; where: string; annotation: Node; value?: Node };

function keywordsOf(call: Node): Map<string, KeywordArg> {
  return new Map(keywordArgs(call).map((k) => [k.name, k]));
}

/**
 * Where `table.column` is declared; `attribute` is the Python name of a SQLModel field named unlike its
 * column. `nullableByDefault` says whether the column is nullable once it is no primary key, unless `nullable=`
 * says otherwise: SQLModel and `Mapped[...]` go by the annotation, a `Column(...)` without one is nullable.
 */
export function locateFlagSite(root: Node, table: string, column: string, attribute = column): FlagSite {
  try {
    const located = locateColumn(root, table, attribute);
    const where = `${located.cls.name}.${located.attr.name}`;
    const optional = located.attr.annotation ? readAnnotation(located.attr.annotation).optional : true;
    const sa = located.keywords.get('sa_column');
    if (sa) {
      if (calleeName(sa.value) !== 'Column') throw new CannotApply(`${where}: sa_column is not a Column(...) call; edit it by hand`);
      return { kind: 'call', where, call: sa.value, keywords: keywordsOf(sa.value), nullableByDefault: true };
    }
    if (located.call) return { kind: 'call', where, call: located.call, keywords: located.keywords, nullableByDefault: optional };
    if (!located.attr.annotation) throw new CannotApply(`${where} has no annotation to give a Field(...)`);
    return { kind: 'bare', where, annotation: located.attr.annotation, ...(located.attr.value && { value: located.attr.value }) };
  } catch (error) {
    const mapped = locateMappedColumn(root, table, column);
    if (!mapped) throw error;
    const where = `${mapped.cls.name}.${mapped.attr.name}`;
    if (!mapped.call) throw new CannotApply(`${where} is a bare Mapped[...] annotation; give it a mapped_column(...) by hand`);
    const nullableByDefault = mapped.mapped ? readAnnotation(mapped.mapped).optional : true;
    return { kind: 'call', where, call: mapped.call, keywords: keywordsOf(mapped.call), nullableByDefault };
  }
}

/** Whether the site says `flag=True` (a literal), refusing a value that is neither `True` nor `False`. */
export function flagValue(site: FlagSite, flag: string): boolean {
  if (site.kind === 'bare') return false;
  const arg = site.keywords.get(flag);
  if (!arg) return false;
  if (arg.value.type !== 'true' && arg.value.type !== 'false') {
    throw new CannotApply(`${site.where}: ${flag}=${arg.value.text} is not True or False; edit it by hand`);
  }
  return arg.value.type === 'true';
}

/**
 * Edits making `flag=True` hold or not. Set: an explicit `False` becomes `True`, else the keyword is added (a
 * bare field gets `Field(...)`, keeping a plain default as the Field's default). Cleared: `flag=True` goes, so
 * the call reads as if it had never said it.
 */
export function setFlag(root: Node, source: string, site: FlagSite, flag: string, value: boolean): Edit[] {
  const current = flagValue(site, flag);
  if (current === value) return [];
  if (site.kind === 'bare') {
    if (!isImported(root, 'Field')) throw new CannotApply(`${site.where}: Field is not imported here; add ${flag}=True by hand`);
    const text = `${flag}=True`;
    if (site.value) return [{ start: site.value.startIndex, end: site.value.endIndex, text: `Field(default=${site.value.text}, ${text})` }];
    return [{ start: site.annotation.endIndex, end: site.annotation.endIndex, text: ` = Field(${text})` }];
  }
  const arg = site.keywords.get(flag);
  if (value) {
    return arg ? [{ start: arg.value.startIndex, end: arg.value.endIndex, text: 'True' }] : insertArgument(source, site.call, `${flag}=True`);
  }
  return removeArgument(source, site.call, arg!.node);
}
