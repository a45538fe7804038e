// Writing Python string literals: replacing a literal's value in place, keeping its prefix and quotes, or
// creating one in the quote style the surrounding code already uses.

import type { Node } from '../../src/lang/python.ts';
import { stringContentRange } from '../../src/sources/sqlmodel/cst.ts';
import type { Edit } from './python-edits.ts';

/** An edit replacing the literal's value; throws for f-strings and concatenations we will not rewrite. */
export function replaceStringValue(literal: Node, value: string): Edit {
  const range = stringContentRange(literal);
  const start = literal.child(0);
  if (!range || !start || /[fFbB]/.test(start.text)) {
    throw new Error(`${literal.text} is not a plain string literal; edit it by hand`);
  }
  const quote = start.text.replace(/^[a-zA-Z]+/, '');
  const raw = /[rR]/.test(start.text);
  if (raw && (value.includes(quote[0]!) || value.endsWith('\\'))) {
    throw new Error(`cannot write ${JSON.stringify(value)} into the raw string ${literal.text}`);
  }
  return { ...range, text: raw ? value : escape(value, quote) };
}

/** A new literal, in the quote character the node's first string literal uses (double quotes by default). */
export function stringLiteral(value: string, styleFrom?: Node): string {
  const sample = styleFrom?.descendantsOfType('string_start')[0]?.text.replace(/^[a-zA-Z]+/, '');
  const quote = sample === "'" ? "'" : '"';
  return `${quote}${escape(value, quote)}${quote}`;
}

function escape(value: string, quote: string): string {
  let out = value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
  // A single-character quote must be escaped; inside a triple-quoted literal only a run of three would end it.
  if (quote.length === 1) out = out.split(quote).join(`\\${quote}`);
  else out = out.split(quote).join(`\\${quote[0]}${quote.slice(1)}`);
  return out;
}
