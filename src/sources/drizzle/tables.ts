import type { ts } from 'ts-morph';
import { DEFAULT_SCHEMA } from '../../model/names.ts';
import { accessPath, returnedExpression, unwrap } from './chain.ts';
import { readColumns } from './columns.ts';
import type { Casing } from './config.ts';
import { type FileContext, type Program, type TableDraft, ownColumn, span, text, warn } from './context.ts';
import { customTypeSql } from './custom-types.ts';
import { topLevelVariables } from './declarations.ts';
import { readExtraConfig } from './extra-config.ts';
import { readDeclaredNames, readExports, readImports, readReExports } from './imports.ts';
import { quoteIdent, stringValue } from './literals.ts';
import type { LoadedFile } from './load.ts';
import { nodeText } from './node-text.ts';
import { pgCoreName } from './pg-core.ts';
import { findCalls } from './scan.ts';
import { sqlOrCallbackText } from './sql-template.ts';
import { isArrowFunction, isCallExpression, isFunctionExpression, isIdentifier, isTemplateExpression } from './syntax-guards.ts';

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
  for (const { call, variable } of findCalls(ctx.file.sourceFile, names)) {
    const maker = tableMaker(ctx, call);
    if (maker) readTable(ctx, call, maker, variable);
  }
}

/** How a call makes a table: its schema, and the name prefixing of a `pgTableCreator` table function. */
interface TableMaker {
  schema: string;
  creator?: string;
}

/** `pgTable(...)`, `billing.table(...)` or `createTable(...)` of `pgTableCreator`; undefined for any other call. */
function tableMaker(ctx: FileContext, call: ts.CallExpression): TableMaker | undefined {
  const callee = call.expression;
  if (pgCoreName(ctx, callee) === 'pgTable') return { schema: DEFAULT_SCHEMA };
  const path = accessPath(callee, ctx.file.sourceFile);
  if (path?.length === 1 && ctx.tableCreators.has(path[0]!)) return { schema: DEFAULT_SCHEMA, creator: path[0]! };
  const schema = path?.length === 2 && path[1] === 'table' ? ctx.schemas.get(path[0]!) : undefined;
  return schema === undefined ? undefined : { schema };
}

function readTable(ctx: FileContext, call: ts.CallExpression, maker: TableMaker, variable: string | undefined): void {
  const schema = maker.schema;
  const [nameArg, columnsArg, extraArg] = call.arguments;
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
    if (isArrowFunction(columns) || isFunctionExpression(columns)) {
      const param = columns.parameters[0]?.name;
      const obj = returnedExpression(columns);
      if (obj) readColumns(draft, obj, param && isIdentifier(param) ? text(ctx, param) : undefined);
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
  for (const { column, node, ctx } of draft.pendingGenerated) {
    const sql = stringValue(node) ?? sqlOrCallbackText(node, ctx.file.sourceFile, (path) => ownColumn(draft, path));
    if (sql === undefined) {
      warn(ctx, `generated expression of ${draft.table.name}.${column.name} cannot be read statically; ignored`, node);
    } else {
      column.generated = sql;
    }
  }
}


/** Top-level `pgSchema("x")`, `pgEnum("mood", ...)` / `billing.enum("mood", ...)` and `customType(...)` bindings. */
function readSchemasAndEnums(ctx: FileContext): void {
  const decls = topLevelVariables(ctx.file.sourceFile);
  for (const decl of decls) {
    const nameNode = decl.name;
    const init = decl.initializer;
    const call = init && unwrap(init);
    if (!isIdentifier(nameNode) || !call || !isCallExpression(call)) continue;
    const kind = pgCoreName(ctx, call.expression);
    const name = stringValue(call.arguments[0]);
    if (name === undefined) continue;
    if (kind === 'pgSchema') ctx.schemas.set(text(ctx, nameNode), name);
    if (kind === 'pgEnum') ctx.enums.set(text(ctx, nameNode), quoteIdent(name));
  }
  for (const decl of decls) {
    const nameNode = decl.name;
    const init = decl.initializer;
    const call = init && unwrap(init);
    if (!isIdentifier(nameNode) || !call || !isCallExpression(call)) continue;
    const kind = pgCoreName(ctx, call.expression);
    if (kind === 'customType') ctx.customTypes.set(text(ctx, nameNode), customTypeSql(call, ctx.file.sourceFile));
    if (kind === 'pgTableCreator') ctx.tableCreators.set(text(ctx, nameNode), tableNameTemplate(call.arguments[0], ctx.file.sourceFile));
  }
  for (const decl of decls) {
    const nameNode = decl.name;
    const init = decl.initializer;
    const call = init && unwrap(init);
    if (!isIdentifier(nameNode) || !call || !isCallExpression(call)) continue;
    const path = accessPath(call.expression, ctx.file.sourceFile);
    const schema = path?.length === 2 && path[1] === 'enum' ? ctx.schemas.get(path[0]!) : undefined;
    const name = stringValue(call.arguments[0]);
    if (schema !== undefined && name !== undefined) {
      ctx.enums.set(text(ctx, nameNode), schema === DEFAULT_SCHEMA ? quoteIdent(name) : `${quoteIdent(schema)}.${quoteIdent(name)}`);
    }
  }
}

/** `(name) => \`app_${name}\`` as a prefix and suffix; null when the function is anything else. */
function tableNameTemplate(fn: ts.Node | undefined, sf: ts.SourceFile): { prefix: string; suffix: string } | null {
  const target = fn && unwrap(fn);
  if (!target || (!isArrowFunction(target) && !isFunctionExpression(target))) return null;
  const first = target.parameters[0];
  const param = first && nodeText(first.name, sf);
  const body = returnedExpression(target);
  if (!param || !body) return null;
  if (isIdentifier(body) && nodeText(body, sf) === param) return { prefix: '', suffix: '' };
  if (!isTemplateExpression(body)) return null;
  const spans = body.templateSpans;
  if (spans.length !== 1 || nodeText(spans[0]!.expression, sf) !== param) return null;
  return { prefix: body.head.text, suffix: spans[0]!.literal.text };
}
