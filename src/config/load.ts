// Configuration: `schemadrift.config.json` (paths relative to it) overlaid with command-line flags (paths
// relative to the working directory). Everything that can be wrong here is a ConfigError naming the file.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigError } from '../errors.ts';
import type { SourceKind } from '../model/schema.ts';
import { displayPath } from '../model/span.ts';
import type { DatabaseSourceSpec, ResolvedConfig, SourceSpec } from './types.ts';
import { checkPolicySources, EMPTY_POLICY, readPolicy, type Policy } from './policy.ts';
import { selectSources } from './select.ts';
import type { drizzleConfigSources } from '../sources/drizzle/config.ts';

/** Finds sources in a drizzle.config.*; passed in so that loading a schemadrift config never loads ts-morph. */
export type DiscoverDrizzle = typeof drizzleConfigSources;

export const CONFIG_FILE = 'schemadrift.config.json';
const KINDS: readonly SourceKind[] = ['database', 'drizzle', 'sqlmodel'];

export interface ConfigOverrides {
  cwd: string;
  config?: string;
  db?: string;
  drizzle?: string[];
  sqlmodel?: string[];
  truth?: string;
  /** --only-source / --ignore-source: source names. */
  onlySources?: string[];
  ignoreSources?: string[];
  /** --schema: only these PostgreSQL schemas, for every database source. */
  schemas?: string[];
  /** What the command reads: at least two sources to compare (the default), or a database (`pull`). */
  need?: 'compare' | 'database';
  /** A commit hook: each database source is read from its `snapshot`, and a live database is refused. */
  offline?: boolean;
  env?: Record<string, string | undefined>;
  /** The default export of a module config (`loadConfigModule` fills it in). */
  loaded?: unknown;
}

const isUrl = (s: string) => /^postgres(ql)?:\/\//i.test(s);

function resolveDb(url: string, base: string): string {
  return isUrl(url) ? url : path.resolve(base, url);
}

function fail(file: string, message: string): never {
  throw new ConfigError(`${file}: ${message}`);
}

/** A database source's `schemas` (names) and `tables` ({ include, exclude } globs). */
function databaseFilters(file: string, name: string, spec: Record<string, unknown>): Pick<DatabaseSourceSpec, 'schemas' | 'tables'> {
  const names = (value: unknown, key: string): string[] | undefined => {
    if (value === undefined) return undefined;
    if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && v)) fail(file, `source "${name}": "${key}" must be a list of names`);
    return value;
  };
  const schemas = names(spec.schemas, 'schemas');
  const tables = spec.tables as Record<string, unknown> | undefined;
  if (tables !== undefined && (typeof tables !== 'object' || tables === null || Array.isArray(tables))) {
    fail(file, `source "${name}": "tables" must be { "include": [globs], "exclude": [globs] }`);
  }
  const include = names(tables?.include, 'tables.include');
  const exclude = names(tables?.exclude, 'tables.exclude');
  return { ...(schemas && { schemas }), ...((include || exclude) && { tables: { ...(include && { include }), ...(exclude && { exclude }) } }) };
}

/** Config files tried in the working directory, in this order; the first that exists is used. */
export const CONFIG_FILES = [CONFIG_FILE, 'schemadrift.config.mjs', 'schemadrift.config.js', 'schemadrift.config.ts'];
const isModule = (file: string) => /\.(m?js|ts)$/.test(file);

