// Setting the ON DELETE or ON UPDATE action of a SQLAlchemy `ForeignKey(…)`/`ForeignKeyConstraint(…)`: its
// `ondelete=`/`onupdate=` keyword replaced, added after the target (ON DELETE before ON UPDATE, as Drizzle
// and drizzle-kit order them) or removed for NO ACTION, which is what SQLAlchemy emits when nothing is said.

import type { Node } from '../../src/lang/python.ts';
import type { FkAction } from '../../src/model/schema.ts';
import { keywordArgs, stringValue } from '../../src/sources/sqlmodel/cst.ts';
import { fkAction } from '../../src/sources/sqlmodel/defaults.ts';
import { insertArgument, removeArgument } from './python-arguments.ts';
import type { Edit } from './python-edits.ts';
import type { FkCallSite } from './python-fk-site.ts';
import { replaceStringValue, stringLiteral } from './python-strings.ts';

export type ActionKeyword = 'ondelete' | 'onupdate';

export function actionEdits(source: string, site: FkCallSite, keyword: ActionKeyword, action: FkAction): Edit[] {
  const { call } = site;
  const keywords = new Map(keywordArgs(call).map((k) => [k.name, k]));
  const existing = keywords.get(keyword);
  if (action === 'NO ACTION') return existing ? removeArgument(source, call, existing.node) : [];
  // A target written as `User.id` has no string to copy the quote from; the class body has.
  const quoteFrom = call.descendantsOfType('string_start').length > 0 ? call : site.cls.node;
  if (existing) {
    if (fkAction(existing.value) === action) return [];
    return stringValue(existing.value) !== undefined
      ? [replaceStringValue(existing.value, action)]
      : [{ start: existing.value.startIndex, end: existing.value.endIndex, text: stringLiteral(action, quoteFrom) }];
  }
  const after: Node = (keyword === 'onupdate' && keywords.get('ondelete')?.node) || site.anchor;
  return insertArgument(source, call, `${keyword}=${stringLiteral(action, quoteFrom)}`, after);
}
