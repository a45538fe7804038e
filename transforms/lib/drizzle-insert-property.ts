// Inserting a property into an object literal after a given one (or first), in the object's layout: one
// property per line at the neighbours' indentation, keeping the trailing-comma habit, or `, key: value` inline.

import type { Node, ObjectExpression } from './drizzle-ast.ts';
import type { Edit } from './drizzle-edits.ts';
import { type ParsedSource, breakLength, eol, indentAt, lineEnd, lineStart, spansLines } from './drizzle-source.ts';

/** After a property: whitespace, an optional comma, then optionally a comment, up to the end of the line. */
const REST_OF_LINE = /^[ \t]*(,)?[ \t]*(\/\/.*|\/\*.*?\*\/[ \t]*)?$/;

function onOwnLine(parsed: ParsedSource, node: Node): boolean {
  const start = parsed.start(node);
  return /^[ \t]*$/.test(parsed.source.slice(lineStart(parsed.source, start), start));
}

/** Inserts `text` (`slug: varchar("slug")`) after `after`, or as the first property when it is undefined. */
export function insertProperty(parsed: ParsedSource, obj: ObjectExpression, after: Node | undefined, text: string): Edit[] {
  const { source } = parsed;
  const props = obj.properties;
  const first = props[0];
  if (!first) {
    const open = parsed.start(obj) + 1;
    return [{ start: open, end: parsed.end(obj) - 1, text: ` ${text} ` }];
  }
  const multiline = spansLines(source, parsed.start(obj), parsed.start(first)) && onOwnLine(parsed, first);
  if (!after) {
    if (!multiline) return [{ start: parsed.start(first), end: parsed.start(first), text: `${text}, ` }];
    // Right after the `{` line, so comments above the old first property stay with it.
    const braceLineEnd = lineEnd(source, parsed.start(obj));
    const at = braceLineEnd + breakLength(source, braceLineEnd);
    return [{ start: at, end: at, text: `${indentAt(source, parsed.start(first))}${text},${eol(source)}` }];
  }
  const end = parsed.end(after);
  const restEnd = lineEnd(source, end);
  const rest = REST_OF_LINE.exec(source.slice(end, restEnd));
  const isLast = props[props.length - 1] === after;
  const hasComma = rest?.[1] !== undefined;
  // Inline, or a layout we do not mimic (a comma leading the next line): `, text` right after the property.
  if (!multiline || !onOwnLine(parsed, after) || !rest || (!hasComma && !isLast)) return [{ start: end, end, text: `, ${text}` }];
  // Only the last property can lack its comma; the new one then ends the list without one, as it did.
  const trailing = !isLast || hasComma ? ',' : '';
  const edits: Edit[] = [];
  if (!hasComma) edits.push({ start: end, end, text: ',' });
  edits.push({ start: restEnd, end: restEnd, text: `${eol(source)}${indentAt(source, parsed.start(after))}${text}${trailing}` });
  return edits;
}
