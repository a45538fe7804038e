import type { FkAction, ForeignKey } from '../../model/schema.ts';
import { describeDisagreement, disagreement, distinctValues, type Rule, type RuleMeta } from '../rule.ts';
import { collectFkFacts, fkColumnLabel, foreignKeyColumnSets } from './foreign-keys.ts';

/** fk-on-delete and fk-on-update are one rule over two different facts of a foreign key. */
function referentialActionRule(meta: RuleMeta, clause: string, pick: (fk: ForeignKey) => FkAction): Rule {
  return {
    meta,
    check(ctx) {
      return foreignKeyColumnSets(ctx).flatMap((columns) => {
        const facts = collectFkFacts(ctx, columns, (fk) => ({
          value: pick(fk),
          loc: (clause === 'ON DELETE' ? fk.onDeleteLoc : undefined) ?? fk.loc,
        }));
        if (distinctValues(facts).length < 2) return [];
        const label = fkColumnLabel(columns);
        const message = `${clause} of foreign key ${ctx.key}.${label} differs: ${describeDisagreement(facts)}`;
        return [disagreement(meta, ctx, label, facts, message)];
      });
    },
  };
}

export const fkOnDelete = referentialActionRule(
  {
    id: 'fk-on-delete',
    severity: 'warning',
    description: 'A foreign key deletes (or blocks deleting) referenced rows differently in different sources.',
  },
  'ON DELETE',
  (fk) => fk.onDelete,
);

export const fkOnUpdate = referentialActionRule(
  {
    id: 'fk-on-update',
    severity: 'warning',
    description: 'A foreign key reacts to updates of referenced keys differently in different sources.',
  },
  'ON UPDATE',
  (fk) => fk.onUpdate,
);
