// Removing the import of a name a fix stopped using: `users` in `import { users } from "./auth"` once the
// only `() => users.id` points elsewhere. Only imports are removed, never a declaration of the file's own.

import type { Identifier, ImportDeclaration, ImportSpecifier, MemberExpression, Node, ObjectProperty } from './drizzle-ast.ts';
import { is } from './drizzle-ast.ts';
import { type Edit, removeListElement } from './drizzle-edits.ts';
import { type ParsedSource, breakLength, lineEnd, lineStart, spansLines } from './drizzle-source.ts';

/**
 * Identifiers that are not references to a variable: property names after a dot, keys of `{ name: … }`,
 * and the import specifiers themselves. Any other identifier counts as a use, so an import is only removed
 * when it is certainly unused (a shadowing local keeps it; that is the safe mistake).
 */
function nonReferences(parsed: ParsedSource): Set<Node> {
  const out = new Set<Node>();
  for (const m of parsed.nodesOfType<MemberExpression>('MemberExpression')) if (!m.computed) out.add(m.property);
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

/** The value import binding `name`, when no code outside `replaced` (the text a fix rewrites) refers to it. */
export function unusedImport(parsed: ParsedSource, name: string, replaced: { start: number; end: number }): ImportedName | undefined {
  const local = (sp: Node) => (sp as Node & { local: Identifier }).local.name;
  const decl = parsed.program.body.find(
    (s): s is ImportDeclaration =>
      is<ImportDeclaration>(s, 'ImportDeclaration') && s.importKind !== 'type' && s.specifiers.some((sp) => local(sp) === name),
  );
  const spec = decl?.specifiers.find((sp) => local(sp) === name);
  if (!decl || !spec || (spec as ImportSpecifier).importKind === 'type') return undefined;
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
