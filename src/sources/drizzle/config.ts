// drizzle.config.ts / .js / .json, read statically so that a project with a drizzle config needs no
// schemadrift config. The config is never executed: only literal values (and `process.env.X` for the
// database URL) are understood; anything else is left out and said so in `notes`.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ts } from 'ts-morph';
import type { DatabaseSourceSpec, SourceSpec } from '../../config/types.ts';
import { ConfigError } from '../../errors.ts';
import { returnedExpression, unwrap } from './chain.ts';
import { findVariable } from './declarations.ts';
import { literalValue, propertyKey } from './literals.ts';
import { nodeText } from './node-text.ts';
import {
  isArrayLiteralExpression,
  isBinaryExpression,
  isCallExpression,
  isElementAccessExpression,
  isExportAssignment,
  isExpressionStatement,
  isIdentifier,
  isObjectLiteralExpression,
  isPropertyAccessExpression,
  isPropertyAssignment,
  isTemplateExpression,
} from './syntax-guards.ts';

export type Casing = 'snake_case' | 'camelCase';

export interface DrizzleConfig {
  /** Absolute path of the config file. */
  file: string;
  /** `schema`: files, folders or globs, absolute (drizzle-kit resolves them against the config's folder). */
  schema: string[];
  schemaFilter?: string[];
  tablesFilter?: string[];
  casing?: Casing;
  /** `dbCredentials.url` when written as a string literal. */
  url?: string;
  /** `X` when `dbCredentials.url` is `process.env.X` (or `process.env["X"]`, with or without `!`). */
  urlEnv?: string;
  /** What was written but could not be read statically. */
  notes: string[];
}

/** The names drizzle-kit looks for, in its order. */
export const DRIZZLE_CONFIG_FILES = [
  'drizzle.config.ts',
  'drizzle.config.mts',
  'drizzle.config.cts',
  'drizzle.config.js',
  'drizzle.config.mjs',
  'drizzle.config.cjs',
  'drizzle.config.json',
];

/** The drizzle config in `cwd`, if there is one. Throws ConfigError when it exists but has no readable `schema`. */
export function discoverDrizzleConfig(cwd: string): DrizzleConfig | undefined {
  const name = DRIZZLE_CONFIG_FILES.find((f) => existsSync(path.join(cwd, f)));
  return name === undefined ? undefined : readDrizzleConfig(path.join(cwd, name));
}

export function readDrizzleConfig(file: string): DrizzleConfig {
  const text = readFileSync(file, 'utf8');
  const shown = path.basename(file);
  const values = file.endsWith('.json') ? fromJson(text, shown) : fromScript(file, text, shown);
  const notes: string[] = [];
  const base = path.dirname(file);
  const schema = stringList(values, 'schema', notes);
  if (!schema?.length) throw new ConfigError(`${shown}: no "schema" that can be read without running the config`);
  const config: DrizzleConfig = { file, schema: schema.map((s) => path.resolve(base, s)), notes };
  const schemaFilter = stringList(values, 'schemaFilter', notes);
  if (schemaFilter) config.schemaFilter = schemaFilter;
  const tablesFilter = stringList(values, 'tablesFilter', notes);
  if (tablesFilter) config.tablesFilter = tablesFilter;
  const casing = values.get('casing');
  if (casing === 'snake_case' || casing === 'camelCase') config.casing = casing;
  else if (casing !== undefined) notes.push(`casing ${describe(casing)} not understood; ignored`);
  const url = values.get('dbCredentials.url');
  if (typeof url === 'string') config.url = url;
  else if (url instanceof EnvRef) config.urlEnv = url.name;
  else if (url !== undefined) notes.push('dbCredentials.url is neither a string nor process.env.X; ignored');
  return config;
}

/** `process.env.X`, read as a reference to the variable rather than a value. */
class EnvRef {
  constructor(readonly name: string) {}
}

/** An unreadable value: an expression other than a literal. */
class Opaque {
  constructor(readonly text: string) {}
}

type Value = string | number | boolean | null | EnvRef | Opaque | Value[];

