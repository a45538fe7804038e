/**
 * Points a Drizzle foreign key at another column: in `.references(() => users.id, …)` only `users.id` is
 * replaced (or the matching `foreignColumns` element of a `foreignKey({...})`), and the new table is
 * imported when it is not in scope. Text is spliced at node offsets, so every other byte is kept.
 *
 * Options: table, column (SQL names of the referencing column), target (`user_credits.user_id`, SQL
 * names), targetBinding? (`userCredits.userId`, else found from pgTable calls in the file), importFrom?
 * (module to import the target table from when it is not declared or imported here).
 *
 * Runs under the jscodeshift CLI as is:
 *   npx jscodeshift -t transforms/drizzle-fk-target.ts --parser=ts \
 *     --table=credit_transactions --column=user_id --target=user_credits.user_id schema.ts
 * jscodeshift loads transforms through @babel/register (its default `--babel`), which compiles this file
 * and the `.ts` files it imports to CommonJS; `import type` is erased, so "type": "module" is no obstacle.
 */
import type { API, FileInfo, Options } from 'jscodeshift';
import { type Identifier, type ImportSpecifier, type Node, accessPath, is } from './lib/drizzle-ast.ts';
import { type Edit, applyEdits, replaceNode } from './lib/drizzle-edits.ts';
import { CannotApply } from './lib/cannot-apply.ts';
import { findColumn, findTable, locateForeignKey } from './lib/drizzle-find.ts';
import { addNamedImport, localImportName, topLevelNames } from './lib/drizzle-imports.ts';
import { columnRefOption, optionalString, requiredString } from './lib/drizzle-options.ts';
import { type ParsedSource, parseSource, quote, quoteStyle } from './lib/drizzle-source.ts';
import { removeImport, unusedImport } from './lib/drizzle-unused-import.ts';

const NAME = 'drizzle-fk-target';

export const parser = 'ts';

export default function transformer(file: FileInfo, api: API, options: Options): string {
  const table = requiredString(options, 'table', NAME);
  const column = requiredString(options, 'column', NAME);
  const target = columnRefOption(options, 'target', NAME);
  const importFrom = optionalString(options, 'importFrom');
  const parsed = parseSource(file, api);
  const { fk } = locateForeignKey(parsed, table, column);

  let binding = optionalString(options, 'targetBinding') ?? bindingInFile(parsed, target);
  if (!/^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*|\[("[^"]*"|'[^']*')\])+$/.test(binding)) {
    throw new Error(`${NAME}: targetBinding must look like table.column; got ${JSON.stringify(binding)}`);
  }
  if (fk.kind === 'foreignKey' && binding.includes('[')) {
    // The Drizzle reader takes a foreignColumns element only as `table.column`; it would drop this key.
    throw new CannotApply(`${binding} in foreignColumns would not be read back; rename the column's key or edit it by hand`);
  }
  const edits: Edit[] = [];
  let root = /^[A-Za-z_$][\w$]*/.exec(binding)![0];
  let needsImport = !topLevelNames(parsed).has(root);
  if (needsImport && !importFrom) {
    throw new Error(`${root} is neither declared nor imported in this file; pass --importFrom to import it`);
  }
  const alias = needsImport ? localImportName(parsed, importFrom!, root) : undefined;
  if (alias) {
    binding = alias + binding.slice(root.length);
    root = alias;
    needsImport = false;
  }
  // The old target's import, if this reference was its last use: removed, so imports stay exact.
  const oldRoot = accessPath(fk.target)?.[0];
  const replaced = { start: parsed.start(fk.target), end: parsed.end(fk.target) };
  const stale = oldRoot !== undefined && oldRoot !== root ? unusedImport(parsed, oldRoot, replaced) : undefined;
  let staleHandled = false;
  if (needsImport) {
    if (stale && stale.decl.source.value === importFrom && isPlainSpecifier(stale.spec)) {
      // Same module: `{ users }` becomes `{ userCredits }` in place rather than one name out, one in.
      edits.push(replaceNode(parsed, stale.spec, root));
      staleHandled = true;
    } else {
      const added = addNamedImport(parsed, importFrom!, root);
      const declEnd = stale && stale.decl.specifiers.length === 1 ? parsed.end(stale.decl) : undefined;
      if (added.length === 1 && added[0]!.start === declEnd && added[0]!.end === declEnd) {
        // The new import line would follow the one going away: it takes that line's place instead.
        edits.push({ start: parsed.start(stale!.decl), end: declEnd, text: added[0]!.text.replace(/^\r?\n/, '') });
        staleHandled = true;
      } else {
        edits.push(...added);
        // A declaration the new name was just added to stays, even if the old name was all it imported.
        staleHandled = stale !== undefined && stale.decl.source.value === importFrom && stale.decl.specifiers.length === 1;
      }
    }
  }
  if (stale && !staleHandled) edits.push(...removeImport(parsed, stale));
  if (edits.length === 0 && parsed.text(fk.target) === binding) return file.source;
  edits.push(replaceNode(parsed, fk.target, binding));
  return applyEdits(file.source, edits);
}

/** `{ users }`, not `{ users as u }` nor a default or namespace import. */
function isPlainSpecifier(spec: Node): boolean {
  return is<ImportSpecifier>(spec, 'ImportSpecifier') && is<Identifier>(spec.imported, 'Identifier') && spec.imported.name === spec.local.name;
}

/** `userCredits.userId` for `user_credits.user_id`, from the pgTable calls of this file. */
function bindingInFile(parsed: ParsedSource, target: { table: string; column: string }): string {
  const table = findTable(parsed, target.table);
  const column = table && findColumn(table, target.column);
  if (!table?.variable || !column) {
    throw new Error(
      `cannot find ${target.table}.${target.column} declared in this file; pass --targetBinding (like userCredits.userId)`,
    );
  }
  return /^[A-Za-z_$][\w$]*$/.test(column.key)
    ? `${table.variable}.${column.key}`
    : `${table.variable}[${quote(column.key, quoteStyle(parsed))}]`;
}
