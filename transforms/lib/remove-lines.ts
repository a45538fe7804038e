// Taking whole lines out of a file so that it reads as if they had never been written: a top-level
// declaration (with its comments) and one of the runs of blank lines around it. Shared by the transforms that
// remove a whole table, in TypeScript and in Python; line breaks may be `\n`, `\r\n` or (TypeScript) `\r`.

/** Where the line holding `offset` starts (never before a byte-order mark: it belongs to the file). */
export function startOfLine(source: string, offset: number): number {
  let i = offset;
  while (i > 0 && source[i - 1] !== '\n' && source[i - 1] !== '\r') i--;
  return i === 0 && source.charCodeAt(0) === 0xfeff ? 1 : i;
}

/** Where the line holding `offset` ends, before its line break (the end of the text on the last line). */
export function endOfLine(source: string, offset: number): number {
  let i = offset;
  while (i < source.length && source[i] !== '\n' && source[i] !== '\r') i++;
  return i;
}

/** Where the line after the one holding `offset` starts (the end of the text on the last line). */
export function startOfNextLine(source: string, offset: number): number {
  const end = endOfLine(source, offset);
  return end + (source.startsWith('\r\n', end) ? 2 : end < source.length ? 1 : 0);
}

/** Whether the line starting at `start` is empty or only spaces and tabs. */
function blankLine(source: string, start: number): boolean {
  return /^[ \t]*$/.test(source.slice(start, endOfLine(source, start)));
}

/** Where the line before the one starting at `start` starts, or undefined on the first line. */
function previousLineStart(source: string, start: number): number | undefined {
  const first = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (start <= first) return undefined;
  const breakStart = source.startsWith('\r\n', start - 2) ? start - 2 : start - 1;
  return startOfLine(source, breakStart);
}

/**
 * The text to delete to take out the lines from `start` (a line start) up to `end` (the start of the line
 * after them, or the end of the text), with one of the runs of blank lines around them: the shorter one (the
 * one after them on a tie), so what separated the code before from the code after stays as the file had it.
 * Blank lines before lines that end the file go with them, and the file keeps the final line break it had
 * (or had not); lines that begin the file take the blank lines after them.
 */
export function linesRemoval(source: string, start: number, end: number): { start: number; end: number } {
  let before = start;
  let blanksBefore = 0;
  for (let prev = previousLineStart(source, before); prev !== undefined && blankLine(source, prev); prev = previousLineStart(source, before)) {
    before = prev;
    blanksBefore++;
  }
  let after = end;
  let blanksAfter = 0;
  while (after < source.length && blankLine(source, after)) {
    after = startOfNextLine(source, after);
    blanksAfter++;
  }
  const first = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  const contentBefore = before > first;
  const contentAfter = after < source.length;
  if (!contentAfter) {
    if (!contentBefore || /[\r\n]$/.test(source)) return { start: before, end: source.length };
    // The file ended without a line break: so does the code now last.
    return { start: endOfLine(source, previousLineStart(source, before)!), end: source.length };
  }
  if (!contentBefore) return { start: before, end: after };
  return blanksBefore < blanksAfter ? { start: before, end } : { start, end: after };
}

/**
 * After deleting `removed`, whole lines standing between blank lines (or at the top of the file) that were a
 * group of their own (an import line above the others): the blank line after them goes too, so no two runs
 * of blank lines meet. Other removals are returned as they are.
 */
export function withGroupSeparator(source: string, removed: { start: number; end: number }): { start: number; end: number } {
  const wholeLines = removed.start === startOfLine(source, removed.start) && (removed.end === source.length || /[\r\n]$/.test(source.slice(0, removed.end)));
  if (!wholeLines || removed.end === source.length) return removed;
  const prev = previousLineStart(source, removed.start);
  const alone = prev === undefined || blankLine(source, prev);
  return alone && blankLine(source, removed.end) && removed.end < source.length
    ? { start: removed.start, end: startOfNextLine(source, removed.end) }
    : removed;
}