function readConfigFile(file: string, loaded?: unknown): { truth?: string; sources: SourceSpec[]; policy: Policy } {
  let raw: unknown = loaded;
  if (!isModule(file)) {
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      fail(file, e instanceof SyntaxError ? `not valid JSON: ${e.message}` : 'cannot be read');
    }
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    fail(file, isModule(file) ? 'must export an object as its default export' : 'must hold a JSON object');
  }
  const obj = raw as Record<string, unknown>;
  const base = path.dirname(file);
  const sources: SourceSpec[] = [];
  const entries = obj.sources ?? {};
  if (typeof entries !== 'object' || entries === null || Array.isArray(entries)) {
    fail(file, '"sources" must be an object of name → { kind, … }');
  }
  for (const [name, value] of Object.entries(entries)) {
    const spec = value as Record<string, unknown>;
    const kind = spec?.kind ?? (KINDS.includes(name as SourceKind) ? name : undefined);
    if (!KINDS.includes(kind as SourceKind)) fail(file, `source "${name}": "kind" must be one of ${KINDS.join(', ')}`);
    if (kind === 'database') {
      if (typeof spec.url !== 'string' || !spec.url) fail(file, `source "${name}": "url" must be a string`);
      if (spec.snapshot !== undefined && (typeof spec.snapshot !== 'string' || !spec.snapshot.endsWith('.json'))) {
        fail(file, `source "${name}": "snapshot" must be the .json file \`schemadrift pull --out\` wrote`);
      }
      const snapshot = typeof spec.snapshot === 'string' ? { snapshot: path.resolve(base, spec.snapshot) } : {};
      sources.push({ name, kind, url: resolveDb(spec.url, base), ...databaseFilters(file, name, spec), ...snapshot });
    } else {
      const files = typeof spec.files === 'string' ? [spec.files] : spec.files;
      if (!Array.isArray(files) || !files.length || !files.every((f) => typeof f === 'string')) {
        fail(file, `source "${name}": "files" must be a list of files, folders or globs`);
      }
      const casing = spec.casing === 'snake_case' || spec.casing === 'camelCase' ? { casing: spec.casing as 'snake_case' | 'camelCase' } : {};
      if (spec.sqlmodelVersion !== undefined && (typeof spec.sqlmodelVersion !== 'string' || !/^\d+(\.\d+)*$/.test(spec.sqlmodelVersion))) {
        fail(file, `source "${name}": "sqlmodelVersion" must be a version such as "0.0.22"`);
      }
      const version = typeof spec.sqlmodelVersion === 'string' ? { sqlmodelVersion: spec.sqlmodelVersion } : {};
      if (spec.newTables !== undefined && (typeof spec.newTables !== 'string' || !spec.newTables)) {
        fail(file, `source "${name}": "newTables" must be the file fix adds new tables to`);
      }
      const newTables = typeof spec.newTables === 'string' ? { newTables: path.resolve(base, spec.newTables) } : {};
      sources.push({ name, kind: kind as 'drizzle' | 'sqlmodel', files: files.map((f: string) => path.resolve(base, f)), ...casing, ...version, ...newTables });
    }
  }
  if (obj.truth !== undefined && typeof obj.truth !== 'string') fail(file, '"truth" must be a source name');
  return { truth: obj.truth as string | undefined, sources, policy: readPolicy(file, obj) };
}

/**
 * Replaces (or adds) the first source of a kind with a command-line value. A database keeps the schemas and
 * tables configured for it: `--db` says where the database is, not which part of it the project models.
 */
function override(sources: SourceSpec[], spec: SourceSpec): void {
  const at = sources.findIndex((s) => s.kind === spec.kind);
  if (at === -1) {
    sources.push(spec);
    return;
  }
  const old = sources[at]!;
  const kept = old.kind === 'database' ? { ...(old.schemas && { schemas: old.schemas }), ...(old.tables && { tables: old.tables }) } : {};
  sources[at] = { ...kept, ...spec, name: old.name } as SourceSpec;
}

function findConfigFile(o: ConfigOverrides): string | undefined {
  const explicit = o.config ? path.resolve(o.cwd, o.config) : undefined;
  if (explicit && !existsSync(explicit)) throw new ConfigError(`${o.config}: config file not found`);
  return explicit ?? CONFIG_FILES.map((f) => path.join(o.cwd, f)).find((f) => existsSync(f));
}

/**
 * The config with `.mjs`/`.js`/`.ts` config files allowed. Such a file is the user's own code and is run
 * (as Prettier and ESLint run theirs); schema files never are. JSON configs can also use the synchronous `loadConfig` (load-sync.ts).
 */
export async function loadConfigModule(o: ConfigOverrides): Promise<ResolvedConfig> {
  const file = findConfigFile(o);
  if (!file) return resolveConfig(o, (await import('../sources/drizzle/config.ts')).drizzleConfigSources);
  if (!isModule(file)) return resolveConfig(o, noDiscovery);
  let mod: { default?: unknown };
  try {
    mod = await importConfig(file);
  } catch (e) {
    throw new ConfigError(`${displayPath(file, o.cwd)}: cannot be loaded: ${(e as Error).message.split('\n')[0]}`);
  }
  // A TypeScript config compiled as CommonJS arrives wrapped once more: { default: { default: config } }.
  const inner = mod.default as { default?: unknown; __esModule?: boolean } | undefined;
  const loaded = inner && typeof inner === 'object' && 'default' in inner && (inner.__esModule || Object.keys(inner).length === 1)
    ? inner.default
    : inner;
  return resolveConfig({ ...o, config: file, loaded }, noDiscovery);
}

/** With a schemadrift config, a drizzle config is not looked for. */
const noDiscovery: DiscoverDrizzle = () => [];

