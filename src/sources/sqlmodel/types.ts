// SQL types as SQLModel and SQLAlchemy 2 create them on PostgreSQL, spelled as `format_type()` prints them.
// Two inputs pick the type: the Python annotation (SQLModel's mapping, or SQLAlchemy's default
// `type_annotation_map` for `Mapped[T]`), or an explicit SQLAlchemy type (`sa_type=`, `Column(String(20))`).
//
// A bare `datetime` depends on the SQLModel release (version.ts): `timestamp with time zone` from 0.0.45,
// `timestamp without time zone` before and in plain SQLAlchemy. `NaiveDatetime`/`AwareDatetime` are explicit.

import { namedChildrenOf } from '../../lang/python.ts';
import type { Node } from '../../lang/python.ts';
import { keywordArgs, lastSegment, stringValue } from './cst.ts';

/** Facts from `Field(...)` that refine the annotation's type. */
export interface TypeParams {
  maxLength?: number;
  maxDigits?: number;
  decimalPlaces?: number;
  /** SQLModel 0.0.45 and later: a bare `datetime` is `UTCDateTime`. */
  utcDatetime?: boolean;
}

const STRING_TYPES = new Set([
  'str',
  'EmailStr',
  'Path',
  'IPv4Address',
  'IPv4Network',
  'IPv6Address',
  'IPv6Network',
]);

const SIMPLE_PYTHON_TYPES: Record<string, string> = {
  int: 'integer',
  float: 'double precision',
  bool: 'boolean',
  datetime: 'timestamp without time zone',
  NaiveDatetime: 'timestamp without time zone',
  AwareDatetime: 'timestamp with time zone',
  date: 'date',
  time: 'time without time zone',
  timedelta: 'interval',
  UUID: 'uuid',
  bytes: 'bytea',
};

/**
 * The SQL type for an annotation's type name, or undefined when SQLModel would not map it (or we cannot tell).
 * `enums` are Enum subclasses found in the files read: SQLAlchemy names their PostgreSQL type after the class.
 */
export function pythonTypeToSql(name: string, params: TypeParams, enums: ReadonlySet<string>): string | undefined {
  if (enums.has(name)) return name.toLowerCase();
  if (STRING_TYPES.has(name)) {
    return params.maxLength ? `character varying(${params.maxLength})` : 'character varying';
  }
  if (name === 'Decimal') return numeric(params.maxDigits, params.decimalPlaces);
  if (name === 'datetime' && params.utcDatetime) return 'timestamp with time zone';
  return SIMPLE_PYTHON_TYPES[name];
}

function numeric(precision: number | undefined, scale: number | undefined): string {
  // SQLAlchemy drops the scale without a precision; PostgreSQL prints a bare precision as scale 0.
  if (precision === undefined) return 'numeric';
  return `numeric(${precision},${scale ?? 0})`;
}

const SA_SIMPLE_TYPES: Record<string, string> = {
  Text: 'text',
  TEXT: 'text',
  UnicodeText: 'text',
  Integer: 'integer',
  INTEGER: 'integer',
  INT: 'integer',
  BigInteger: 'bigint',
  BIGINT: 'bigint',
  SmallInteger: 'smallint',
  SMALLINT: 'smallint',
  Boolean: 'boolean',
  BOOLEAN: 'boolean',
  Double: 'double precision',
  DOUBLE_PRECISION: 'double precision',
  REAL: 'real',
  Date: 'date',
  DATE: 'date',
  Interval: 'interval',
  INTERVAL: 'interval',
  JSON: 'json',
  JSONB: 'jsonb',
  Uuid: 'uuid',
  UUID: 'uuid',
  LargeBinary: 'bytea',
  BYTEA: 'bytea',
  INET: 'inet',
  CIDR: 'cidr',
};

