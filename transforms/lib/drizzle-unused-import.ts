// Removing the import of a name a fix stopped using: `users` in `import { users } from "./auth"` once the
// only `() => users.id` points elsewhere. Only imports are removed, never a declaration of the file's own.

import type { Identifier, ImportDeclaration, ImportSpecifier, MemberExpression, Node, ObjectProperty } from './drizzle-ast.ts';
import { is } from './drizzle-ast.ts';
import { applyEdits, type Edit, removeListElement } from './drizzle-edits.ts';
import { type ParsedSource, breakLength, lineEnd, lineStart, spansLines } from './drizzle-source.ts';

/**
 * Identifiers that are not references to a variable: property names after a dot or in a type's `a.B`, keys
 * of `{ name: … }`, and the import specifiers themselves. Any other identifier counts as a use, so an import
 * is only removed when it is certainly unused (a shadowing local keeps it; that is the safe mistake).
 */
export function nonReferences(parsed: ParsedSource): Set<Node> {
  const out = new Set<Node>();
  for (const m of parsed.nodesOfType<MemberExpression>('MemberExpression')) if (!m.computed) out.add(m.property);
  for (const q of parsed.nodesOfType<Node & { right: Node }>('TSQualifiedName')) out.add(q.right);
  for (const p of parsed.nodesOfType<ObjectProperty>('ObjectProperty')) {
    if (!p.computed && !(p as ObjectProperty & { shorthand?: boolean }).shorthand) out.add(p.key);
  }
  for (const d of parsed.nodesOfType<ImportDeclaration>('ImportDeclaration')) {
    for (const s of d.specifiers) {
      out.add((s as Node & { local: Node }).local);
      if (is<ImportSpecifier>(s, 'ImportSpecifier')) out.add(s.imported);
    }
  }
  return out;
}

export interface ImportedName {
  decl: ImportDeclaration;
  spec: Node;
}

/**
 * The import binding `name`, when no code outside `replaced` (the text a fix rewrites) refers to it. Only a
 * value import, unless `types` is set: then a type-only one too (`import type { Payload }`, `{ type Meta }`),
 * which a removed `.$type<Payload>()` may have been the last user of and `noUnusedLocals` would reject.
 */
export function unusedImport(
  parsed: ParsedSource,
  name: string,
  replaced: { start: number; end: number } = { start: 0, end: 0 },
  { types = false }: { types?: boolean } = {},
): ImportedName | undefined {
  const local = (sp: Node) => (sp as Node & { local: Identifier }).local.name;
  const decl = parsed.program.body.find(
    (s): s is ImportDeclaration =>
      is<ImportDeclaration>(s, 'ImportDeclaration') && (types || s.importKind !== 'type') && s.specifiers.some((sp) => local(sp) === name),
  );
  const spec = decl?.specifiers.find((sp) => local(sp) === name);
  if (!decl || !spec || (!types && (spec as ImportSpecifier).importKind === 'type')) return undefined;
  const skip = nonReferences(parsed);
  const used = parsed
    .nodesOfType<Identifier>('Identifier')
    .some((id) => id.name === name && !skip.has(id) && !(parsed.start(id) >= replaced.start && parsed.end(id) <= replaced.end));
  return used ? undefined : { decl, spec };
}

/** Edits removing one imported name, and the whole declaration (with its line) when it was the only one. */
export function removeImport(parsed: ParsedSource, { decl, spec }: ImportedName): Edit[] {
  const { source } = parsed;
  const specs = decl.specifiers;
  if (specs.length === 1) {
    // The whole declaration, with its line when it has the line to itself.
    let start = parsed.start(decl);
    let end = parsed.end(decl);
    // Never before a byte-order mark: it belongs to the file, not to its first line.
    const ls = Math.max(lineStart(source, start), source.charCodeAt(0) === 0xfeff ? 1 : 0);
    const le = lineEnd(source, end);
    if (/^[ \t]*$/.test(source.slice(ls, start)) && /^[ \t]*$/.test(source.slice(end, le))) {
      start = ls;
      end = le + breakLength(source, le);
    }
    return [{ start, end, text: '' }];
  }
  const named = specs.filter((s): s is ImportSpecifier => is<ImportSpecifier>(s, 'ImportSpecifier'));
  if (!is<ImportSpecifier>(spec, 'ImportSpecifier')) {
    // `import users, { x }` or `import users, * as ns`: the default goes with its comma.
    const next = specs[1]!;
    const brace = named.length > 0 ? source.lastIndexOf('{', parsed.start(next)) : parsed.start(next);
    return [{ start: parsed.start(spec), end: brace, text: '' }];
  }
  if (named.length === 1) {
    // `import d, { users }`: the braces go with the comma after the default.
    const close = source.indexOf('}', parsed.end(spec));
    return [{ start: parsed.end(specs[0]!), end: close + 1, text: '' }];
  }
  const first = named[0]!;
  const multiline = spansLines(source, source.lastIndexOf('{', parsed.start(first)), parsed.start(first));
  return removeListElement(parsed, named, named.indexOf(spec), multiline);
}

/**
 * `text` with the imports of `names` (what a removed piece of code referred to) taken out where nothing refers to
 * them any more, type-only ones included. Each is worked out again on the previous result, so several names of
 * one import statement go one after another without their edits colliding. `widen` may grow an edit that
 * removes whole lines (to take a blank line left alone with it).
 */
export function removeImportsLeftUnused(
  text: string,
  names: Iterable<string>,
  parse: (text: string) => ParsedSource,
  widen: (text: string, edit: Edit) => Edit = (_, edit) => edit,
): string {
  const candidates = [...new Set(names)];
  for (;;) {
    const parsed = parse(text);
    const stale = candidates.map((name) => unusedImport(parsed, name, undefined, { types: true })).find((s) => s !== undefined);
    if (!stale) return text;
    text = applyEdits(text, removeImport(parsed, stale).map((e) => widen(text, e)));
  }
}
