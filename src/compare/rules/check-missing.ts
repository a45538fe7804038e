import type { Table } from '../../model/schema.ts';
import { canonicalExpression } from '../normalize/sql-ast.ts';
import { normalizeExpression } from '../normalize/sql-expression.ts';
import { sourcesWith } from '../presence.ts';
import { disagreement, type Rule, type RuleMeta } from '../rule.ts';
import { collectKeyed, type KeyedObject } from './keyed.ts';

const meta: RuleMeta = {
  id: 'check-missing',
  severity: 'warning',
  description: 'A CHECK constraint is declared in some sources and not in others.',
};

/**
 * Checks are matched by their condition's meaning (its parse tree, when the SQL parser is loaded, else the
 * normalized text); a source that did not read checks never takes part.
 */
export function checkObjects(table: Table): KeyedObject[] | undefined {
  return table.checks?.map((c) => {
    const expression = normalizeExpression(c.expression);
    const key = canonicalExpression(c.expression) ?? expression;
    return { key, label: null, value: `CHECK (${expression})`, columns: [], name: c.name, loc: c.loc };
  });
}

export const checkMissing: Rule = {
  meta,
  check(ctx) {
    return collectKeyed(ctx, checkObjects).flatMap(({ object, facts }) => {
      const lacking = sourcesWith(facts, 'absent');
      if (!lacking.length || !sourcesWith(facts, 'present').length) return [];
      const message = `${object.value} on ${ctx.key} is declared in ${sourcesWith(facts, 'present').join(', ')} but not in ${lacking.join(', ')}`;
      return [disagreement(meta, ctx, null, facts, message)];
    });
  },
};
