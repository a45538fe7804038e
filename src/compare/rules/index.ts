// The rule registry. Order here is the order findings of equal severity and place are listed in.

import type { Rule } from '../rule.ts';
import { columnExtra, columnMissing } from './column-presence.ts';
import { columnNullable } from './column-nullable.ts';
import { columnType } from './column-type.ts';
import { fkOnDelete, fkOnUpdate } from './fk-on-delete.ts';
import { fkExtra, fkMissing } from './fk-presence.ts';
import { fkTarget } from './fk-target.ts';
import { primaryKey } from './primary-key.ts';

export const RULES: readonly Rule[] = [
  primaryKey,
  columnMissing,
  columnExtra,
  columnType,
  columnNullable,
  fkTarget,
  fkOnDelete,
  fkOnUpdate,
  fkMissing,
  fkExtra,
];

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.meta.id === id);
}
