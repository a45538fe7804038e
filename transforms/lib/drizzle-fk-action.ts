// Setting the ON DELETE or ON UPDATE action of a Drizzle foreign key: the `onDelete`/`onUpdate` property of
// `.references(…, {…})`, or the `.onDelete(…)`/`.onUpdate(…)` call of a `foreignKey({...})`. NO ACTION,
// PostgreSQL's default, is written by removing the action (and an options object left empty). Text is spliced
// at node offsets, so every other byte is kept, and new text follows the file's quotes and the layout around it.

import type { API, FileInfo, Options } from 'jscodeshift';
import { drizzleActionText } from '../../src/sources/drizzle/fk-actions.ts';
import { type Node, type StringLiteral, findProperty, is, stringValue } from './drizzle-ast.ts';
import { insertChainCall } from './drizzle-chain.ts';
import {
  type Edit,
  appendProperty,
  applyEdits,
  insertArgumentAfter,
  removeArgument,
  removeProperty,
  replaceNode,
} from './drizzle-edits.ts';
import { type FkSite, locateForeignKey } from './drizzle-find.ts';
import { fkActionOption, requiredString } from './drizzle-options.ts';
import { type ParsedSource, parseSource, quote, quoteStyle } from './drizzle-source.ts';

export type ActionClause = 'onDelete' | 'onUpdate';

/** A jscodeshift transform for one clause; options: table, column (SQL names) and the clause's action. */
export function fkActionTransform(clause: ActionClause, name: string) {
  return function transformer(file: FileInfo, api: API, options: Options): string {
    const table = requiredString(options, 'table', name);
    const column = requiredString(options, 'column', name);
    const action = fkActionOption(options, clause, name);
    const parsed = parseSource(file, api);
    const { fk, column: site } = locateForeignKey(parsed, table, column);
    // NO ACTION is what PostgreSQL does when nothing is said, so it is written by saying nothing.
    const value = action === 'NO ACTION' ? undefined : drizzleActionText(action);
    const edits =
      fk.kind === 'references'
        ? referencesEdits(parsed, clause, fk, value, site.chain.root.arguments[0])
        : foreignKeyEdits(parsed, clause, fk, value);
    return edits.length === 0 ? file.source : applyEdits(file.source, edits);
  };
}

function referencesEdits(
  parsed: ParsedSource,
  clause: ActionClause,
  fk: Extract<FkSite, { kind: 'references' }>,
  value: string | undefined,
  nameLiteral: Node | undefined,
): Edit[] {
  const { actions } = fk;
  const args = fk.ref.call.arguments;
  const prop = actions && findProperty(actions, clause);
  if (value === undefined) {
    if (!actions || !prop) return [];
    return actions.properties.length === 1 ? removeArgument(parsed, args, 1) : removeProperty(parsed, actions, prop);
  }
  const q = nearbyQuote(parsed, [prop?.value, ...(actions?.properties ?? []).map((p) => (p as Node & { value?: Node }).value), nameLiteral]);
  if (prop) return stringValue(prop.value) === value ? [] : [replaceNode(parsed, prop.value, quote(value, q))];
  if (actions) return appendProperty(parsed, actions, `${clause}: ${quote(value, q)}`);
  return insertArgumentAfter(parsed, args[0]!, `{ ${clause}: ${quote(value, q)} }`);
}

function foreignKeyEdits(
  parsed: ParsedSource,
  clause: ActionClause,
  fk: Extract<FkSite, { kind: 'foreignKey' }>,
  value: string | undefined,
): Edit[] {
  const existing = fk.chain.calls.find((c) => c.name === clause);
  if (value === undefined) {
    // From the end of what it is called on: removes `.onDelete(…)` with the line break before it.
    return existing ? [{ start: parsed.end(existing.member.object), end: parsed.end(existing.call), text: '' }] : [];
  }
  const q = nearbyQuote(parsed, [existing?.call.arguments[0], ...fk.chain.calls.map((c) => c.call.arguments[0]), fk.target]);
  if (existing) {
    const arg = existing.call.arguments[0];
    if (stringValue(arg) === value) return [];
    if (!arg) throw new Error(`.${clause}() has no argument`);
    return [replaceNode(parsed, arg, quote(value, q))];
  }
  // Drizzle's own order, and drizzle-kit's: `.onDelete(…)` right after the builder, `.onUpdate(…)` after it.
  const onDelete = clause === 'onUpdate' ? fk.chain.calls.find((c) => c.name === 'onDelete') : undefined;
  return [insertChainCall(parsed, fk.chain, onDelete?.call ?? fk.chain.root, `.${clause}(${quote(value, q)})`)];
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