/** Flattened top-level and `dbCredentials.*` values, keyed `schema`, `dbCredentials.url`, … */
type Values = Map<string, Value>;

function fromJson(text: string, shown: string): Values {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new ConfigError(`${shown}: not valid JSON: ${(e as Error).message}`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ConfigError(`${shown}: must hold a JSON object`);
  const values: Values = new Map();
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'dbCredentials' && typeof value === 'object' && value !== null) {
      for (const [k, v] of Object.entries(value)) values.set(`dbCredentials.${k}`, jsonValue(v));
    } else {
      values.set(key, jsonValue(value));
    }
  }
  return values;
}

function jsonValue(value: unknown): Value {
  if (Array.isArray(value)) return value.map(jsonValue);
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return value as Value;
  return new Opaque(JSON.stringify(value));
}

function fromScript(file: string, text: string, shown: string): Values {
  // Positions in messages count from after a BOM, as they did when a ts-morph project parsed the config.
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const sourceFile = ts.createSourceFile(path.basename(file).replace(/\.json$/, '.ts'), source, ts.ScriptTarget.Latest, false);
  const parsed = sourceFile as unknown as { parseDiagnostics?: readonly ts.Diagnostic[] };
  const error = parsed.parseDiagnostics?.[0];
  if (error) {
    const { line, character } = sourceFile.getLineAndCharacterOfPosition(error.start ?? 0);
    throw new ConfigError(`${shown}:${line + 1}:${character + 1}: syntax error: ${ts.flattenDiagnosticMessageText(error.messageText, ' ')}`);
  }
  const obj = configObject(sourceFile);
  if (!obj) throw new ConfigError(`${shown}: no \`export default { ... }\` / \`defineConfig({ ... })\` object to read`);
  const values: Values = new Map();
  for (const prop of obj.properties) {
    const key = propertyKey(prop, sourceFile);
    if (key === undefined || !isPropertyAssignment(prop)) continue;
    const init = unwrap(prop.initializer);
    if (key === 'dbCredentials' && isObjectLiteralExpression(init)) {
      for (const inner of init.properties) {
        const innerKey = propertyKey(inner, sourceFile);
        if (innerKey !== undefined && isPropertyAssignment(inner)) {
          values.set(`dbCredentials.${innerKey}`, scriptValue(sourceFile, inner.initializer));
        }
      }
    } else {
      values.set(key, scriptValue(sourceFile, init));
    }
  }
  return values;
}

/** The object of `export default defineConfig({...})`, `export default {...}`, `module.exports = {...}`, through one variable. */
function configObject(sourceFile: ts.SourceFile): ts.ObjectLiteralExpression | undefined {
  let expr: ts.Node | undefined;
  for (const statement of sourceFile.statements) {
    if (isExportAssignment(statement)) expr = statement.expression;
    if (isExpressionStatement(statement)) {
      const e = statement.expression;
      if (isBinaryExpression(e) && nodeText(e.left, sourceFile) === 'module.exports') expr = e.right;
    }
  }
  return expr && objectOf(sourceFile, expr, 0);
}

function objectOf(sourceFile: ts.SourceFile, node: ts.Node, depth: number): ts.ObjectLiteralExpression | undefined {
  const expr = unwrap(node);
  if (depth > 4) return undefined;
  if (isObjectLiteralExpression(expr)) return expr;
  // `defineConfig({...})`, and `defineConfig(() => ({...}))`.
  if (isCallExpression(expr)) {
    const arg = expr.arguments[0];
    if (!arg) return undefined;
    const returned = returnedExpression(unwrap(arg));
    return objectOf(sourceFile, returned ?? arg, depth + 1);
  }
  if (isIdentifier(expr)) {
    const init = findVariable(sourceFile, nodeText(expr, sourceFile))?.initializer;
    return init && objectOf(sourceFile, init, depth + 1);
  }
  return undefined;
}

