import { describeDisagreement, disagreement, distinctValues, type Rule, type RuleMeta } from '../rule.ts';
import { collectColumnFacts, columnNames, withoutAbsent } from './columns.ts';

const meta: RuleMeta = {
  id: 'column-nullable',
  severity: 'warning',
  description: 'A column is NOT NULL in one source and nullable in another.',
};

export const columnNullable: Rule = {
  meta,
  check(ctx) {
    return columnNames(ctx).flatMap((name) => {
      const facts = withoutAbsent(
        collectColumnFacts(ctx, name, (c) => ({ value: c.nullable ? 'NULL' : 'NOT NULL', loc: c.loc })),
      );
      if (distinctValues(facts).length < 2) return [];
      const message = `Column ${ctx.key}.${name} differs in nullability: ${describeDisagreement(facts)}`;
      return [disagreement(meta, ctx, name, facts, message)];
    });
  },
};
