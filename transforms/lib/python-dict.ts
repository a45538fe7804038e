// Adding and removing one `key: value` pair of a dict literal (`sa_column_kwargs={…}`) in the layout it has:
// one line, or one pair per line with or without a trailing comma, comments staying where they are.

import { childrenOf, namedChildrenOf } from '../../src/lang/python.ts';
import type { Node } from '../../src/lang/python.ts';
import { indentAt, lineEnd, lineStart, newline, nextLineStart, startsLine } from './python-edits.ts';
import type { Edit } from './python-edits.ts';

export function dictPairs(dict: Node): Node[] {
  return namedChildrenOf(dict).filter((n) => n.type !== 'comment');
}

function commaAfter(dict: Node, item: Node): Node | undefined {
  const children = childrenOf(dict);
  for (let i = children.findIndex((c) => c.id === item.id) + 1; i < children.length; i++) {
    const c = children[i]!;
    if (c.type === ',') return c;
    if (c.type !== 'comment') return undefined;
  }
  return undefined;
}

/** Edits adding the pair `text` (`"server_default": text("now()")`) at the end of the dict. */
export function appendPair(source: string, dict: Node, text: string): Edit[] {
  const pairs = dictPairs(dict);
  const last = pairs.at(-1);
  if (!last) {
    const open = dict.child(0)!;
    return [{ start: open.endIndex, end: open.endIndex, text }];
  }
  const comma = commaAfter(dict, last);
  const close = dict.child(dict.childCount - 1)!;
  if (close.startPosition.row > (comma ?? last).endPosition.row && startsLine(source, last)) {
    // One pair per line: a line of its own after any comment ending the last pair's line.
    const eol = lineEnd(source, (comma ?? last).endIndex);
    const edits: Edit[] = [{ start: eol, end: eol, text: `${newline(source)}${indentAt(source, last.startIndex)}${text}${comma ? ',' : ''}` }];
    if (!comma) edits.push({ start: last.endIndex, end: last.endIndex, text: ',' });
    return edits;
  }
  return [{ start: last.endIndex, end: last.endIndex, text: `, ${text}` }];
}

/** Edits removing one pair of a dict that keeps at least one other, with its separator. */
export function removePair(source: string, dict: Node, pair: Node): Edit[] {
  const pairs = dictPairs(dict);
  const index = pairs.findIndex((p) => p.id === pair.id);
  const prev = pairs[index - 1];
  const next = pairs[index + 1];
  const comma = commaAfter(dict, pair);
  const afterComma = comma ? comma.endIndex : pair.endIndex;
  const rest = source.slice(afterComma, lineEnd(source, afterComma));
  if (startsLine(source, pair) && /^[ \t]*(#.*)?$/.test(rest)) {
    const edits: Edit[] = [{ start: lineStart(source, pair.startIndex), end: nextLineStart(source, afterComma), text: '' }];
    if (!next && !comma && prev) {
      // It was last without a trailing comma: the pair before it must not keep one.
      const prevComma = commaAfter(dict, prev);
      if (prevComma) edits.push({ start: prevComma.startIndex, end: prevComma.endIndex, text: '' });
    }
    return edits;
  }
  if (next && next.startPosition.row === pair.endPosition.row) return [{ start: pair.startIndex, end: next.startIndex, text: '' }];
  if (prev) return [{ start: prev.endIndex, end: pair.endIndex, text: '' }];
  throw new Error('internal error: removing the only pair of a dict');
}
