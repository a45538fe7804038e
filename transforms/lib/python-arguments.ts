// Adding and removing keyword arguments of a call the way a person editing it would: in the layout the call
// already has (one line, one argument per line, trailing comma or not), leaving comments where they are.

import { childrenOf, namedChildrenOf } from '../../src/lang/python.ts';
import type { Node } from '../../src/lang/python.ts';
import { indentAt, lineEnd, lineStart, newline, nextLineStart, startsLine } from './python-edits.ts';
import type { Edit } from './python-edits.ts';

interface ArgList {
  list: Node;
  /** Arguments (positional and keyword), without comments. */
  args: Node[];
}

function argList(call: Node): ArgList {
  const list = call.childForFieldName('arguments');
  if (!list || list.type !== 'argument_list') throw new Error(`${call.text.slice(0, 40)} is not a plain call`);
  return { list, args: namedChildrenOf(list).filter((n) => n.type !== 'comment') };
}

/** The `,` token right after an argument, if any. */
function commaAfter(list: Node, arg: Node): Node | undefined {
  const children = childrenOf(list);
  for (let i = children.findIndex((c) => c.id === arg.id) + 1; i < children.length; i++) {
    const c = children[i]!;
    if (c.type === ',') return c;
    if (c.type !== 'comment') return undefined;
  }
  return undefined;
}

/**
 * Edits inserting `text` (a whole argument such as `ondelete="CASCADE"`) after the argument `after`, or after
 * the last argument when it is not given.
 */
export function insertArgument(source: string, call: Node, text: string, after?: Node): Edit[] {
  const { list, args } = argList(call);
  const anchor = after ?? args[args.length - 1];
  if (!anchor) {
    const open = list.child(0)!;
    return [{ start: open.endIndex, end: open.endIndex, text }];
  }
  const next = args[args.indexOf(args.find((a) => a.id === anchor.id)!) + 1];
  if (next) {
    if (next.startPosition.row > anchor.endPosition.row && startsLine(source, next)) {
      // One argument per line: the new one gets its own line, in the next argument's place.
      return [{ start: next.startIndex, end: next.startIndex, text: `${text},${newline(source)}${indentAt(source, next.startIndex)}` }];
    }
    return [{ start: anchor.endIndex, end: anchor.endIndex, text: `, ${text}` }];
  }
  const close = list.child(list.childCount - 1)!;
  const comma = commaAfter(list, anchor);
  if (close.startPosition.row > (comma ?? anchor).endPosition.row) {
    // The closing parenthesis has its own line: append a line, after any comment ending the anchor's line.
    const eol = lineEnd(source, (comma ?? anchor).endIndex);
    const line = `${newline(source)}${indentAt(source, anchor.startIndex)}${text}${comma ? ',' : ''}`;
    const edits: Edit[] = [{ start: eol, end: eol, text: line }];
    if (!comma) edits.push({ start: anchor.endIndex, end: anchor.endIndex, text: ',' });
    return edits;
  }
  return [{ start: anchor.endIndex, end: anchor.endIndex, text: `, ${text}` }];
}

/** Edits removing one argument with its separator, so the call reads as if it had never been written. */
export function removeArgument(source: string, call: Node, arg: Node): Edit[] {
  const { list, args } = argList(call);
  const index = args.findIndex((a) => a.id === arg.id);
  if (index < 0) throw new Error('internal error: argument not in call');
  const prev = args[index - 1];
  const next = args[index + 1];
  const comma = commaAfter(list, arg);
  const ownLine = startsLine(source, arg);
  const afterComma = comma ? comma.endIndex : arg.endIndex;
  const rest = source.slice(afterComma, lineEnd(source, afterComma));
  // The rest of the line is blank or a comment about this argument: the line belongs to it alone.
  const endsLine = /^[ \t]*(#.*)?$/.test(rest);

  if (ownLine && endsLine) {
    const edits: Edit[] = [{ start: lineStart(source, arg.startIndex), end: nextLineStart(source, afterComma), text: '' }];
    if (!next && !comma && prev) {
      // The removed argument was last with no trailing comma; the one before it must not gain one.
      const prevComma = commaAfter(list, prev);
      if (prevComma) edits.push({ start: prevComma.startIndex, end: prevComma.endIndex, text: '' });
    }
    return edits;
  }
  if (next && next.startPosition.row === arg.endPosition.row) {
    // `a, ARG, b` → `a, b`: the argument goes with the separator that follows it.
    return [{ start: arg.startIndex, end: next.startIndex, text: '' }];
  }
  if (prev) {
    // Last on its line after other arguments: take the separator before it, keep any comma after it.
    return [{ start: prev.endIndex, end: arg.endIndex, text: '' }];
  }
  const end = endsLine ? afterComma + rest.length : afterComma + rest.length - rest.trimStart().length;
  return [{ start: arg.startIndex, end, text: '' }];
}
