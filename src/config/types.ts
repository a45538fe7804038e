import type { SourceKind } from '../model/schema.ts';
import type { TableFilter } from '../sources/database/filter.ts';
import type { Policy } from './policy.ts';

interface SourceBase {
  /** The source's name in reports and JSON (`database`, `drizzle`, `sqlmodel`, or a configured name). */
  name: string;
}

export interface DatabaseSourceSpec extends SourceBase {
  kind: 'database';
  /** `postgres://…`, a `.sql` file, a folder of migrations or a snapshot `.json`; paths are absolute once resolved. */
  url: string;
  /** Only these PostgreSQL schemas (all but the system ones when absent). */
  schemas?: string[];
  /** Table globs, matched against `table` and `schema.table`. */
  tables?: TableFilter;
  /** A committed `schemadrift pull` snapshot (absolute once resolved): what `fix --staged` reads instead of `url`. */
  snapshot?: string;
}

export interface CodeSourceSpec extends SourceBase {
  kind: Exclude<SourceKind, 'database'>;
  /** Files, folders or globs; absolute once resolved. */
  files: string[];
  /** Drizzle only: how column names are derived from keys written without one (drizzle's `casing`). */
  casing?: 'snake_case' | 'camelCase';
  /** Python only: the SQLModel release the models are written for (else read from the project's pins). */
  sqlmodelVersion?: string;
  /**
   * The file `fix` appends a table to when this source must model one it lacks (table-missing), absolute once
   * resolved; one of the source's own files. Default: the file holding most of the tables it is related to.
   */
  newTables?: string;
}

export type SourceSpec = DatabaseSourceSpec | CodeSourceSpec;

export interface ResolvedConfig {
  /** Where the config was read from, if anywhere. */
  configFile?: string;
  sources: SourceSpec[];
  truth: string;
  /** Owners, per-source table settings, rule severities, equivalences and ignore entries. */
  policy: Policy;
}
