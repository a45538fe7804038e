import type { Node, ObjectExpression } from './drizzle-ast.ts';
import { type ParsedSource, breakLength, eol, indentAt, lineEnd, lineStart, spansLines } from './drizzle-source.ts';

/** Replace `source.slice(start, end)` with `text`. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/**
 * Applies non-overlapping edits; every byte outside them is kept as it was. Insertions at the same
 * offset land in the order they are listed.
 */
export function applyEdits(source: string, edits: Edit[]): string {
  const sorted = edits
    .map((edit, index) => ({ ...edit, index }))
    .sort((a, b) => b.start - a.start || b.index - a.index);
  let out = source;
  let limit = Infinity;
  for (const edit of sorted) {
    if (edit.end > limit) throw new Error('internal error: overlapping edits');
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
    limit = edit.start;
  }
  return out;
}

export function replaceNode(parsed: ParsedSource, node: Node, text: string): Edit {
  return { start: parsed.start(node), end: parsed.end(node), text };
}

/** Whether `{ … }` is written across lines, the first property on a line of its own. */
function isMultiline(parsed: ParsedSource, obj: ObjectExpression): boolean {
  const first = obj.properties[0];
  return !!first && spansLines(parsed.source, parsed.start(obj), parsed.start(first));
}

/** After a node: whitespace, an optional comma, then optionally a comment, up to the end of the line. */
const REST_OF_LINE = /^[ \t]*(,)?[ \t]*(\/\/.*|\/\*.*?\*\/[ \t]*)?$/;

/** Removes one property of an object that keeps at least one other. */
export function removeProperty(parsed: ParsedSource, obj: ObjectExpression, prop: Node): Edit[] {
  return removeListItem(parsed, obj.properties, obj.properties.indexOf(prop), isMultiline(parsed, obj));
}

/** Appends `text` (a property like `onDelete: "cascade"`) to an object literal in its layout. */
export function appendProperty(parsed: ParsedSource, obj: ObjectExpression, text: string): Edit[] {
  const last = obj.properties[obj.properties.length - 1];
  if (!last) return [{ start: parsed.start(obj), end: parsed.end(obj), text: `{ ${text} }` }];
  return appendListItem(parsed, last, text, isMultiline(parsed, obj));
}

/**
 * Adds `text` after `last`, the final item of a comma-separated list (object properties, import
 * specifiers): `, text` on one line, or a line of its own indented like `last` in a list written one
 * item per line, keeping a trailing comma if the list has one.
 */
export function appendListItem(parsed: ParsedSource, last: Node, text: string, multiline: boolean): Edit[] {
  const { source } = parsed;
  const end = parsed.end(last);
  if (!multiline) return [{ start: end, end, text: `, ${text}` }];
  const indent = indentAt(source, parsed.start(last));
  const restEnd = lineEnd(source, end);
  const rest = REST_OF_LINE.exec(source.slice(end, restEnd));
  if (!rest) {
    // Something else follows on the same line (`a: 1 }`): keep it there, add ours before it.
    return [{ start: end, end, text: `,${eol(source)}${indent}${text}` }];
  }
  // Insert at the end of the line so a trailing comment stays with the item it is about.
  const hasComma = rest[1] !== undefined;
  const edits: Edit[] = [];
  if (!hasComma) edits.push({ start: end, end, text: ',' });
  edits.push({ start: restEnd, end: restEnd, text: `${eol(source)}${indent}${text}${hasComma ? ',' : ''}` });
  return edits;
}

/** Removes argument `index` (not the first) of a call, with the comma that separated it. */
export function removeArgument(parsed: ParsedSource, args: Node[], index: number): Edit[] {
  return removeListItem(parsed, args, index, onOwnLine(parsed, args[index]!));
}

/** Removes item `index` of a list of several (object properties, import specifiers) in its layout. */
export function removeListElement(parsed: ParsedSource, items: Node[], index: number, multiline: boolean): Edit[] {
  return removeListItem(parsed, items, index, multiline);
}

/**
 * Removes item `index` of a comma-separated list. In a list written one item per line the item's lines
 * go, with the comment at their end; if it was the last item and the list had no trailing comma, the
 * comma before it goes too, so the list keeps its style. On one line, `, item` goes.
 */
function removeListItem(parsed: ParsedSource, items: Node[], index: number, multiline: boolean): Edit[] {
  const { source } = parsed;
  const item = items[index]!;
  const previous = items[index - 1];
  const next = items[index + 1];
  const start = parsed.start(item);
  const end = parsed.end(item);
  const afterEnd = lineEnd(source, end);
  const rest = REST_OF_LINE.exec(source.slice(end, afterEnd));
  if (multiline && rest && onOwnLine(parsed, item)) {
    const from = lineStart(source, start);
    const edits: Edit[] = [{ start: from, end: afterEnd + breakLength(source, afterEnd), text: '' }];
    if (!next && previous && rest[1] === undefined) {
      const comma = /^[ \t]*,/.exec(source.slice(parsed.end(previous), from));
      if (comma) edits.push({ start: parsed.end(previous) + comma[0].length - 1, end: parsed.end(previous) + comma[0].length, text: '' });
    }
    return edits;
  }
  if (next) return [{ start, end: parsed.start(next), text: '' }];
  if (!previous) throw new Error('internal error: removing the only item of a list');
  return [{ start: parsed.end(previous), end, text: '' }];
}

function onOwnLine(parsed: ParsedSource, node: Node): boolean {
  const start = parsed.start(node);
  return /^[ \t]*$/.test(parsed.source.slice(lineStart(parsed.source, start), start));
}

/** Adds an argument after `after`, on a line of its own when `after` is written on one. */
export function insertArgumentAfter(parsed: ParsedSource, after: Node, text: string): Edit[] {
  return appendListItem(parsed, after, text, onOwnLine(parsed, after));
}
