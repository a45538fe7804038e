// The rule registry. Order here is the order findings of equal severity and place are listed in.

import type { Rule } from '../rule.ts';
import { checkMissing } from './check-missing.ts';
import { columnDefault } from './column-default.ts';
import { columnExtra, columnMissing } from './column-presence.ts';
import { columnNullable } from './column-nullable.ts';
import { columnType } from './column-type.ts';
import { constraintName } from './constraint-name.ts';
import { enumValues } from './enum-values.ts';
import { fkOnDelete, fkOnUpdate } from './fk-on-delete.ts';
import { fkExtra, fkMissing } from './fk-presence.ts';
import { fkTarget } from './fk-target.ts';
import { indexExtra, indexMissing, uniqueExtra, uniqueMissing } from './keyed-presence.ts';
import { primaryKey } from './primary-key.ts';
import { tableMissing } from './table-missing.ts';

export const RULES: readonly Rule[] = [
  tableMissing,
  primaryKey,
  columnMissing,
  columnExtra,
  columnType,
  columnNullable,
  columnDefault,
  fkTarget,
  fkOnDelete,
  fkOnUpdate,
  fkMissing,
  fkExtra,
  uniqueMissing,
  uniqueExtra,
  indexMissing,
  indexExtra,
  checkMissing,
  enumValues,
  constraintName,
];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.meta.id === id);
}
