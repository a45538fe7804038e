import type { ts } from 'ts-morph';
import { nodeText } from './node-text.ts';
import {
  isClassDeclaration,
  isExportDeclaration,
  isFunctionDeclaration,
  isIdentifier,
  isImportDeclaration,
  isNamedExports,
  isNamedImports,
  isNamespaceExport,
  isNamespaceImport,
  isStringLiteral,
  isVariableStatement,
  Kind,
} from './syntax-guards.ts';

/** How a local name was imported: `imported` is the exported name, `*` for a namespace, `default`. */
export interface ImportBinding {
  module: string;
  imported: string;
}

export const PG_CORE = 'drizzle-orm/pg-core';

/** `import type { x } from` (not `import { type x }`, which is decided per name). */
export function isTypeOnlyImport(decl: ts.ImportDeclaration): boolean {
  return decl.importClause?.phaseModifier === Kind.TypeKeyword;
}

/**
 * The module an import or export declaration names. The parser accepts any expression there (the string
 * rule is checked later by the compiler); load.ts rejects such files, so here it is always a string.
 */
export function moduleSpecifierOf(decl: ts.ImportDeclaration | ts.ExportDeclaration): string | undefined {
  const specifier = decl.moduleSpecifier;
  return specifier && isStringLiteral(specifier) ? specifier.text : undefined;
}

/** The name a specifier imports or exports: `a` of `a as b`, `"a b"` unquoted. */
function specifierName(spec: ts.ImportSpecifier | ts.ExportSpecifier, sf: ts.SourceFile): string {
  const name = spec.propertyName ?? spec.name;
  return isStringLiteral(name) ? name.text : nodeText(name, sf);
}

/** The `b` of `a as b`, as written. */
function specifierAlias(spec: ts.ImportSpecifier | ts.ExportSpecifier, sf: ts.SourceFile): string | undefined {
  return spec.propertyName ? nodeText(spec.name, sf) : undefined;
}

export function readImports(sourceFile: ts.SourceFile): Map<string, ImportBinding> {
  const bindings = new Map<string, ImportBinding>();
  for (const decl of sourceFile.statements) {
    if (!isImportDeclaration(decl) || isTypeOnlyImport(decl)) continue;
    const module = moduleSpecifierOf(decl);
    const clause = decl.importClause;
    if (module === undefined || !clause) continue;
    if (clause.name) bindings.set(nodeText(clause.name, sourceFile), { module, imported: 'default' });
    const named = clause.namedBindings;
    if (named && isNamespaceImport(named)) bindings.set(nodeText(named.name, sourceFile), { module, imported: '*' });
    if (named && isNamedImports(named)) {
      for (const spec of named.elements) {
        if (spec.isTypeOnly) continue;
        bindings.set(specifierAlias(spec, sourceFile) ?? specifierName(spec, sourceFile), { module, imported: specifierName(spec, sourceFile) });
      }
    }
  }
  return bindings;
}

export function readDeclaredNames(sourceFile: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  for (const statement of sourceFile.statements) {
    if (isVariableStatement(statement)) {
      for (const decl of statement.declarationList.declarations) {
        if (isIdentifier(decl.name)) names.add(nodeText(decl.name, sourceFile));
      }
    } else if (isFunctionDeclaration(statement) || isClassDeclaration(statement)) {
      const name = statement.name && nodeText(statement.name, sourceFile);
      if (name) names.add(name);
    }
  }
  return names;
}

function hasExportKeyword(statement: ts.VariableStatement): boolean {
  return statement.modifiers?.some((m) => m.kind === Kind.ExportKeyword) ?? false;
}

/** Exported name → local name, for `export const x` and `export { x as y }` (not re-exports from elsewhere). */
export function readExports(sourceFile: ts.SourceFile): Map<string, string> {
  const exports = new Map<string, string>();
  for (const statement of sourceFile.statements) {
    if (isVariableStatement(statement) && hasExportKeyword(statement)) {
      for (const decl of statement.declarationList.declarations) {
        if (isIdentifier(decl.name)) exports.set(nodeText(decl.name, sourceFile), nodeText(decl.name, sourceFile));
      }
    } else if (isExportDeclaration(statement) && !statement.moduleSpecifier && !statement.isTypeOnly) {
      for (const spec of namedExports(statement)) {
        const local = specifierName(spec, sourceFile);
        exports.set(specifierAlias(spec, sourceFile) ?? local, local);
      }
    }
  }
  return exports;
}

function namedExports(statement: ts.ExportDeclaration): readonly ts.ExportSpecifier[] {
  const clause = statement.exportClause;
  return clause && isNamedExports(clause) ? clause.elements : [];
}

/** `export * from "./x"` (names undefined) or `export { a as b } from "./x"` (exported → imported name). */
export interface ReExport {
  module: string;
  names?: Map<string, string>;
}

export function readReExports(sourceFile: ts.SourceFile): ReExport[] {
  const out: ReExport[] = [];
  for (const statement of sourceFile.statements) {
    if (!isExportDeclaration(statement) || statement.isTypeOnly) continue;
    const module = moduleSpecifierOf(statement);
    if (module === undefined) continue;
    // `export * as ns from` makes a namespace, not names of this module; it is not followed.
    const clause = statement.exportClause;
    if (!clause || isNamespaceExport(clause)) {
      if (!clause) out.push({ module });
      continue;
    }
    const names = new Map<string, string>();
    for (const spec of clause.elements) {
      if (!spec.isTypeOnly) names.set(specifierAlias(spec, sourceFile) ?? specifierName(spec, sourceFile), specifierName(spec, sourceFile));
    }
    out.push({ module, names });
  }
  return out;
}
