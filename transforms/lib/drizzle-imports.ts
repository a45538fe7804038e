import { type Identifier, type ImportDeclaration, type ImportSpecifier, type Node, is, stringValue } from './drizzle-ast.ts';
import { type Edit, appendListItem } from './drizzle-edits.ts';
import { type ParsedSource, eol, quote, quoteStyle, spansLines } from './drizzle-source.ts';

/** Names declared or imported at the top level of the file. */
export function topLevelNames(parsed: ParsedSource): Set<string> {
  const names = new Set<string>();
  const addDeclaration = (decl: Node | null | undefined) => {
    if (!decl) return;
    if (decl.type === 'VariableDeclaration') {
      for (const d of (decl as Node & { declarations: { id: Node }[] }).declarations) {
        if (is<Identifier>(d.id, 'Identifier')) names.add(d.id.name);
      }
    } else if (decl.type === 'FunctionDeclaration' || decl.type === 'ClassDeclaration') {
      const id = (decl as Node & { id?: Identifier | null }).id;
      if (id) names.add(id.name);
    }
  };
  for (const statement of parsed.program.body) {
    if (is<ImportDeclaration>(statement, 'ImportDeclaration')) {
      if (statement.importKind === 'type') continue;
      for (const spec of statement.specifiers) {
        if ((spec as ImportSpecifier).importKind === 'type') continue;
        names.add((spec as Node & { local: Identifier }).local.name);
      }
    } else if (statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration') {
      addDeclaration((statement as Node & { declaration?: Node | null }).declaration);
    } else {
      addDeclaration(statement);
    }
  }
  return names;
}

function importedName(spec: ImportSpecifier): string | undefined {
  return is<Identifier>(spec.imported, 'Identifier') ? spec.imported.name : stringValue(spec.imported);
}

/** Value imports from `module` (not `import type`). */
function importsFrom(parsed: ParsedSource, module: string): ImportDeclaration[] {
  return parsed.program.body.filter(
    (s): s is ImportDeclaration => is<ImportDeclaration>(s, 'ImportDeclaration') && s.source.value === module && s.importKind !== 'type',
  );
}

/** The local name `name` is already imported under from `module` (`{ userCredits as uc }` → `uc`). */
export function localImportName(parsed: ParsedSource, module: string, name: string): string | undefined {
  for (const decl of importsFrom(parsed, module)) {
    for (const spec of decl.specifiers) {
      if (is<ImportSpecifier>(spec, 'ImportSpecifier') && spec.importKind !== 'type' && importedName(spec) === name) {
        return spec.local.name;
      }
    }
  }
  return undefined;
}

/**
 * Imports `name` from `module`: added to an existing `import { … } from "module"` in its layout, or as a
 * new import line after the last import, written with the file's quotes and semicolons.
 */
export function addNamedImport(parsed: ParsedSource, module: string, name: string): Edit[] {
  const { source } = parsed;
  for (const decl of importsFrom(parsed, module)) {
    const specs = decl.specifiers;
    const named = specs.filter((s): s is ImportSpecifier => is<ImportSpecifier>(s, 'ImportSpecifier'));
    const last = named[named.length - 1];
    if (last) {
      const first = named[0]!;
      const brace = source.lastIndexOf('{', parsed.start(first));
      return appendListItem(parsed, last, name, spansLines(source, brace, parsed.start(first)));
    }
    const defaultSpec = specs.find((s) => s.type === 'ImportDefaultSpecifier');
    if (defaultSpec && specs.length === 1) {
      const end = parsed.end(defaultSpec);
      return [{ start: end, end, text: `, { ${name} }` }];
    }
    if (specs.length === 0) {
      const open = source.indexOf('{', parsed.start(decl));
      const close = source.indexOf('}', open);
      if (open >= 0 && close > open && close < parsed.start(decl.source)) {
        return [{ start: open, end: close + 1, text: `{ ${name} }` }];
      }
    }
  }

  const imports = parsed.program.body.filter((s): s is ImportDeclaration => is<ImportDeclaration>(s, 'ImportDeclaration'));
  const lastImport = imports[imports.length - 1];
  const q = lastImport ? (source[parsed.start(lastImport.source)] as '"' | "'") : quoteStyle(parsed);
  const semi = !lastImport || parsed.text(lastImport).trimEnd().endsWith(';') ? ';' : '';
  const line = `import { ${name} } from ${quote(module, q)}${semi}`;
  if (lastImport) {
    const end = parsed.end(lastImport);
    return [{ start: end, end, text: `${eol(source)}${line}` }];
  }
  const firstStatement = parsed.program.body[0];
  const at = firstStatement ? parsed.start(firstStatement) : source.length;
  return [{ start: at, end: at, text: `${line}${eol(source)}${eol(source)}` }];
}
