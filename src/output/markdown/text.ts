// Markdown building blocks shared by the report's sections.

import path from 'node:path';
import { LineIndex } from '../../model/span.ts';
import type { Span } from '../../model/schema.ts';

/** Inline code that survives backticks in the value. */
export function code(text: string): string {
  const fence = text.includes('`') ? '``' : '`';
  return `${fence}${text}${fence}`;
}

export function fenced(language: string, lines: readonly string[]): string[] {
  const fence = lines.some((l) => l.includes('```')) ? '````' : '```';
  return [`${fence}${language}`, ...lines, fence];
}

/** `table | cells` with `|` escaped, as GitHub renders tables. */
export function row(cells: readonly string[]): string {
  return `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
}

/**
 * A line range as a relative link GitHub resolves in a rendered file: `[schema.ts:113-115](…#L113-L115)`,
 * named by the file's base name, or by its whole path with `fullPath`.
 */
export function lineLink(file: string, line: number, endLine = line, fullPath = false): string {
  const lines = endLine > line ? `${line}-${endLine}` : `${line}`;
  const anchor = endLine > line ? `#L${line}-L${endLine}` : `#L${line}`;
  return `[${fullPath ? file : path.posix.basename(file)}:${lines}](${encodeURI(file)}${anchor})`;
}

export function languageOf(file: string): string {
  if (/\.py$/.test(file)) return 'python';
  if (/\.[cm]?tsx?$/.test(file)) return 'typescript';
  return '';
}

/** Strips the indentation every non-blank line shares, so a snippet reads as it would on its own. */
export function dedent(lines: readonly string[], by = commonIndent(lines)): string[] {
  return lines.map((l) => l.slice(Math.min(by, l.length - l.trimStart().length)));
}

export function commonIndent(lines: readonly string[]): number {
  const indents = lines.filter((l) => l.trim()).map((l) => l.length - l.trimStart().length);
  return indents.length ? Math.min(...indents) : 0;
}

/**
 * The text of the files spans point into, read once each, to turn a span's offsets into a line range.
 * Spans carry only their start line; the end line needs the text.
 */
export class SourceTexts {
  private readonly indexes = new Map<string, { text: string; index: LineIndex }>();

  constructor(private readonly read: (file: string) => string) {}

  private get(file: string) {
    let got = this.indexes.get(file);
    if (!got) {
      const text = this.read(file);
      got = { text, index: new LineIndex(text) };
      this.indexes.set(file, got);
    }
    return got;
  }

  /** 1-based first and last line of a span (the last is the line of its last character). */
  lines(span: Span): { line: number; endLine: number } {
    const { index } = this.get(span.file);
    return { line: span.line, endLine: index.position(Math.max(span.start, span.end - 1)).line };
  }

  link(span: Span): string {
    const { line, endLine } = this.lines(span);
    return lineLink(span.file, line, endLine);
  }
}
