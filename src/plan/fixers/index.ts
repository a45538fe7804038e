// Which rule can be fixed in which kind of source. A fixer sees the finding and the models (read-only) and
// says what to change, or nothing when it cannot do so safely; plan asks them (src/plan/index.ts).

import type { SourceKind } from '../../model/schema.ts';
import type { Fixer } from './shared.ts';
import { drizzleFkTarget, drizzleFkOnDelete, drizzleFkOnUpdate, sqlmodelForeignKey, sqlmodelOnDelete, sqlmodelOnUpdate } from './foreign-keys.ts';
import { nullableFixer, defaultFixer, missingColumnFixer, typeFixer, extraColumnFixer } from './columns.ts';
import { uniqueFixer, indexFixer, primaryKeyFixer } from './keys.ts';
import { drizzleTableAdd, drizzleTableRemove, sqlmodelTableAdd, sqlmodelTableRemove, type TableFixer, type TableRemover } from './tables.ts';

/** Rules whose fixers add what a source lacks, so plan asks them about sources where the fact is `absent`. */
export const ADDS_ABSENT: ReadonlySet<string> = new Set(['column-missing', 'unique-missing', 'index-missing', 'table-missing']);

/** Rules whose fixers remove what the truth lacks, so plan asks them although the truth has no value. */
export const REMOVES_PRESENT: ReadonlySet<string> = new Set(['column-extra', 'unique-extra', 'index-extra', 'table-missing']);

// SQLModel's Field(foreign_key=…) has no ON UPDATE, so in Python fk-on-update is fixed only where SQLAlchemy
// declares the key: ForeignKey(…, onupdate=…) in a column, or a ForeignKeyConstraint.
export const FIXERS: Partial<Record<string, Partial<Record<SourceKind, Fixer>>>> = {
  'fk-target': { drizzle: drizzleFkTarget, sqlmodel: sqlmodelForeignKey },
  'fk-on-delete': { drizzle: drizzleFkOnDelete, sqlmodel: sqlmodelOnDelete },
  'fk-on-update': { drizzle: drizzleFkOnUpdate, sqlmodel: sqlmodelOnUpdate },
  'column-nullable': { drizzle: nullableFixer('drizzle-column-nullable'), sqlmodel: nullableFixer('sqlmodel-column-nullable') },
  'column-default': { drizzle: defaultFixer('drizzle-column-default'), sqlmodel: defaultFixer('sqlmodel-column-default') },
  'column-missing': { drizzle: missingColumnFixer('drizzle-column-add'), sqlmodel: missingColumnFixer('sqlmodel-column-add') },
  'column-extra': { drizzle: extraColumnFixer('drizzle-column-remove'), sqlmodel: extraColumnFixer('sqlmodel-column-remove') },
  'unique-missing': { drizzle: uniqueFixer('drizzle-unique'), sqlmodel: uniqueFixer('sqlmodel-unique') },
  'unique-extra': { drizzle: uniqueFixer('drizzle-unique'), sqlmodel: uniqueFixer('sqlmodel-unique') },
  'index-missing': { drizzle: indexFixer('drizzle-index'), sqlmodel: indexFixer('sqlmodel-index') },
  'index-extra': { drizzle: indexFixer('drizzle-index'), sqlmodel: indexFixer('sqlmodel-index') },
  'primary-key': { drizzle: primaryKeyFixer('drizzle-primary-key'), sqlmodel: primaryKeyFixer('sqlmodel-primary-key') },
  'column-type': { drizzle: typeFixer('drizzle-column-type'), sqlmodel: typeFixer('sqlmodel-column-type') },
};

/** Fixers for rules about a table the source lacks altogether; plan asks them where the source has no such table. */
export const TABLE_FIXERS: Partial<Record<string, Partial<Record<SourceKind, TableFixer>>>> = {
  'table-missing': { drizzle: drizzleTableAdd, sqlmodel: sqlmodelTableAdd },
};

/**
 * Fixers for rules about a table the truth lacks altogether (table-missing the other way round); plan asks them
 * about the sources that declare it. Removing a table can break code using it: their actions are unsafe.
 */
export const TABLE_REMOVERS: Partial<Record<string, Partial<Record<SourceKind, TableRemover>>>> = {
  'table-missing': { drizzle: drizzleTableRemove, sqlmodel: sqlmodelTableRemove },
};
