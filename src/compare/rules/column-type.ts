import { normalizeType } from '../normalize/sql-type.ts';
import { describeDisagreement, disagreement, distinctValues, type Rule, type RuleMeta } from '../rule.ts';
import { collectColumnFacts, columnNames, withoutAbsent } from './columns.ts';

const meta: RuleMeta = {
  id: 'column-type',
  severity: 'warning',
  description: 'A column has a different SQL type in different sources.',
};

/**
 * `text` and length-less `character varying` are the same varlena with the same operators, so a mix of
 * them is worth knowing but is not drift (unless the config turns `equivalences.varcharText` off).
 */
const VARCHAR_TEXT = ['text', 'character varying'];

export const columnType: Rule = {
  meta,
  check(ctx) {
    return columnNames(ctx).flatMap((name) => {
      // A source that cannot know a type statically (null) never causes drift. Spellings of one type
      // (`int4`, `timestamptz(3)`) are normalized before comparing, so they never differ.
      const facts = withoutAbsent(
        collectColumnFacts(ctx, name, (c) => (c.type.sql ? { value: normalizeType(c.type.sql), loc: c.loc } : undefined)),
      );
      const types = distinctValues(facts);
      if (types.length < 2) return [];
      const same = ctx.equivalences.varcharText && types.every((t) => VARCHAR_TEXT.includes(t));
      const message =
        `Column ${ctx.key}.${name} has different types: ${describeDisagreement(facts)}` +
        (same ? ' (equivalent in PostgreSQL)' : '');
      return [disagreement(meta, ctx, name, facts, message, same ? 'info' : meta.severity)];
    });
  },
};
