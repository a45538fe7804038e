import { fkTargetText } from '../../model/names.ts';
import { presenceSide, sourcesWith, type PresenceSide } from '../presence.ts';
import { disagreement, type Rule, type RuleMeta } from '../rule.ts';
import { collectFkFacts, fkColumnLabel, foreignKeyColumnSets } from './foreign-keys.ts';

function fkPresenceRule(meta: RuleMeta, side: PresenceSide): Rule {
  return {
    meta,
    check(ctx) {
      return foreignKeyColumnSets(ctx).flatMap((columns) => {
        const facts = collectFkFacts(ctx, columns, (fk) => ({ value: fkTargetText(fk), loc: fk.loc }));
        if (presenceSide(ctx, facts) !== side) return [];
        const label = fkColumnLabel(columns);
        const declaring = sourcesWith(facts, 'present').join(', ');
        const lacking = sourcesWith(facts, 'absent').join(', ');
        const message = `Foreign key on ${ctx.key}.${label} is declared in ${declaring} but not in ${lacking}`;
        return [disagreement(meta, ctx, label, facts, message)];
      });
    },
  };
}

export const fkMissing = fkPresenceRule(
  {
    id: 'fk-missing',
    severity: 'warning',
    description: 'The truth has a foreign key that a source does not declare.',
  },
  'missing',
);

export const fkExtra = fkPresenceRule(
  {
    id: 'fk-extra',
    severity: 'warning',
    description: 'A source declares a foreign key that the truth does not have.',
  },
  'extra',
);
