import { collectFacts, describeDisagreement, disagreement, distinctValues, type Rule, type RuleMeta } from '../rule.ts';

const meta: RuleMeta = {
  id: 'primary-key',
  severity: 'critical',
  description: 'A table has a different primary key (or none) in different sources.',
};

export const primaryKey: Rule = {
  meta,
  check(ctx) {
    // A source that models the table without any primary key disagrees too: it says "none".
    const facts = collectFacts(ctx, (t) =>
      t.primaryKey
        ? { value: `(${t.primaryKey.columns.join(', ')})`, loc: t.primaryKey.loc ?? t.loc }
        : { value: 'none', loc: t.loc },
    );
    if (distinctValues(facts).length < 2) return [];
    const message = `Primary key of ${ctx.key} differs: ${describeDisagreement(facts)}`;
    return [disagreement(meta, ctx, null, facts, message)];
  },
};
