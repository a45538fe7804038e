import type { ComparedFinding } from '../compare/finding.ts';

/** The transforms in `transforms/` that plan may ask for; each id is the module's file name. */
export type TransformId =
  | 'drizzle-fk-target'
  | 'drizzle-fk-on-delete'
  | 'drizzle-fk-on-update'
  | 'drizzle-column-nullable'
  | 'drizzle-column-default'
  | 'drizzle-column-add'
  | 'drizzle-column-remove'
  | 'drizzle-column-type'
  | 'sqlmodel-column-type'
  | 'sqlmodel-column-remove'
  | 'sqlmodel-column-add'
  | 'sqlmodel-foreign-key'
  | 'sqlmodel-on-delete'
  | 'sqlmodel-on-update'
  | 'sqlmodel-column-nullable'
  | 'sqlmodel-column-default'
  | 'drizzle-unique'
  | 'drizzle-index'
  | 'drizzle-primary-key'
  | 'drizzle-table-add'
  | 'drizzle-table-remove'
  | 'sqlmodel-unique'
  | 'sqlmodel-index'
  | 'sqlmodel-primary-key'
  | 'sqlmodel-table-add'
  | 'sqlmodel-table-remove';

/** One edit to one file: which transform, with which options, and the finding it settles. */
export interface FixAction {
  rule: string;
  /** The source being fixed. */
  source: string;
  /** The file to change, as shown to users (relative to the working directory). */
  file: string;
  transform: TransformId;
  options: Record<string, string>;
  /** One line for summaries: `teams.owner_id: foreign key → users.id`. */
  description: string;
  /** Removes code callers may use (a column or table the truth lacks): applied only with `fix --unsafe`. */
  unsafe?: true;
  finding: ComparedFinding;
}
