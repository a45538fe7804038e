import type { SourceKind } from '../model/schema.ts';
import type { TableFilter } from '../sources/database/filter.ts';

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
}

export interface CodeSourceSpec extends SourceBase {
  kind: Exclude<SourceKind, 'database'>;
  /** Files, folders or globs; absolute once resolved. */
  files: string[];
}

export type SourceSpec = DatabaseSourceSpec | CodeSourceSpec;

export interface ResolvedConfig {
  /** Where the config was read from, if anywhere. */
  configFile?: string;
  sources: SourceSpec[];
  truth: string;
}
