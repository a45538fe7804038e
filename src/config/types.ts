import type { SourceKind } from '../model/schema.ts';

interface SourceBase {
  /** The source's name in reports and JSON (`database`, `drizzle`, `sqlmodel`, or a configured name). */
  name: string;
}

export interface DatabaseSourceSpec extends SourceBase {
  kind: 'database';
  /** `postgres://…`, a `.sql` file or a folder of migrations; paths are absolute once resolved. */
  url: string;
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