function scriptValue(sourceFile: ts.SourceFile, node: ts.Node, depth = 0): Value {
  const expr = unwrap(node);
  if (depth > 8) return new Opaque(nodeText(expr, sourceFile));
  const literal = literalValue(expr);
  if (literal !== undefined) return literal;
  if (isArrayLiteralExpression(expr)) return expr.elements.map((e) => scriptValue(sourceFile, e, depth + 1));
  const env = envName(expr, sourceFile);
  if (env) return new EnvRef(env);
  // `${root}/schema.ts`, with every interpolation a string the config declares.
  if (isTemplateExpression(expr)) {
    let text = expr.head.text;
    for (const span of expr.templateSpans) {
      const part = scriptValue(sourceFile, span.expression, depth + 1);
      if (typeof part !== 'string') return new Opaque(nodeText(expr, sourceFile));
      text += part + span.literal.text;
    }
    return text;
  }
  // `const schema = "./src/db"` declared above the config.
  if (isIdentifier(expr)) {
    const init = findVariable(sourceFile, nodeText(expr, sourceFile))?.initializer;
    if (init) return scriptValue(sourceFile, init, depth + 1);
  }
  return new Opaque(nodeText(expr, sourceFile));
}

function envName(expr: ts.Node, sourceFile: ts.SourceFile): string | undefined {
  if (isPropertyAccessExpression(expr) && nodeText(expr.expression, sourceFile) === 'process.env') return nodeText(expr.name, sourceFile);
  if (isElementAccessExpression(expr) && nodeText(expr.expression, sourceFile) === 'process.env') {
    const arg: ts.Expression | undefined = expr.argumentExpression;
    const name = arg && literalValue(arg);
    return typeof name === 'string' ? name : undefined;
  }
  return undefined;
}

function stringList(values: Values, key: string, notes: string[]): string[] | undefined {
  const value = values.get(key);
  if (value === undefined) return undefined;
  const list = Array.isArray(value) ? value : [value];
  if (list.every((v): v is string => typeof v === 'string')) return list;
  notes.push(`${key} ${describe(value)} cannot be read without running the config; ignored`);
  return undefined;
}

function describe(value: Value): string {
  if (value instanceof Opaque) return value.text;
  if (value instanceof EnvRef) return `process.env.${value.name}`;
  return JSON.stringify(value);
}

/**
 * The sources a drizzle config implies: the drizzle schema (with its casing) and, when `dbCredentials.url`
 * is a postgres:// literal or names a set environment variable, the database. `drizzleGiven`: schema files
 * come from the command line, which replaces the config's anyway.
 */
export function drizzleConfigSources(cwd: string, env: Record<string, string | undefined>, drizzleGiven = false): SourceSpec[] {
  let config: DrizzleConfig | undefined;
  try {
    config = discoverDrizzleConfig(cwd);
  } catch (error) {
    // With --drizzle on the command line an unreadable drizzle config is not needed, so not an error.
    if (drizzleGiven && error instanceof ConfigError) return [];
    throw error;
  }
  if (!config) return [];
  const sources: SourceSpec[] = [
    { name: 'drizzle', kind: 'drizzle', files: config.schema, ...(config.casing && { casing: config.casing }) },
  ];
  const url = config.url ?? (config.urlEnv === undefined ? undefined : env[config.urlEnv]);
  if (url && /^postgres(ql)?:\/\//i.test(url)) sources.unshift({ name: 'database', kind: 'database', url, ...databaseFilters(config) });
  return sources;
}

/**
 * drizzle-kit's `schemaFilter` and `tablesFilter` (globs, `!` negating) limit which database tables it looks
 * at; the database source honours them the same way, so drift in tables the project leaves to others is not
 * reported.
 */
function databaseFilters(config: DrizzleConfig): Pick<DatabaseSourceSpec, 'schemas' | 'tables'> {
  const out: Pick<DatabaseSourceSpec, 'schemas' | 'tables'> = {};
  if (config.schemaFilter?.length) out.schemas = config.schemaFilter;
  if (config.tablesFilter?.length) {
    const include = config.tablesFilter.filter((p) => !p.startsWith('!'));
    const exclude = config.tablesFilter.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
    out.tables = { ...(include.length && { include }), ...(exclude.length && { exclude }) };
  }
  return out;
}
