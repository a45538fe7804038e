import { Node, SyntaxKind, type CallExpression } from 'ts-morph';
import { DEFAULT_SCHEMA } from '../../model/names.ts';
import { accessPath, returnedExpression, unwrap } from './chain.ts';
import { readColumns } from './columns.ts';
import { type FileContext, type TableDraft, span, warn } from './context.ts';
import { readExtraConfig } from './extra-config.ts';
import { readDeclaredNames, readExports, readImports } from './imports.ts';
import { quoteIdent, stringValue } from './literals.ts';
import type { LoadedFile } from './load.ts';
import { pgCoreName } from './pg-core.ts';

/** Reads every table of one file; references to other tables are left pending until all files are read. */
export function readFileTables(file: LoadedFile): FileContext {
  const sourceFile = file.sourceFile;
  const ctx: FileContext = {
    file,
    imports: readImports(sourceFile),
    declared: readDeclaredNames(sourceFile),
    exports: readExports(sourceFile),
    drafts: [],
    tables: new Map(),
    schemas: new Map(),
    enums: new Map(),
    diagnostics: [],
  };
  readSchemasAndEnums(ctx);
  for (const call of sourceFile.getDescendantsOfKind(SyntaxKind.CallExpression)) {
    const schema = tableCallSchema(ctx, call);
    if (schema !== undefined) readTable(ctx, call, schema);
  }
  return ctx;
}

/** `public` for `pgTable(...)`, the schema's name for `billing.table(...)`, undefined for any other call. */
function tableCallSchema(ctx: FileContext, call: CallExpression): string | undefined {
  const callee = call.getExpression();
  if (pgCoreName(ctx, callee) === 'pgTable') return DEFAULT_SCHEMA;
  const path = accessPath(callee);
  if (path?.length === 2 && path[1] === 'table') return ctx.schemas.get(path[0]!);
  return undefined;
}

function readTable(ctx: FileContext, call: CallExpression, schema: string): void {
  const [nameArg, columnsArg, extraArg] = call.getArguments();
  const name = stringValue(nameArg);
  if (name === undefined) {
    warn(ctx, 'table name is not a string literal; table ignored', call);
    return;
  }
  const variable = boundVariable(call);
  const draft: TableDraft = {
    table: { schema, name, columns: [], foreignKeys: [], uniques: [], indexes: [], loc: span(ctx, call) },
    ctx,
    byKey: new Map(),
    pendingFks: [],
    pendingTypes: [],
  };
  if (variable !== undefined) {
    draft.variable = variable;
    draft.table.binding = variable;
    ctx.tables.set(variable, draft);
  }
  ctx.drafts.push(draft);

  if (columnsArg) {
    const columns = unwrap(columnsArg);
    // `pgTable("x", (t) => ({ id: t.text() }))`: builders come from the callback's parameter.
    if (Node.isArrowFunction(columns) || Node.isFunctionExpression(columns)) {
      const param = columns.getParameters()[0]?.getNameNode();
      const obj = returnedExpression(columns);
      if (obj) readColumns(draft, obj, param && Node.isIdentifier(param) ? param.getText() : undefined);
      else warn(ctx, `columns of table ${name} are not \`(t) => ({ ... })\`; table read without columns`, columns);
    } else {
      readColumns(draft, columns);
    }
  }
  if (extraArg) readExtraConfig(draft, extraArg);
}

function boundVariable(call: CallExpression): string | undefined {
  let node: Node = call;
  let parent = node.getParent();
  while (parent && (Node.isParenthesizedExpression(parent) || Node.isAsExpression(parent) || Node.isSatisfiesExpression(parent))) {
    node = parent;
    parent = node.getParent();
  }
  if (!parent || !Node.isVariableDeclaration(parent) || parent.getInitializer() !== node) return undefined;
  const name = parent.getNameNode();
  return Node.isIdentifier(name) ? name.getText() : undefined;
}

/** Top-level `pgSchema("x")` and `pgEnum("mood", ...)` / `billing.enum("mood", ...)` bindings. */
function readSchemasAndEnums(ctx: FileContext): void {
  const decls = ctx.file.sourceFile.getVariableStatements().flatMap((s) => s.getDeclarations());
  for (const decl of decls) {
    const nameNode = decl.getNameNode();
    const init = decl.getInitializer();
    const call = init && unwrap(init);
    if (!Node.isIdentifier(nameNode) || !call || !Node.isCallExpression(call)) continue;
    const kind = pgCoreName(ctx, call.getExpression());
    const name = stringValue(call.getArguments()[0]);
    if (name === undefined) continue;
    if (kind === 'pgSchema') ctx.schemas.set(nameNode.getText(), name);
    if (kind === 'pgEnum') ctx.enums.set(nameNode.getText(), quoteIdent(name));
  }
  for (const decl of decls) {
    const nameNode = decl.getNameNode();
    const init = decl.getInitializer();
    const call = init && unwrap(init);
    if (!Node.isIdentifier(nameNode) || !call || !Node.isCallExpression(call)) continue;
    const path = accessPath(call.getExpression());
    const schema = path?.length === 2 && path[1] === 'enum' ? ctx.schemas.get(path[0]!) : undefined;
    const name = stringValue(call.getArguments()[0]);
    if (schema !== undefined && name !== undefined) {
      ctx.enums.set(nameNode.getText(), schema === DEFAULT_SCHEMA ? quoteIdent(name) : `${quoteIdent(schema)}.${quoteIdent(name)}`);
    }
  }
}
