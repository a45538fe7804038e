// The snapshot file `schemadrift pull --out FILE.json` writes and any command reads back as `--db FILE.json`:
// the database's model as JSON, so a commit hook or CI can compare without reaching the database. (Not to
// be confused with pglite-snapshot.ts, which caches an empty PGlite data directory.)
//
// One description of the format serves both ways: writing runs the introspection through it (keys in a
// fixed order, nothing but model facts: no URL, host or password can get in), reading checks a file against
// it and builds the same objects. Lists are in the order introspection sorts them in, so the same database
// always gives the same bytes. Unknown keys are ignored, so a later version-1 writer may add optional facts.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DatabaseError } from '../../errors.ts';
import { FK_ACTIONS } from '../../model/schema.ts';
import { displayPath } from '../../model/span.ts';
import { keepsSchema, keepsTable } from './filter.ts';
import type { Introspection, IntrospectOptions } from './introspect.ts';
import { fsFailure } from './sql-scripts.ts';

export const SNAPSHOT_MARKER = 'snapshot';
export const SNAPSHOT_VERSION = 1;

export function isSnapshotPath(location: string): boolean {
  return /\.json$/i.test(location);
}

type Shape =
  | 'string'
  | 'boolean'
  | { oneOf: readonly string[] }
  | { list: Shape }
  | { fields: Record<string, Shape>; optional?: readonly string[] };

const STRINGS: Shape = { list: 'string' };
const FK_ACTION: Shape = { oneOf: FK_ACTIONS };

const COLUMN: Shape = {
  fields: {
    name: 'string',
    type: { fields: { sql: 'string' } },
    nullable: 'boolean',
    default: 'string',
    identity: { oneOf: ['ALWAYS', 'BY DEFAULT'] },
    generated: 'string',
    comment: 'string',
  },
  optional: ['default', 'identity', 'generated', 'comment'],
};

const FOREIGN_KEY: Shape = {
  fields: {
    name: 'string',
    columns: STRINGS,
    target: { fields: { schema: 'string', table: 'string', columns: STRINGS } },
    onDelete: FK_ACTION,
    onUpdate: FK_ACTION,
    deferrable: { oneOf: ['DEFERRABLE INITIALLY IMMEDIATE', 'DEFERRABLE INITIALLY DEFERRED'] },
    match: { oneOf: ['FULL', 'PARTIAL'] },
  },
  optional: ['name', 'deferrable', 'match'],
};

const INDEX: Shape = {
  fields: {
    name: 'string',
    columns: STRINGS,
    parts: {
      list: {
        fields: {
          column: 'string',
          expression: 'string',
          order: { oneOf: ['DESC'] },
          nulls: { oneOf: ['FIRST', 'LAST'] },
          opclass: 'string',
        },
        optional: ['column', 'expression', 'order', 'nulls', 'opclass'],
      },
    },
    unique: 'boolean',
    method: 'string',
    where: 'string',
  },
  optional: ['name', 'parts', 'method', 'where'],
};

const TABLE: Shape = {
  fields: {
    schema: 'string',
    name: 'string',
    comment: 'string',
    partitioned: 'boolean',
    columns: { list: COLUMN },
    primaryKey: { fields: { name: 'string', columns: STRINGS }, optional: ['name'] },
    foreignKeys: { list: FOREIGN_KEY },
    uniques: {
      list: { fields: { name: 'string', columns: STRINGS, nullsNotDistinct: 'boolean' }, optional: ['name', 'nullsNotDistinct'] },
    },
    indexes: { list: INDEX },
    checks: { list: { fields: { name: 'string', expression: 'string' }, optional: ['name'] } },
    rls: { fields: { enabled: 'boolean', policies: STRINGS } },
  },
  optional: ['comment', 'partitioned', 'primaryKey', 'checks', 'rls'],
};

