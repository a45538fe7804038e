// Python source is read as a concrete syntax tree (tree-sitter), never imported or run: the user's models may
// need a database, secrets or packages we do not have, and a transform must see comments and layout to
// splice text without touching anything else.
//
// Offsets: web-tree-sitter parses a JS string as UTF-16 and reports `startIndex`/`endIndex` in UTF-16 code
// units, the same unit as `Span` offsets and `String.prototype.slice`, so no conversion is needed. The tests
// pin this down with non-ASCII text (é, emoji) before the nodes read and edited.

import { createRequire } from 'node:module';
import { Language, Parser } from 'web-tree-sitter';
import type { Node, Tree } from 'web-tree-sitter';
import { LineIndex } from '../model/span.ts';

export type { Node, Tree };

export interface PythonParser {
  /** Parses a whole file. The caller owns the tree; `tree.delete()` frees its WebAssembly memory. */
  parse(text: string): Tree;
}

let loading: Promise<PythonParser> | undefined;

/** Initialises tree-sitter and the Python grammar once per process. */
export function loadPython(): Promise<PythonParser> {
  loading ??= init().catch((err: unknown) => {
    // Let a later call retry instead of caching the failure forever.
    loading = undefined;
    throw err;
  });
  return loading;
}

async function init(): Promise<PythonParser> {
  await Parser.init();
  const wasm = createRequire(import.meta.url).resolve('tree-sitter-python/tree-sitter-python.wasm');
  const language = await Language.load(wasm);
  const parser = new Parser();
  parser.setLanguage(language);
  return {
    parse(text) {
      const tree = parser.parse(text);
      // Only a cancelled parse (timeout, progress callback) yields null, and we set neither.
      if (!tree) throw new Error('tree-sitter returned no tree for a Python file');
      return tree;
    },
  };
}

/** Children without the nulls web-tree-sitter's typings allow for. */
export function childrenOf(node: Node): Node[] {
  return node.children.filter((c): c is Node => c !== null);
}

export function namedChildrenOf(node: Node): Node[] {
  return node.namedChildren.filter((c): c is Node => c !== null);
}

export interface SyntaxErrorInfo {
  message: string;
  /** 1-based, the column in UTF-16 code units like `Span.column`. */
  line: number;
  column: number;
  offset: number;
}

/** The first ERROR or MISSING node in document order, or undefined for a clean parse. */
export function firstSyntaxError(tree: Tree, text: string): SyntaxErrorInfo | undefined {
  if (!tree.rootNode.hasError) return undefined;
  // hasError without an ERROR/MISSING descendant should not happen; still report something placed.
  const bad = findErrorNode(tree.rootNode) ?? tree.rootNode;
  const { at, message } = describeError(bad);
  const { line, column } = new LineIndex(text).position(at);
  return { message, line, column, offset: at };
}

function findErrorNode(node: Node): Node | undefined {
  if (node.isError || node.isMissing) return node;
  for (const child of childrenOf(node)) {
    if (!child.hasError && !child.isMissing) continue;
    const found = findErrorNode(child);
    if (found) return found;
  }
  return undefined;
}

const CLOSING: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

function describeError(node: Node): { at: number; message: string } {
  if (node.isMissing) return { at: node.startIndex, message: `syntax error: missing ${JSON.stringify(node.type)}` };
  // An unclosed bracket makes tree-sitter wrap the whole statement in ERROR; pointing at the bracket, as
  // Python does, tells the user what to fix.
  const open: Node[] = [];
  for (const child of childrenOf(node)) {
    if (child.type in CLOSING) open.push(child);
    else if (open.length > 0 && child.type === CLOSING[open[open.length - 1]!.type]) open.pop();
  }
  if (open[0]) return { at: open[0].startIndex, message: `syntax error: '${open[0].type}' was never closed` };
  const firstLine = node.text.split('\n', 1)[0]!.trim();
  const shown = firstLine.length > 40 ? `${firstLine.slice(0, 40)}…` : firstLine;
  return { at: node.startIndex, message: shown ? `syntax error near ${JSON.stringify(shown)}` : 'syntax error' };
}
