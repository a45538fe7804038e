// Reads Python models into the normalized model, statically: SQLModel table classes, SQLAlchemy 2
// declarative classes (`Mapped[...]`/`mapped_column` or legacy `Column`) and `Table(...)` declarations,
// mixed freely across the files read. The user's code is parsed, never imported, so reading needs neither
// their dependencies nor their database.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { SourceError } from '../../errors.ts';
import { firstSyntaxError, loadPython } from '../../lang/python.ts';
import type { Node, Tree } from '../../lang/python.ts';
import type { Diagnostic, SchemaModel, Table } from '../../model/schema.ts';
import { tableKey } from '../../model/names.ts';
import { displayPath, LineIndex } from '../../model/span.ts';
import type { Column, ForeignKey } from '../../model/schema.ts';
import type { TableContext } from './context.ts';
import { classesByName, moduleClasses } from './cst.ts';
import type { ModelClass } from './cst.ts';
import { moduleStatements } from './module.ts';
import type { ModuleStatements } from './module.ts';
import { castLiteralDefault } from './defaults.ts';
import { applySerial } from './serial.ts';
import { enumTypes } from './enums.ts';
import { declarative, namingConvention, readDeclarativeTable, readTableCall } from './sqlalchemy.ts';
import { readTable } from './table.ts';
import { isEnumBase } from './types.ts';
import { resolveSqlModelVersion } from './version.ts';

export interface ReadSqlModelOptions {
  /** The source's name in this run. */
  name: string;
  /** Python files, relative to `cwd` or absolute. */
  files: string[];
  cwd: string;
  /** The SQLModel release the models are written for; default: the project's pin (version.ts). */
  sqlmodelVersion?: string;
}

interface ParsedFile {
  file: string;
  text: string;
  lines: LineIndex;
  tree: Tree;
  classes: ModelClass[];
  statements: ModuleStatements;
}

export async function readSqlModel(opts: ReadSqlModelOptions): Promise<SchemaModel> {
  const python = await loadPython();
  const parsed: ParsedFile[] = [];
  try {
    for (const file of opts.files) {
      const shown = displayPath(file, opts.cwd);
      const text = await readSource(path.resolve(opts.cwd, file), shown);
      const tree = python.parse(text);
      parsed.push({ file: shown, text, lines: new LineIndex(text), tree, classes: [], statements: { values: [], tables: [] } });
      const error = firstSyntaxError(tree, text);
      if (error) throw new SourceError(error.message, { file: shown, line: error.line, column: error.column });
      parsed[parsed.length - 1]!.classes = moduleClasses(tree.rootNode);
      parsed[parsed.length - 1]!.statements = moduleStatements(tree.rootNode);
    }
    const version = resolveSqlModelVersion(opts.files, opts.cwd, opts.sqlmodelVersion);
    const model = buildModel(opts.name, parsed, version.utcDatetime);
    model.notes = [version.note];
    return model;
  } finally {
    // Trees live in WebAssembly memory that the JS garbage collector does not reclaim.
    for (const p of parsed) p.tree.delete();
  }
}