const INTROSPECTION: Shape = {
  fields: {
    tables: { list: TABLE },
    enums: { list: { fields: { schema: 'string', name: 'string', values: STRINGS } } },
    sequences: { list: { fields: { schema: 'string', name: 'string' } } },
    notes: { list: { fields: { schema: 'string', table: 'string', message: 'string' } } },
  },
};

class ShapeError extends Error {}

/** `value` rebuilt after `shape`: its keys in the shape's order, nothing else. Throws ShapeError naming
 * the first place that does not fit. */
function conform(shape: Shape, value: unknown, at: string): unknown {
  if (shape === 'string' || shape === 'boolean') {
    if (typeof value !== shape) throw new ShapeError(`${at} must be a ${shape}`);
    return value;
  }
  if ('oneOf' in shape) {
    if (typeof value !== 'string' || !shape.oneOf.includes(value)) {
      throw new ShapeError(`${at} must be one of ${shape.oneOf.map((v) => JSON.stringify(v)).join(', ')}`);
    }
    return value;
  }
  if ('list' in shape) {
    if (!Array.isArray(value)) throw new ShapeError(`${at} must be a list`);
    return value.map((item, i) => conform(shape.list, item, `${at}[${i}]`));
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ShapeError(`${at} must be an object`);
  const record = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(shape.fields)) {
    const inner = at ? `${at}.${key}` : key;
    if (record[key] === undefined) {
      if (shape.optional?.includes(key)) continue;
      throw new ShapeError(`${inner} is missing`);
    }
    out[key] = conform(field, record[key], inner);
  }
  return out;
}

/** The snapshot text: the same introspection always gives the same bytes. */
export function formatSnapshot(introspection: Introspection): string {
  const body = conform(INTROSPECTION, introspection, '') as Record<string, unknown>;
  return `${JSON.stringify({ schemadrift: SNAPSHOT_MARKER, version: SNAPSHOT_VERSION, ...body }, null, 2)}\n`;
}

/** Reads a snapshot, keeping what the options select (as the catalog queries would have). */
export async function readSnapshotFile(location: string, cwd: string, options: IntrospectOptions): Promise<Introspection> {
  const full = path.resolve(cwd, location);
  const shown = displayPath(full, cwd);
  let text: string;
  try {
    text = await readFile(full, 'utf8');
  } catch (error) {
    throw new DatabaseError(`${shown}: ${fsFailure(error)}`);
  }
  const snapshot = parseSnapshot(text, shown);
  return {
    tables: snapshot.tables.filter((t) => keepsSchema(options.schemas, t.schema) && keepsTable(options.tables, t.schema, t.name)),
    enums: snapshot.enums.filter((e) => keepsSchema(options.schemas, e.schema)),
    sequences: snapshot.sequences.filter((s) => keepsSchema(options.schemas, s.schema)),
    notes: snapshot.notes.filter((n) => keepsSchema(options.schemas, n.schema) && keepsTable(options.tables, n.schema, n.table)),
  };
}

export function parseSnapshot(text: string, shown: string): Introspection {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new DatabaseError(`${shown}: not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const head = (typeof raw === 'object' && raw !== null ? raw : {}) as { schemadrift?: unknown; version?: unknown };
  if (head.schemadrift !== SNAPSHOT_MARKER) {
    throw new DatabaseError(`${shown}: not a schemadrift snapshot (write one with: schemadrift pull --out ${shown})`);
  }
  if (head.version !== SNAPSHOT_VERSION) {
    const newer = typeof head.version === 'number' && head.version > SNAPSHOT_VERSION;
    throw new DatabaseError(
      `${shown}: snapshot version ${JSON.stringify(head.version)} ${newer ? 'is newer than this schemadrift reads' : 'is not one schemadrift knows'} (it reads version ${SNAPSHOT_VERSION})`,
    );
  }
  try {
    return conform(INTROSPECTION, raw, '') as Introspection;
  } catch (error) {
    if (error instanceof ShapeError) throw new DatabaseError(`${shown}: not a valid snapshot: ${error.message}`);
    throw error;
  }
}