/** The SQL type for a SQLAlchemy type expression (`Text`, `String(64)`, `DateTime(timezone=True)`). */
export function saTypeToSql(expr: Node): string | undefined {
  const isCall = expr.type === 'call';
  const head = isCall ? expr.childForFieldName('function') : expr;
  if (!head || (head.type !== 'identifier' && head.type !== 'attribute')) return undefined;
  const name = lastSegment(head.text);
  const args = isCall ? positionalArgs(expr) : [];
  const kw = isCall ? new Map(keywordArgs(expr).map((k) => [k.name, k.value])) : new Map<string, Node>();
  // A call with arguments we do not interpret could change the type; refuse rather than guess.
  const known = (names: string[], positional: number): boolean =>
    args.length <= positional && [...kw.keys()].every((k) => names.includes(k));

  switch (name) {
    case 'String':
    case 'VARCHAR':
    case 'Unicode':
    case 'AutoString': {
      if (!known(['length', 'collation'], 1) || kw.has('collation')) return undefined;
      const length = intValue(args[0] ?? kw.get('length'));
      if (length === null) return undefined;
      return length === undefined ? 'character varying' : `character varying(${length})`;
    }
    case 'DateTime':
    case 'TIMESTAMP':
    case 'Time':
    case 'TIME': {
      if (!known(['timezone'], 1)) return undefined;
      const tz = boolValue(args[0] ?? kw.get('timezone'));
      if (tz === null) return undefined;
      const base = name === 'DateTime' || name === 'TIMESTAMP' ? 'timestamp' : 'time';
      return `${base} ${tz ? 'with' : 'without'} time zone`;
    }
    case 'Numeric':
    case 'NUMERIC': {
      if (!known(['precision', 'scale'], 2)) return undefined;
      const precision = intValue(args[0] ?? kw.get('precision'));
      const scale = intValue(args[1] ?? kw.get('scale'));
      if (precision === null || scale === null) return undefined;
      return numeric(precision, scale);
    }
    case 'Float':
    case 'FLOAT':
      // FLOAT(p) becomes real or double precision depending on p; only the bare form is certain.
      return isCall && (args.length > 0 || kw.size > 0) ? undefined : 'double precision';
    case 'Enum':
    case 'ENUM': {
      // SQLAlchemy names the PostgreSQL type `name=`, else after the Python enum class, lower-cased.
      const named = kw.get('name');
      if (named) return stringValue(named);
      const first = args[0];
      return first && (first.type === 'identifier' || first.type === 'attribute') ? lastSegment(first.text).toLowerCase() : undefined;
    }
    case 'ARRAY': {
      if (!known([], 1) || !args[0]) return undefined;
      const item = saTypeToSql(args[0]);
      return item && `${item}[]`;
    }
    default: {
      const simple = SA_SIMPLE_TYPES[name];
      // JSONB(none_as_null=...) and similar keyword-only tweaks do not change the column type.
      return simple && args.length === 0 ? simple : undefined;
    }
  }
}

function positionalArgs(call: Node): Node[] {
  const list = call.childForFieldName('arguments');
  if (!list) return [];
  return namedChildrenOf(list).filter((a) => a.type !== 'keyword_argument' && a.type !== 'comment');
}

/** undefined: absent; null: present but not a literal we can read. */
export function intValue(node: Node | undefined): number | undefined | null {
  if (!node) return undefined;
  if (node.type === 'none') return undefined;
  if (node.type !== 'integer' || !/^\d+$/.test(node.text)) return null;
  return Number(node.text);
}

export function boolValue(node: Node | undefined): boolean | undefined | null {
  if (!node) return undefined;
  if (node.type === 'true') return true;
  if (node.type === 'false') return false;
  return null;
}

/** `Enum`, `enum.Enum`, `StrEnum`, `IntEnum`: a base that makes a class a Python enum. */
export function isEnumBase(name: string): boolean {
  return name === 'Enum' || name === 'StrEnum' || name === 'IntEnum';
}