async function readSource(abs: string, shown: string): Promise<string> {
  try {
    return await readFile(abs, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new SourceError(code === 'ENOENT' ? `${shown}: no such file` : `${shown}: cannot read (${code ?? err})`);
  }
}

function buildModel(source: string, parsed: ParsedFile[], utcDatetime: boolean): SchemaModel {
  const byTree = new Map(parsed.map((p) => [p.tree, p]));
  const span = (node: Node) => {
    const p = byTree.get(node.tree);
    if (!p) throw new Error('node from a tree that was not read');
    return p.lines.span(p.file, node.startIndex, node.endIndex);
  };
  const all = parsed.flatMap((p) => p.classes);
  const classes = classesByName(all);
  const values = new Map<string, Node>();
  for (const [name, value] of parsed.flatMap((p) => p.statements.values)) if (!values.has(name)) values.set(name, value);
  const diagnostics: Diagnostic[] = [];
  const sa = declarative(classes, values);
  const tableOfClass = new Map<string, string>();
  for (const cls of classes.values()) {
    if (cls.isTable) tableOfClass.set(cls.name, cls.tableName);
    else if (sa.isMapped(cls)) tableOfClass.set(cls.name, sa.tableName(cls)!);
  }
  const ctx: TableContext & { typeFromTarget: { column: Column; fk: ForeignKey }[] } = {
    classes,
    enums: enumClasses(classes),
    span,
    diagnostics,
    utcDatetime,
    tableOfClass,
    typeFromTarget: [],
    autoincrement: new Map(),
  };
  ctx.naming = namingConvention(classes, values, sa.bases, ctx);

  // Classes and Table(...) calls in file and source order.
  const declarations = parsed.flatMap((p) =>
    [
      ...p.classes.map((cls) => ({ at: cls.node.startIndex, read: () => readClass(cls) })),
      ...p.statements.tables.map((t) => ({ at: t.call.startIndex, read: () => readTableCall(t.call, t.binding, ctx) })),
    ].sort((a, b) => a.at - b.at),
  );
  function readClass(cls: ModelClass): Table | undefined {
    // SQLModel tables live in SQLModel.metadata, which has no naming convention of its own here.
    if (cls.isTable) return readTable(cls, { ...ctx, naming: undefined });
    if (sa.isMapped(cls)) return readDeclarativeTable(cls, sa, ctx);
    const why = sa.skipReason(cls);
    if (why) diagnostics.push({ message: why, loc: span(cls.node) });
    return undefined;
  }

  const tables: Table[] = [];
  const seen = new Map<string, Table>();
  for (const declaration of declarations) {
    const table = declaration.read();
    if (!table) continue;
    const key = `${table.schema}.${table.name}`;
    const first = seen.get(key);
    if (first) {
      diagnostics.push({
        message: `table ${table.name} is declared by both ${first.binding ?? 'Table(...)'} and ${table.binding ?? 'Table(...)'}; keeping ${first.binding ?? 'the first'}`,
        loc: table.loc,
        duplicateTable: tableKey(table),
      });
      continue;
    }
    seen.set(key, table);
    tables.push(table);
  }
  // `Column(ForeignKey("t.c"))` without a type has the target column's type, once every table is known.
  for (const { column, fk } of ctx.typeFromTarget) {
    const target = seen.get(`${fk.target.schema}.${fk.target.table}`)?.columns.find((c) => c.name === fk.target.columns[0]);
    column.type.sql = target?.type.sql ?? null;
    if (!column.type.sql) {
      diagnostics.push({ message: `${column.name}: type comes from ${fk.target.table}.${fk.target.columns[0]}, which was not read`, loc: column.loc });
    }
  }
  for (const table of tables) {
    for (const column of table.columns) castLiteralDefault(column);
    applySerial(table, ctx);
    dropUniquesRepeatingPrimaryKey(table);
  }
  const enums = enumTypes(ctx.enums, classes, tables, parsed.map((p) => p.text), span);
  return { source, kind: 'sqlmodel', tables, enums, diagnostics };
}

/**
 * CREATE TABLE silently skips a UNIQUE constraint on exactly the primary key's columns (PostgreSQL's
 * transformIndexConstraints), so the database never has one.
 */
function dropUniquesRepeatingPrimaryKey(table: Table): void {
  const pk = table.primaryKey?.columns.join(',');
  if (pk) table.uniques = table.uniques.filter((u) => u.columns.join(',') !== pk);
}

/** Names of classes that are Python enums, directly or through other enum classes read. */
function enumClasses(classes: ReadonlyMap<string, ModelClass>): Set<string> {
  const memo = new Map<string, boolean>();
  const isEnum = (name: string, depth: number): boolean => {
    const cached = memo.get(name);
    if (cached !== undefined) return cached;
    const cls = classes.get(name);
    memo.set(name, false); // guards against cyclic bases in broken code
    const result =
      !!cls && depth < 20 && cls.baseNames.some((b) => isEnumBase(b) || (b !== name && isEnum(b, depth + 1)));
    memo.set(name, result);
    return result;
  };
  return new Set([...classes.keys()].filter((n) => isEnum(n, 0)));
}
