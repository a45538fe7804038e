import { presenceSide, sourcesWith, type PresenceSide } from '../presence.ts';
import { disagreement, type Rule, type RuleMeta } from '../rule.ts';
import { collectColumnFacts, columnNames } from './columns.ts';

function columnPresenceRule(meta: RuleMeta, side: PresenceSide): Rule {
  return {
    meta,
    check(ctx) {
      return columnNames(ctx).flatMap((name) => {
        const facts = collectColumnFacts(ctx, name, (c) => ({ value: c.type.sql ?? 'unknown', loc: c.loc }));
        if (presenceSide(ctx, facts) !== side) return [];
        const message =
          `Column ${ctx.key}.${name} is declared in ${sourcesWith(facts, 'present').join(', ')} ` +
          `but not in ${sourcesWith(facts, 'absent').join(', ')}`;
        return [disagreement(meta, ctx, name, facts, message)];
      });
    },
  };
}

export const columnMissing = columnPresenceRule(
  {
    id: 'column-missing',
    severity: 'warning',
    description: 'The truth has a column that a source modelling the table does not declare.',
  },
  'missing',
);

export const columnExtra = columnPresenceRule(
  {
    id: 'column-extra',
    severity: 'critical',
    description: 'A source declares a column that the truth does not have: queries through it will fail.',
  },
  'extra',
);
