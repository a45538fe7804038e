import { describeDisagreement, disagreement, distinctValues, type Rule, type RuleMeta } from '../rule.ts';
import { collectColumnFacts, columnNames, withoutAbsent } from './columns.ts';

const meta: RuleMeta = {
  id: 'column-type',
  severity: 'warning',
  description: 'A column has a different SQL type in different sources.',
};

/**
 * Types PostgreSQL stores and compares identically: `text` and length-less `character varying` are the
 * same varlena with the same operators, so a mix of them is worth knowing but is not drift.
 */
const EQUIVALENT: readonly (readonly string[])[] = [['text', 'character varying']];

function equivalent(types: string[]): boolean {
  return EQUIVALENT.some((group) => types.every((t) => group.includes(t)));
}

export const columnType: Rule = {
  meta,
  check(ctx) {
    return columnNames(ctx).flatMap((name) => {
      // A source that cannot know a type statically (null) never causes drift.
      const facts = withoutAbsent(collectColumnFacts(ctx, name, (c) => (c.type.sql ? { value: c.type.sql, loc: c.loc } : undefined)));
      const types = distinctValues(facts);
      if (types.length < 2) return [];
      const same = equivalent(types);
      const message =
        `Column ${ctx.key}.${name} has different types: ${describeDisagreement(facts)}` +
        (same ? ' (equivalent in PostgreSQL)' : '');
      return [disagreement(meta, ctx, name, facts, message, same ? 'info' : meta.severity)];
    });
  },
};
