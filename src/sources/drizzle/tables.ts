import { Node, type CallExpression } from 'ts-morph';
import { DEFAULT_SCHEMA } from '../../model/names.ts';
import { accessPath, returnedExpression, unwrap } from './chain.ts';
import { readColumns } from './columns.ts';
import { customTypeSql } from './custom-types.ts';
import type { Casing } from './config.ts';
import { type FileContext, type Program, type TableDraft, ownColumn, span, warn } from './context.ts';
import { readExtraConfig } from './extra-config.ts';
import { readDeclaredNames, readExports, readImports, readReExports } from './imports.ts';
import { quoteIdent, stringValue } from './literals.ts';
import type { LoadedFile } from './load.ts';
import { pgCoreName } from './pg-core.ts';
import { calleeName, findCalls } from './scan.ts';
import { sqlOrCallbackText } from './sql-template.ts';

/** What a file imports, declares and exports: every file's is known before any table is read. */
export function createFileContext(file: LoadedFile, program: Program, casing?: Casing): FileContext {
  const sourceFile = file.sourceFile;
  const ctx: FileContext = {
    file,
    ...(casing && { casing }),
    imports: readImports(sourceFile),
    declared: readDeclaredNames(sourceFile),
    exports: readExports(sourceFile),
    reExports: readReExports(sourceFile),
    program,
    drafts: [],
    tables: new Map(),
    schemas: new Map(),
    enums: new Map(),
    customTypes: new Map(),
    tableCreators: new Map(),
    diagnostics: [],
  };
  readSchemasAndEnums(ctx);
  program.contexts.set(file.abs, ctx);
  return ctx;
}

/** Reads every table of one file; references to other tables are left pending until all files are read. */
export function readFileTables(ctx: FileContext): void {
  // Names a table-making callee can have here: pgTable however imported, `x.table`, table creators.
  const names = new Set(['pgTable', 'table', ...ctx.tableCreators.keys()]);
  for (const [local, binding] of ctx.imports) if (binding.imported === 'pgTable') names.add(local);
  for (const call of findCalls(ctx.file.sourceFile, (callee) => names.has(calleeName(callee) ?? ''))) {
    const maker = tableMaker(ctx, call);
    if (maker) readTable(ctx, call, maker);
  }
}

/** How a call makes a table: its schema, and the name prefixing of a `pgTableCreator` table function. */
interface TableMaker {
  schema: string;
  creator?: string;
}

/** `pgTable(...)`, `billing.table(...)` or `createTable(...)` of `pgTableCreator`; undefined for any other call. */
function tableMaker(ctx: FileContext, call: CallExpression): TableMaker | undefined {
  const callee = call.getExpression();
  if (pgCoreName(ctx, callee) === 'pgTable') return { schema: DEFAULT_SCHEMA };
  const path = accessPath(callee);
  if (path?.length === 1 && ctx.tableCreators.has(path[0]!)) return { schema: DEFAULT_SCHEMA, creator: path[0]! };
  const schema = path?.length === 2 && path[1] === 'table' ? ctx.schemas.get(path[0]!) : undefined;
  return schema === undefined ? undefined : { schema };
}

function readTable(ctx: FileContext, call: CallExpression, maker: TableMaker): void {
  const schema = maker.schema;
  const [nameArg, columnsArg, extraArg] = call.getArguments();
  const written = stringValue(nameArg);
  if (written === undefined) {
    warn(ctx, 'table name is not a string literal; table ignored', call);
    return;
  }
  let name = written;
  if (maker.creator !== undefined) {
    const template = ctx.tableCreators.get(maker.creator);
    if (!template) {
      warn(ctx, `table name function of pgTableCreator ${maker.creator} is not \`(name) => \`prefix_\${name}\`\`; table ${written} ignored`, call);
      return;
    }
    name = template.prefix + written + template.suffix;
  }
  const variable = boundVariable(call);
  const draft: TableDraft = {
    // Checks can only be written in the table config, so a table read whole has its complete list of them.
    table: { schema, name, columns: [], foreignKeys: [], uniques: [], indexes: [], checks: [], loc: span(ctx, call) },
    ctx,
    byKey: new Map(),
    pendingFks: [],
    pendingTypes: [],
    pendingGenerated: [],
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
  readGenerated(draft);
  if (extraArg) readExtraConfig(draft, extraArg);
  if (draft.checksUnreadable) delete draft.table.checks;
}

// `.generatedAlwaysAs(sql\`${products.price} * 2\`)` or a callback returning it; a string is the SQL itself.
function readGenerated(draft: TableDraft): void {
  for (const { column, node } of draft.pendingGenerated) {
    const text = stringValue(node) ?? sqlOrCallbackText(node, (path) => ownColumn(draft, path));
    if (text === undefined) {
      warn(draft.ctx, `generated expression of ${draft.table.name}.${column.name} cannot be read statically; ignored`, node);
    } else {
      column.generated = text;
    }
  }
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

/** Top-level `pgSchema("x")`, `pgEnum("mood", ...)` / `billing.enum("mood", ...)` and `customType(...)` bindings. */
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
    const kind = pgCoreName(ctx, call.getExpression());
    if (kind === 'customType') ctx.customTypes.set(nameNode.getText(), customTypeSql(call));
    if (kind === 'pgTableCreator') ctx.tableCreators.set(nameNode.getText(), tableNameTemplate(call.getArguments()[0]));
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

/** `(name) => \`app_${name}\`` as a prefix and suffix; null when the function is anything else. */
function tableNameTemplate(fn: Node | undefined): { prefix: string; suffix: string } | null {
  const target = fn && unwrap(fn);
  if (!target || (!Node.isArrowFunction(target) && !Node.isFunctionExpression(target))) return null;
  const param = target.getParameters()[0]?.getName();
  const body = returnedExpression(target);
  if (!param || !body) return null;
  if (Node.isIdentifier(body) && body.getText() === param) return { prefix: '', suffix: '' };
  if (!Node.isTemplateExpression(body)) return null;
  const spans = body.getTemplateSpans();
  if (spans.length !== 1 || spans[0]!.getExpression().getText() !== param) return null;
  return { prefix: body.getHead().getLiteralText(), suffix: spans[0]!.getLiteral().getLiteralText() };
}
