/**
 * Sets the ON DELETE action of a Drizzle foreign key: the `onDelete` property of `.references(…, {…})`
 * or the `.onDelete(…)` of a `foreignKey({...})`. NO ACTION, PostgreSQL's default, is written by removing
 * the action (and an options object left empty). Text is spliced at node offsets, so every other byte is
 * kept, and new text follows the file's quotes and the surrounding layout.
 *
 * Options: table, column (SQL names of the referencing column), onDelete (NO ACTION | RESTRICT | CASCADE |
 * SET NULL | SET DEFAULT; Drizzle's lowercase spelling is accepted too).
 *
 * Runs under the jscodeshift CLI as is:
 *   npx jscodeshift -t transforms/drizzle-fk-on-delete.ts --parser=ts \
 *     --table=credit_transactions --column=user_id --onDelete="NO ACTION" schema.ts
 * jscodeshift loads transforms through @babel/register (its default `--babel`), which compiles this file
 * and the `.ts` files it imports to CommonJS; `import type` is erased, so "type": "module" is no obstacle.
 */
import type { API, FileInfo, Options } from 'jscodeshift';
import { drizzleActionText } from '../src/sources/drizzle/fk-actions.ts';
import { type Node, type StringLiteral, findProperty, is, stringValue } from './lib/drizzle-ast.ts';
import {
  type Edit,
  appendProperty,
  applyEdits,
  insertArgumentAfter,
  removeArgument,
  removeProperty,
  replaceNode,
} from './lib/drizzle-edits.ts';
import { type FkSite, locateForeignKey } from './lib/drizzle-find.ts';
import { fkActionOption, requiredString } from './lib/drizzle-options.ts';
import { type ParsedSource, eol, indentAt, parseSource, quote, quoteStyle, spansLines } from './lib/drizzle-source.ts';

const NAME = 'drizzle-fk-on-delete';

export const parser = 'ts';

export default function transformer(file: FileInfo, api: API, options: Options): string {
  const table = requiredString(options, 'table', NAME);
  const column = requiredString(options, 'column', NAME);
  const action = fkActionOption(options, 'onDelete', NAME);
  const parsed = parseSource(file, api);
  const { fk, column: site } = locateForeignKey(parsed, table, column);
  // NO ACTION is what PostgreSQL does when nothing is said, so it is written by saying nothing.
  const value = action === 'NO ACTION' ? undefined : drizzleActionText(action);
  const edits =
    fk.kind === 'references'
      ? referencesEdits(parsed, fk, value, site.chain.root.arguments[0])
      : foreignKeyEdits(parsed, fk, value);
  return edits.length === 0 ? file.source : applyEdits(file.source, edits);
}

function referencesEdits(
  parsed: ParsedSource,
  fk: Extract<FkSite, { kind: 'references' }>,
  value: string | undefined,
  nameLiteral: Node | undefined,
): Edit[] {
  const { actions } = fk;
  const args = fk.ref.call.arguments;
  const prop = actions && findProperty(actions, 'onDelete');
  if (value === undefined) {
    if (!actions || !prop) return [];
    return actions.properties.length === 1 ? removeArgument(parsed, args, 1) : removeProperty(parsed, actions, prop);
  }
  const q = nearbyQuote(parsed, [prop?.value, ...(actions?.properties ?? []).map((p) => (p as Node & { value?: Node }).value), nameLiteral]);
  if (prop) return stringValue(prop.value) === value ? [] : [replaceNode(parsed, prop.value, quote(value, q))];
  if (actions) return appendProperty(parsed, actions, `onDelete: ${quote(value, q)}`);
  return insertArgumentAfter(parsed, args[0]!, `{ onDelete: ${quote(value, q)} }`);
}

function foreignKeyEdits(parsed: ParsedSource, fk: Extract<FkSite, { kind: 'foreignKey' }>, value: string | undefined): Edit[] {
  const { source } = parsed;
  const onDelete = fk.chain.calls.find((c) => c.name === 'onDelete');
  if (value === undefined) {
    // From the end of what it is called on: removes `.onDelete(…)` with the line break before it.
    return onDelete ? [{ start: parsed.end(onDelete.member.object), end: parsed.end(onDelete.call), text: '' }] : [];
  }
  const q = nearbyQuote(parsed, [onDelete?.call.arguments[0], ...fk.chain.calls.map((c) => c.call.arguments[0]), fk.target]);
  if (onDelete) {
    const arg = onDelete.call.arguments[0];
    if (stringValue(arg) === value) return [];
    if (!arg) throw new Error('.onDelete() has no argument');
    return [replaceNode(parsed, arg, quote(value, q))];
  }
  const at = parsed.end(fk.chain.root);
  const next = fk.chain.calls[0];
  const dot = next && parsed.end(next.member.object);
  const onNewLine = next && spansLines(source, dot!, parsed.start(next.member.property));
  const text = onNewLine
    ? `${eol(source)}${indentAt(source, parsed.start(next.member.property))}.onDelete(${quote(value, q)})`
    : `.onDelete(${quote(value, q)})`;
  return [{ start: at, end: at, text }];
}

/** The quote of the first string literal among `nodes` (the code next to the edit), else the file's. */
function nearbyQuote(parsed: ParsedSource, nodes: (Node | null | undefined)[]): '"' | "'" {
  for (const node of nodes) {
    if (!is<StringLiteral>(node, 'StringLiteral')) continue;
    const q = parsed.source[parsed.start(node)];
    if (q === '"' || q === "'") return q;
  }
  return quoteStyle(parsed);
}
