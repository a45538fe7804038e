// Text edits against the original source. Offsets are UTF-16 code units, as tree-sitter reports them for a
// JS string, so every byte outside an edit is carried over untouched.

import type { Node } from '../../src/lang/python.ts';

export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** Applies non-overlapping edits, given in any order, against the original offsets. */
export function applyEdits(source: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = source;
  let limit = Infinity;
  for (const e of sorted) {
    if (e.end > limit) throw new Error('internal error: overlapping edits');
    out = out.slice(0, e.start) + e.text + out.slice(e.end);
    limit = e.start;
  }
  return out;
}

export function lineStart(source: string, offset: number): number {
  return source.lastIndexOf('\n', offset - 1) + 1;
}

/** Where the line containing `offset` ends, before its `\n` or `\r\n`. */
export function lineEnd(source: string, offset: number): number {
  const i = source.indexOf('\n', offset);
  if (i < 0) return source.length;
  return i > offset && source[i - 1] === '\r' ? i - 1 : i;
}

/** Where the line after the one containing `offset` starts (the end of the text on the last line). */
export function nextLineStart(source: string, offset: number): number {
  const i = source.indexOf('\n', offset);
  return i < 0 ? source.length : i + 1;
}

/** The file's own line break, so inserted lines match the ones around them. */
export function newline(source: string): string {
  return source.includes('\r\n') ? '\r\n' : '\n';
}

/** True when only whitespace precedes the node on its line. */
export function startsLine(source: string, node: Node): boolean {
  return source.slice(lineStart(source, node.startIndex), node.startIndex).trim() === '';
}

/** The whitespace that begins the line containing `offset`. */
export function indentAt(source: string, offset: number): string {
  const start = lineStart(source, offset);
  return /^[ \t]*/.exec(source.slice(start))![0];
}
