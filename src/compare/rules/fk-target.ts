import { fkTargetText } from '../../model/names.ts';
import { describeDisagreement, disagreement, distinctValues, type Rule, type RuleMeta } from '../rule.ts';
import { collectFkFacts, fkColumnLabel, foreignKeyColumnSets } from './foreign-keys.ts';

const meta: RuleMeta = {
  id: 'fk-target',
  severity: 'critical',
  description: 'A foreign key on the same columns references a different table or column in different sources.',
};

export const fkTarget: Rule = {
  meta,
  check(ctx) {
    return foreignKeyColumnSets(ctx).flatMap((columns) => {
      const facts = collectFkFacts(ctx, columns, (fk) => ({ value: fkTargetText(fk), loc: fk.targetLoc ?? fk.loc }));
      if (distinctValues(facts).length < 2) return [];
      const label = fkColumnLabel(columns);
      const message = `Foreign key ${ctx.key}.${label} points at different targets: ${describeDisagreement(facts)}`;
      return [disagreement(meta, ctx, label, facts, message)];
    });
  },
};
