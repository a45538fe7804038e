import type { API, Collection, FileInfo } from 'jscodeshift';
import { type Node, type StringLiteral, is } from './drizzle-ast.ts';

/**
 * A parsed file and the way back from its nodes to offsets in `file.source`.
 *
 * Node `start`/`end` cannot be used for splicing: recast hands the parser a copy of the text with CRLF
 * turned into LF, a BOM dropped and leading tabs expanded, so offsets drift in exactly the files whose
 * bytes we must not disturb. Line numbers survive all of that, and with `tabWidth: 1` so do columns
 * (a tab becomes one space), so positions are mapped back through `loc` and the original line starts.
 */
export interface ParsedSource {
  source: string;
  program: Node & { body: Node[] };
  /** Every node of the file, in the order jscodeshift finds them. */
  nodesOfType<T extends Node>(type: T['type']): readonly T[];
  start(node: Node): number;
  end(node: Node): number;
  text(node: Node): string;
}

/**
 * The last tree parsed per jscodeshift API and parser. Transforms only read the tree (edits are text splices),
 * so a tree can serve every transform that is handed the same text: the first of several actions on a file,
 * an action that changed nothing, a tree parsed ahead of time while the sources were read (fix/run.ts).
 */
const lastParse = new WeakMap<object, Map<string, { source: string; root: Collection }>>();

function parseOnce(api: API, parser: 'ts' | 'tsx', source: string): { root: Collection; j: API['jscodeshift'] } {
  const j = api.jscodeshift.withParser(parser);
  let byParser = lastParse.get(api.jscodeshift);
  if (!byParser) lastParse.set(api.jscodeshift, (byParser = new Map()));
  const cached = byParser.get(parser);
  if (cached?.source === source) return { root: cached.root, j };
  // jscodeshift passes these options on to recast, though @types/jscodeshift does not declare them.
  const parse = j as unknown as (source: string, options: { tabWidth: number }) => Collection;
  const root = parse(source, { tabWidth: 1 });
  byParser.set(parser, { source, root });
  return { root, j };
}

export function parseSource(file: FileInfo, api: API): ParsedSource {
  const { root, j } = parseOnce(api, file.path.endsWith('.tsx') ? 'tsx' : 'ts', file.source);
  const source = file.source;
  const lineStarts = [0];
  for (const m of source.matchAll(/\r\n?|\n|\u2028|\u2029/g)) lineStarts.push(m.index + m[0].length);
  const bom = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  const offset = (pos: { line: number; column: number }) =>
    lineStarts[pos.line - 1]! + pos.column + (pos.line === 1 ? bom : 0);
  const locOf = (node: Node) => {
    if (!node.loc) throw new Error(`${node.type} has no location`);
    return node.loc;
  };
  const program = (root.get().node as { program: ParsedSource['program'] }).program;
  // Each find walks the whole tree; a transform asks for the same few types again and again.
  const found = new Map<string, Node[]>();
  return {
    source,
    program,
    nodesOfType: <T extends Node>(type: T['type']) => {
      let nodes = found.get(type);
      if (!nodes) found.set(type, (nodes = root.find(j[type as 'Node'] as never).nodes() as unknown as Node[]));
      return nodes as unknown as readonly T[];
    },
    start: (node) => offset(locOf(node).start),
    end: (node) => offset(locOf(node).end),
    text: (node) => source.slice(offset(locOf(node).start), offset(locOf(node).end)),
  };
}

/** The quote this file writes strings with: the majority of its string literals, double on a tie. */
export function quoteStyle(parsed: ParsedSource): '"' | "'" {
  let single = 0;
  let double = 0;
  for (const lit of parsed.nodesOfType<StringLiteral>('StringLiteral')) {
    const first = parsed.source[parsed.start(lit)];
    if (first === "'") single++;
    else if (first === '"') double++;
  }
  return single > double ? "'" : '"';
}

export function quote(value: string, q: '"' | "'"): string {
  return q + value.replaceAll('\\', '\\\\').replaceAll(q, `\\${q}`) + q;
}

export function eol(source: string): string {
  return /\r\n/.test(source) ? '\r\n' : '\n';
}

export function lineStart(source: string, offset: number): number {
  let i = offset;
  while (i > 0 && source[i - 1] !== '\n' && source[i - 1] !== '\r') i--;
  return i;
}

/** Offset of the line break ending the line `offset` is on (or the end of the text). */
export function lineEnd(source: string, offset: number): number {
  let i = offset;
  while (i < source.length && source[i] !== '\n' && source[i] !== '\r') i++;
  return i;
}

/** The whitespace a line starts with. */
export function indentAt(source: string, offset: number): string {
  const start = lineStart(source, offset);
  return /^[ \t]*/.exec(source.slice(start))![0];
}

export function spansLines(source: string, from: number, to: number): boolean {
  return /[\r\n]/.test(source.slice(from, to));
}

/** Length of the line break at `offset`, 0 when there is none. */
export function breakLength(source: string, offset: number): number {
  if (source.startsWith('\r\n', offset)) return 2;
  return source[offset] === '\n' || source[offset] === '\r' ? 1 : 0;
}
