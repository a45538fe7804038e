import { normalizeDefault } from '../normalize/sql-default.ts';
import { describeDisagreement, disagreement, distinctValues, type Rule, type RuleMeta } from '../rule.ts';
import { sourcesWith } from '../presence.ts';
import { collectDeclaredColumnFacts, columnNames } from './columns.ts';

const meta: RuleMeta = {
  id: 'column-default',
  severity: 'warning',
  description: 'A column has a different database-side default (or none) in different sources.',
};

/**
 * Only database-side defaults are compared: sources never record application-side ones (`$defaultFn`,
 * `default=`, `default_factory=`). So when only code lacks a default the database has, the application may
 * well fill the value itself: `info`. Two different defaults, or a default that code relies on and a
 * database lacks (an insert without the column then fails or stores NULL), is `warning`.
 */
export const columnDefault: Rule = {
  meta,
  check(ctx) {
    const kinds = new Map(ctx.sources.map((s) => [s.source, s.kind]));
    return columnNames(ctx).flatMap((name) => {
      const facts = collectDeclaredColumnFacts(ctx, name, (c) => {
        const value = normalizeDefault(c.default);
        return value === undefined ? undefined : { value, loc: c.loc };
      });
      const values = distinctValues(facts);
      const lacking = sourcesWith(facts, 'absent');
      if (values.length === 0 || (values.length === 1 && !lacking.length)) return [];
      const declared = describeDisagreement(facts);
      if (values.length > 1) {
        return [disagreement(meta, ctx, name, facts, `Default of ${ctx.key}.${name} differs: ${declared}`)];
      }
      const databaseLacks = lacking.some((s) => kinds.get(s) === 'database');
      const message =
        `Default of ${ctx.key}.${name}: ${declared}; ${lacking.join(', ')} ${lacking.length === 1 ? 'declares' : 'declare'} none` +
        (databaseLacks ? '' : ' (an application-side default is not a database fact)');
      return [disagreement(meta, ctx, name, facts, message, databaseLacks ? meta.severity : 'info')];
    });
  },
};
