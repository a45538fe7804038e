// What every Python transform does around its edit: parse, refuse a file that does not parse (its tree
// would not say where things are), free the tree afterwards.

import { firstSyntaxError } from '../../src/lang/python.ts';
import type { Node, PythonParser } from '../../src/lang/python.ts';

export interface PythonFileInfo {
  path: string;
  source: string;
}

export interface PythonApi {
  python: PythonParser;
}

export function withPythonTree<T>(file: PythonFileInfo, api: PythonApi, edit: (root: Node) => T): T {
  const tree = api.python.parse(file.source);
  try {
    const error = firstSyntaxError(tree, file.source);
    if (error) throw new Error(`cannot edit a file that does not parse: ${error.line}:${error.column}: ${error.message}`);
    return edit(tree.rootNode);
  } finally {
    tree.delete();
  }
}