/**
 * Node cannot import TypeScript by itself: a `.ts` config goes through tsx's `tsImport`, which loads that one
 * file (and what it imports) without registering a loader for the whole process.
 */
async function importConfig(file: string): Promise<{ default?: unknown }> {
  const url = pathToFileURL(file).href;
  if (!/\.[cm]?ts$/.test(file)) return (await import(url)) as { default?: unknown };
  const { tsImport } = await import('tsx/esm/api');
  return (await tsImport(url, import.meta.url)) as { default?: unknown };
}

/**
 * A commit hook must not need the network: every database source is read from its committed snapshot.
 * `--db` names the database outright and is taken as given.
 */
function readSnapshots(sources: SourceSpec[], configFile: string | undefined, o: ConfigOverrides, env: Record<string, string | undefined>): void {
  const given = o.db ? sources.findIndex((s) => s.kind === 'database') : -1;
  const where = configFile ? `${displayPath(configFile, o.cwd)}: ` : '';
  const advice = 'run `schemadrift pull --out db/schema.snapshot.json`, commit that file and set "snapshot": "db/schema.snapshot.json" on the database source (or pass --db)';
  for (const [i, s] of sources.entries()) {
    if (s.kind !== 'database' || i === given) continue;
    if (s.snapshot) sources[i] = { ...s, url: s.snapshot };
    else if (isUrl(s.url)) throw new ConfigError(`${where}source "${s.name}" is a live database, which --staged never reads: ${advice}`);
  }
  if (!o.db && !sources.some((s) => s.kind === 'database') && env.DATABASE_URL && isUrl(env.DATABASE_URL)) {
    throw new ConfigError(`the database is DATABASE_URL, a live database, which --staged never reads: ${advice}`);
  }
}

export function resolveConfig(o: ConfigOverrides, discoverDrizzle: DiscoverDrizzle): ResolvedConfig {
  const env = o.env ?? process.env;
  const configFile = findConfigFile(o);
  if (configFile && isModule(configFile) && !('loaded' in o)) {
    throw new ConfigError(`${displayPath(configFile, o.cwd)}: a module config needs loadConfigModule`);
  }
  // Without a schemadrift config, a drizzle.config.ts in the working directory names the sources.
  const fromFile: { truth?: string; sources: SourceSpec[]; policy: Policy } = configFile
    ? readConfigFile(configFile, o.loaded)
    : { sources: discoverDrizzle(o.cwd, env, Boolean(o.drizzle?.length)), policy: EMPTY_POLICY };
  const sources = fromFile.sources;
  if (o.offline) readSnapshots(sources, configFile, o, env);

  if (o.db) override(sources, { name: 'database', kind: 'database', url: resolveDb(o.db, o.cwd) });
  else if (!sources.some((s) => s.kind === 'database') && env.DATABASE_URL) {
    sources.push({ name: 'database', kind: 'database', url: resolveDb(env.DATABASE_URL, o.cwd) });
  }
  if (o.drizzle?.length) override(sources, { name: 'drizzle', kind: 'drizzle', files: o.drizzle.map((f) => path.resolve(o.cwd, f)) });
  if (o.sqlmodel?.length) override(sources, { name: 'sqlmodel', kind: 'sqlmodel', files: o.sqlmodel.map((f) => path.resolve(o.cwd, f)) });
  if (o.schemas?.length) for (const s of sources) if (s.kind === 'database') s.schemas = o.schemas;

  const policy = fromFile.policy;
  checkPolicySources(configFile, policy, sources.map((s) => s.name));
  // In place: the list built above is the one the rest of this function reads.
  sources.splice(0, sources.length, ...selectSources(sources, o.onlySources, o.ignoreSources));

  if (o.need === 'database') {
    if (!sources.some((s) => s.kind === 'database')) {
      throw new ConfigError(`no database to read: give --db, set DATABASE_URL, or name one in ${CONFIG_FILE}`);
    }
  } else if (sources.length < 2) {
    throw new ConfigError(
      `need at least two sources to compare, found ${sources.length}: give --db, --drizzle and/or --sqlmodel, ` +
        `or write ${CONFIG_FILE} (see schemadrift --help)`,
    );
  }
  const truth = o.truth ?? fromFile.truth ?? (sources.some((s) => s.name === 'database') ? 'database' : sources[0]!.name);
  if (!sources.some((s) => s.name === truth)) {
    throw new ConfigError(`truth "${truth}" is not a source (sources: ${sources.map((s) => s.name).join(', ')})`);
  }
  return { configFile, sources, truth, policy };
}
