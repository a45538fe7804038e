import type { Fact } from '../rule.ts';
import { disagreement, type Rule, type RuleMeta } from '../rule.ts';

const meta: RuleMeta = {
  id: 'table-missing',
  severity: 'warning',
  description: 'A source the config says must model a table (tables.required / tables.mustModel) does not declare it.',
};

/**
 * Only sources the config marks as required can lack a table: anywhere else a table a source does not
 * declare is "not modelled" (N/A). A database lacking a table that code declares is critical, because
 * every query through that code fails; code lacking a database table is a gap in the model.
 */
export const tableMissing: Rule = {
  meta,
  runsOnLoneTables: true,
  check(ctx) {
    const lacking = ctx.sources.filter((s) => !s.table && ctx.required.has(s.source));
    if (!lacking.length || !ctx.sources.some((s) => s.table)) return [];
    const facts = new Map<string, Fact>();
    for (const s of ctx.sources) {
      if (s.table) facts.set(s.source, { value: 'declared', presence: 'present', loc: s.table.loc });
      else facts.set(s.source, { value: null, presence: ctx.required.has(s.source) ? 'absent' : 'not-modelled' });
    }
    const declaring = ctx.sources.filter((s) => s.table);
    const message =
      `Table ${ctx.key} is declared in ${declaring.map((s) => s.source).join(', ')} ` +
      `but not in ${lacking.map((s) => s.source).join(', ')}, which must model it`;
    const databaseLacks = lacking.some((s) => s.kind === 'database') && declaring.some((s) => s.kind !== 'database');
    return [disagreement(meta, ctx, null, facts, message, databaseLacks ? 'critical' : meta.severity)];
  },
};
