import { Node, type SourceFile } from 'ts-morph';

/** How a local name was imported: `imported` is the exported name, `*` for a namespace, `default`. */
export interface ImportBinding {
  module: string;
  imported: string;
}

export const PG_CORE = 'drizzle-orm/pg-core';

export function readImports(sourceFile: SourceFile): Map<string, ImportBinding> {
  const bindings = new Map<string, ImportBinding>();
  for (const decl of sourceFile.getImportDeclarations()) {
    if (decl.isTypeOnly()) continue;
    const module = decl.getModuleSpecifierValue();
    const defaultImport = decl.getDefaultImport();
    if (defaultImport) bindings.set(defaultImport.getText(), { module, imported: 'default' });
    const namespace = decl.getNamespaceImport();
    if (namespace) bindings.set(namespace.getText(), { module, imported: '*' });
    for (const named of decl.getNamedImports()) {
      if (named.isTypeOnly()) continue;
      const local = named.getAliasNode()?.getText() ?? named.getName();
      bindings.set(local, { module, imported: named.getName() });
    }
  }
  return bindings;
}

export function readDeclaredNames(sourceFile: SourceFile): Set<string> {
  const names = new Set<string>();
  for (const statement of sourceFile.getStatements()) {
    if (Node.isVariableStatement(statement)) {
      for (const decl of statement.getDeclarations()) {
        const name = decl.getNameNode();
        if (Node.isIdentifier(name)) names.add(name.getText());
      }
    } else if (Node.isFunctionDeclaration(statement) || Node.isClassDeclaration(statement)) {
      const name = statement.getName();
      if (name) names.add(name);
    }
  }
  return names;
}

/** Exported name → local name, for `export const x` and `export { x as y }` (not re-exports from elsewhere). */
export function readExports(sourceFile: SourceFile): Map<string, string> {
  const exports = new Map<string, string>();
  for (const statement of sourceFile.getStatements()) {
    if (Node.isVariableStatement(statement) && statement.isExported()) {
      for (const decl of statement.getDeclarations()) {
        const name = decl.getNameNode();
        if (Node.isIdentifier(name)) exports.set(name.getText(), name.getText());
      }
    } else if (Node.isExportDeclaration(statement) && !statement.getModuleSpecifier() && !statement.isTypeOnly()) {
      for (const spec of statement.getNamedExports()) {
        const local = spec.getName();
        exports.set(spec.getAliasNode()?.getText() ?? local, local);
      }
    }
  }
  return exports;
}

/** `export * from "./x"` (names undefined) or `export { a as b } from "./x"` (exported → imported name). */
export interface ReExport {
  module: string;
  names?: Map<string, string>;
}

export function readReExports(sourceFile: SourceFile): ReExport[] {
  const out: ReExport[] = [];
  for (const statement of sourceFile.getStatements()) {
    if (!Node.isExportDeclaration(statement) || statement.isTypeOnly()) continue;
    const module = statement.getModuleSpecifierValue();
    if (module === undefined) continue;
    // `export * as ns from` makes a namespace, not names of this module; it is not followed.
    if (statement.isNamespaceExport()) {
      if (!statement.getNamespaceExport()) out.push({ module });
      continue;
    }
    const names = new Map<string, string>();
    for (const spec of statement.getNamedExports()) {
      if (!spec.isTypeOnly()) names.set(spec.getAliasNode()?.getText() ?? spec.getName(), spec.getName());
    }
    out.push({ module, names });
  }
  return out;
}
