// The comparison policy in schemadrift.config.json, next to the sources: who owns which table, which tables
// each source models, how loud each rule is, which equivalences are drift and which findings to drop.
//
//   "owners": { "users": "drizzle", "*": "database" },
//   "sources": { "drizzle": { "kind": "drizzle", "files": [...], "tables": { "exclude": ["_*"], "required": true } } },
//   "rules": { "column-type": "off", "fk-on-delete": "critical" },
//   "equivalences": { "varcharText": false },
//   "ignore": [{ "rule": "column-type", "table": "teams", "column": "*" }]

import { SEVERITIES } from '../compare/finding.ts';
import type { Equivalences, IgnoreEntry, OwnerEntry, SeverityOverride, TableFilter } from '../compare/options.ts';
import { RULES } from '../compare/rules/index.ts';
import { ConfigError } from '../errors.ts';

export interface Policy {
  owners: OwnerEntry[];
  /** Per source name. */
  tables: Record<string, TableFilter>;
  rules: Record<string, SeverityOverride>;
  equivalences: Partial<Equivalences>;
  ignore: IgnoreEntry[];
}

export const EMPTY_POLICY: Policy = { owners: [], tables: {}, rules: {}, equivalences: {}, ignore: [] };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

function fail(file: string, message: string): never {
  throw new ConfigError(`${file}: ${message}`);
}

/** `"tables": ["users", "!_*"]` (a list: `!` excludes) or `{ include, exclude, required, mustModel }`. */
function readTables(file: string, source: string, raw: unknown): TableFilter {
  const where = `source "${source}": "tables"`;
  if (isStringList(raw)) {
    const include = raw.filter((p) => !p.startsWith('!'));
    const exclude = raw.filter((p) => p.startsWith('!')).map((p) => p.slice(1));
    return { ...(include.length && { include }), ...(exclude.length && { exclude }) };
  }
  if (!isObject(raw)) fail(file, `${where} must be a list of globs or { include, exclude, required, mustModel }`);
  const out: TableFilter = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'include' || key === 'exclude' || key === 'mustModel') {
      if (!isStringList(value)) fail(file, `${where}.${key} must be a list of table globs`);
      out[key] = value;
    } else if (key === 'required') {
      if (typeof value !== 'boolean') fail(file, `${where}.required must be true or false`);
      out.required = value;
    } else fail(file, `${where}: unknown key "${key}" (include, exclude, required, mustModel)`);
  }
  return out;
}

export function readPolicy(file: string, obj: Record<string, unknown>): Policy {
  const policy: Policy = { owners: [], tables: {}, rules: {}, equivalences: {}, ignore: [] };

  if (obj.owners !== undefined) {
    if (!isObject(obj.owners)) fail(file, '"owners" must be an object of table glob → source name');
    for (const [pattern, source] of Object.entries(obj.owners)) {
      if (typeof source !== 'string') fail(file, `owners "${pattern}": must be a source name`);
      policy.owners.push({ pattern, source });
    }
  }

  if (isObject(obj.sources)) {
    for (const [name, spec] of Object.entries(obj.sources)) {
      if (isObject(spec) && spec.tables !== undefined) policy.tables[name] = readTables(file, name, spec.tables);
    }
  }

  if (obj.rules !== undefined) {
    if (!isObject(obj.rules)) fail(file, '"rules" must be an object of rule → severity or "off"');
    const levels = [...SEVERITIES, 'off'];
    for (const [rule, level] of Object.entries(obj.rules)) {
      if (!RULES.some((r) => r.meta.id === rule)) fail(file, `rules: unknown rule "${rule}" (run schemadrift explain for the list)`);
      if (typeof level !== 'string' || !levels.includes(level)) fail(file, `rules "${rule}": must be one of ${levels.join(', ')}`);
      policy.rules[rule] = level as SeverityOverride;
    }
  }

  if (obj.equivalences !== undefined) {
    if (!isObject(obj.equivalences)) fail(file, '"equivalences" must be an object');
    for (const [key, value] of Object.entries(obj.equivalences)) {
      if (key !== 'varcharText') fail(file, `equivalences: unknown key "${key}" (varcharText)`);
      if (typeof value !== 'boolean') fail(file, `equivalences.${key} must be true or false`);
      policy.equivalences[key] = value;
    }
  }

  if (obj.ignore !== undefined) {
    if (!Array.isArray(obj.ignore)) fail(file, '"ignore" must be a list of { rule, table, column }');
    obj.ignore.forEach((entry, i) => {
      if (!isObject(entry) || !Object.keys(entry).length) fail(file, `ignore[${i}] must be an object with rule, table and/or column`);
      const out: IgnoreEntry = {};
      for (const [key, value] of Object.entries(entry)) {
        if (key !== 'rule' && key !== 'table' && key !== 'column') fail(file, `ignore[${i}]: unknown key "${key}" (rule, table, column)`);
        if (typeof value !== 'string') fail(file, `ignore[${i}].${key} must be a string (a glob)`);
        out[key] = value;
      }
      policy.ignore.push(out);
    });
  }
  return policy;
}

/** Owners and table settings must name sources of the run; checked once command-line flags are applied. */
export function checkPolicySources(file: string | undefined, policy: Policy, sources: readonly string[]): void {
  const where = file ? `${file}: ` : '';
  for (const o of policy.owners) {
    if (!sources.includes(o.source)) {
      throw new ConfigError(`${where}owners "${o.pattern}": "${o.source}" is not a source (sources: ${sources.join(', ')})`);
    }
  }
}
