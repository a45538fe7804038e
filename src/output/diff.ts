import { createTwoFilesPatch } from 'diff';

/** A git-style unified diff of one file (`--- a/path`, `+++ b/path`), empty when nothing changed. */
export function unifiedDiff(file: string, before: string, after: string): string {
  if (before === after) return '';
  const patch = createTwoFilesPatch(`a/${file}`, `b/${file}`, before, after, '', '', { context: 3 });
  // `diff` starts with an `Index:`/`====` header that git does not print.
  return patch.slice(patch.indexOf('--- '));
}
