// Adding and removing a method call in a builder chain (`text("id").notNull().references(…)`) in the layout
// the chain already has: on the same line, or one call per line at the chain's indentation.

import { type Chain, type ChainCall, type MemberExpression, type Node, is, unwrap } from './drizzle-ast.ts';
import type { Edit } from './drizzle-edits.ts';
import { type ParsedSource, breakLength, eol, indentAt, lineEnd, lineStart } from './drizzle-source.ts';

/** Offset of the `.` of `.name(…)`: the last dot before the property name. */
function dotOffset(parsed: ParsedSource, member: MemberExpression): number {
  return parsed.source.lastIndexOf('.', parsed.start(member.property));
}

/** Whether only whitespace precedes `offset` on its line. */
function startsLine(source: string, offset: number): boolean {
  return /^[ \t]*$/.test(source.slice(lineStart(source, offset), offset));
}

/**
 * Inserts `text` (`.notNull()`) right after `after` (the builder call or one of the chain's calls). In a chain
 * written one call per line the new call gets a line of its own, indented like the call it goes before (or,
 * at the end of the chain, like the call it follows).
 */
export function insertChainCall(parsed: ParsedSource, chain: Chain, after: Node, text: string): Edit {
  const { source } = parsed;
  const at = parsed.end(after);
  const index = after === chain.root ? -1 : chain.calls.findIndex((c) => c.call === after);
  const rootCallee = unwrap(chain.root.callee);
  // The call after the insertion point, else the one before it: `t\n  .varchar()` counts as a call too.
  const neighbour =
    chain.calls[index + 1]?.member ??
    (index >= 0 ? chain.calls[index]!.member : is<MemberExpression>(rootCallee, 'MemberExpression') ? rootCallee : undefined);
  const dot = neighbour && dotOffset(parsed, neighbour);
  return dot !== undefined && startsLine(source, dot)
    ? { start: at, end: at, text: `${eol(source)}${indentAt(source, dot)}${text}` }
    : { start: at, end: at, text };
}

/**
 * Removes `.name(…)` from its chain as if it had never been written. A call standing alone on its line takes
 * the line with it (and a comment after it, which was about it); a call followed by `,` on its line goes with
 * the line break before it, so the `,` joins the previous line; a call followed by the next call leaves that
 * call in its place.
 */
export function removeChainCall(parsed: ParsedSource, call: ChainCall): Edit {
  const { source } = parsed;
  const dot = dotOffset(parsed, call.member);
  const end = parsed.end(call.call);
  const objectEnd = parsed.end(call.member.object);
  const restOfLine = source.slice(end, lineEnd(source, end));
  if (startsLine(source, dot) && /^[ \t]*(\/\/.*)?$/.test(restOfLine)) {
    const from = lineStart(source, dot);
    const to = lineEnd(source, end);
    return { start: from, end: to + breakLength(source, to), text: '' };
  }
  // The next call continues this line: it keeps the line, in the removed call's place.
  if (startsLine(source, dot) && /^[ \t]*\./.test(restOfLine)) return { start: dot, end, text: '' };
  // Between the object and the dot there may be a comment about the object: it stays, only the call goes.
  if (/^\s*$/.test(source.slice(objectEnd, dot))) return { start: objectEnd, end, text: '' };
  return { start: dot, end, text: '' };
}
