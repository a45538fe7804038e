// A PostgreSQL type as Python models declare it, the inverse of src/sources/sqlmodel/types.ts: the annotation,
// SQLModel's `Field` keywords and `sa_type=`, and the SQLAlchemy type a `Column(...)`/`mapped_column(...)` takes.

import { CannotApply } from './cannot-apply.ts';

/** A name and the module it comes from (none for builtins). */
export interface PyName {
  module?: string;
  name: string;
}

/** `String(64)`: a SQLAlchemy type and its arguments as written inside the parentheses (none: bare `String`). */
export interface SaType extends PyName {
  args?: string;
}

export interface PythonColumnType {
  annotation: PyName;
  /** SQLModel `Field` keywords the annotation needs to mean the type: `max_length=64`. */
  fieldKeywords: string[];
  /** SQLModel `sa_type=` when neither annotation nor keywords say the type. */
  sqlmodelSaType?: SaType;
  /** The type a SQLAlchemy `Column(...)` takes. */
  saType: SaType;
  /** Whether `Mapped[annotation]` alone gives the type under SQLAlchemy's default type_annotation_map. */
  annotationSuffices: boolean;
}

const SA = 'sqlalchemy';
const PG = 'sqlalchemy.dialects.postgresql';
const builtin = (name: string): PyName => ({ name });
const from = (module: string, name: string): PyName => ({ module, name });
const sa = (name: string, args?: string): SaType => ({ module: SA, name, ...(args !== undefined && { args }) });

interface Entry {
  annotation: PyName;
  saType: SaType;
  /** The annotation alone already means this type (in SQLModel and in SQLAlchemy's map). */
  plain: boolean;
  fieldKeywords?: string[];
}

function entry(sql: string): Entry | undefined {
  switch (sql) {
    case 'character varying':
      return { annotation: builtin('str'), saType: sa('String'), plain: true };
    case 'text':
      return { annotation: builtin('str'), saType: sa('Text'), plain: false };
    case 'integer':
      return { annotation: builtin('int'), saType: sa('Integer'), plain: true };
    case 'bigint':
      return { annotation: builtin('int'), saType: sa('BigInteger'), plain: false };
    case 'smallint':
      return { annotation: builtin('int'), saType: sa('SmallInteger'), plain: false };
    case 'boolean':
      return { annotation: builtin('bool'), saType: sa('Boolean'), plain: true };
    case 'double precision':
      return { annotation: builtin('float'), saType: sa('Float'), plain: true };
    case 'real':
      return { annotation: builtin('float'), saType: sa('REAL'), plain: false };
    case 'numeric':
      return { annotation: from('decimal', 'Decimal'), saType: sa('Numeric'), plain: true };
    case 'date':
      return { annotation: from('datetime', 'date'), saType: sa('Date'), plain: true };
    case 'time without time zone':
      return { annotation: from('datetime', 'time'), saType: sa('Time'), plain: true };
    case 'time with time zone':
      return { annotation: from('datetime', 'time'), saType: sa('Time', 'timezone=True'), plain: false };
    case 'interval':
      return { annotation: from('datetime', 'timedelta'), saType: sa('Interval'), plain: true };
    case 'uuid':
      return { annotation: from('uuid', 'UUID'), saType: sa('Uuid'), plain: true };
    case 'bytea':
      return { annotation: builtin('bytes'), saType: sa('LargeBinary'), plain: true };
    case 'json':
      return { annotation: builtin('dict'), saType: sa('JSON'), plain: false };
    case 'jsonb':
      return { annotation: builtin('dict'), saType: { module: PG, name: 'JSONB' }, plain: false };
  }
  let m = /^character varying\((\d+)\)$/.exec(sql);
  if (m) return { annotation: builtin('str'), saType: sa('String', m[1]), plain: false, fieldKeywords: [`max_length=${m[1]}`] };
  m = /^numeric\((\d+),(\d+)\)$/.exec(sql);
  if (m) {
    return {
      annotation: from('decimal', 'Decimal'),
      saType: sa('Numeric', `${m[1]}, ${m[2]}`),
      plain: false,
      fieldKeywords: [`max_digits=${m[1]}`, `decimal_places=${m[2]}`],
    };
  }
  return undefined;
}

/**
 * `sql` as Python declares it. `plainDatetime` is the type a bare `datetime` gets in the SQLModel the project
 * pins (`timestamp with time zone` from 0.0.45); `enumClass` is the file's Enum class named after the type.
 */
export function pythonColumnType(sql: string, plainDatetime: string, enumClass: string | undefined): PythonColumnType {
  const ts = /^timestamp (with|without) time zone$/.exec(sql);
  if (ts) {
    const aware = ts[1] === 'with';
    const saType = aware ? sa('DateTime', 'timezone=True') : sa('DateTime');
    const datetime = from('datetime', 'datetime');
    if (sql === plainDatetime) return { annotation: datetime, fieldKeywords: [], saType, annotationSuffices: !aware };
    // SQLModel from 0.0.45 maps pydantic's NaiveDatetime to a naive timestamp; before, sa_type says "aware".
    return aware
      ? { annotation: datetime, fieldKeywords: [], sqlmodelSaType: saType, saType, annotationSuffices: false }
      : { annotation: from('pydantic', 'NaiveDatetime'), fieldKeywords: [], saType, annotationSuffices: true };
  }
  if (enumClass) return { annotation: builtin(enumClass), fieldKeywords: [], saType: sa('Enum', enumClass), annotationSuffices: true };
  const e = entry(sql);
  if (!e) throw new CannotApply(`no Python declaration of ${sql} is written by this fix; add the column by hand`);
  const sqlmodelSaType = e.plain || e.fieldKeywords ? undefined : e.saType;
  return {
    annotation: e.annotation,
    fieldKeywords: e.fieldKeywords ?? [],
    ...(sqlmodelSaType && { sqlmodelSaType }),
    saType: e.saType,
    annotationSuffices: e.plain,
  };
}
