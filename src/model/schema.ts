// The normalized schema model: what every source (database, Drizzle, Python) is read into, and all that
// `compare` ever sees. Values are spelled the way PostgreSQL itself spells them, so that comparing two
// sources is comparing strings, and every fact read from code carries where it was written.

/** Where a fact was written. Offsets are UTF-16 code-unit offsets into the file's text (what JS strings
 * index), so a transform can splice with `text.slice(0, start) + x + text.slice(end)`. */
export interface Span {
  /** Path as given to / found by the source, relative to the working directory when inside it, with `/`. */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units. */
  column: number;
  start: number;
  end: number;
}

export type SourceKind = 'database' | 'drizzle' | 'sqlmodel';

/** Referential actions as PostgreSQL spells them in `information_schema` and in DDL. */
export const FK_ACTIONS = ['NO ACTION', 'RESTRICT', 'CASCADE', 'SET NULL', 'SET DEFAULT'] as const;
export type FkAction = (typeof FK_ACTIONS)[number];

export interface ColumnType {
  /**
   * The type as PostgreSQL's `format_type()` prints it: `text`, `character varying`, `character varying(64)`,
   * `integer`, `timestamp without time zone`, `timestamp(3) with time zone`, `numeric(10,2)`, `text[]`, or an
   * enum/domain name. `null` when a source cannot know the type statically (it then never causes drift).
   */
  sql: string | null;
  /** How the source wrote it, for messages (`text("id")`, `str`, `varchar(64)`). */
  written?: string;
}

export interface Column {
  name: string;
  type: ColumnType;
  nullable: boolean;
  /** A database-side default, as SQL text; application-side defaults are not recorded here. */
  default?: string;
  loc?: Span;
  /** How code refers to this column: the Drizzle property key or the Python attribute name. */
  binding?: string;
}

export interface TableRef {
  schema: string;
  table: string;
}

export interface ForeignKey {
  /** Local columns, in declaration order. */
  columns: string[];
  target: TableRef & { columns: string[] };
  onDelete: FkAction;
  onUpdate: FkAction;
  /** The constraint name, when the source declares or has one: a low-weight fact. */
  name?: string;
  /** Where the whole declaration is (`.references(...)` call, `Field(...)` call, the constraint). */
  loc?: Span;
  /** Where the target is written (`() => users.id`, `"users.id"`), when that is a separate piece of text. */
  targetLoc?: Span;
  /** Where the ON DELETE action is written, when it is (`onDelete: "cascade"`, `ondelete="CASCADE"`). */
  onDeleteLoc?: Span;
}

export interface PrimaryKey {
  columns: string[];
  name?: string;
  loc?: Span;
}

export interface UniqueConstraint {
  columns: string[];
  name?: string;
  nullsNotDistinct?: boolean;
  loc?: Span;
}

export interface Index {
  name?: string;
  columns: string[];
  unique: boolean;
  loc?: Span;
}

export interface Table {
  schema: string;
  name: string;
  columns: Column[];
  primaryKey?: PrimaryKey;
  foreignKeys: ForeignKey[];
  uniques: UniqueConstraint[];
  indexes: Index[];
  loc?: Span;
  /** How code refers to this table: the Drizzle variable or the Python class name. */
  binding?: string;
}

/** A problem reading a source that is not fatal: an unsupported construct that was skipped. */
export interface Diagnostic {
  message: string;
  loc?: Span;
}

export interface SchemaModel {
  /** The source's name in this run (`database`, `drizzle`, `sqlmodel`, or a configured name). */
  source: string;
  kind: SourceKind;
  tables: Table[];
  diagnostics: Diagnostic[];
}
