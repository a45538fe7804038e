import type { EnumType } from '../../model/schema.ts';
import { tableKey } from '../../model/names.ts';
import type { FindingDraft } from '../finding.ts';
import { describeDisagreement, toLocations, toPresence, toValues, type Fact, type Rule, type RuleMeta } from '../rule.ts';

const meta: RuleMeta = {
  id: 'enum-values',
  severity: 'warning',
  description: 'An enum type has different values (or a different order of values) in different sources, or exists only in code.',
};

const enumKey = (e: EnumType) => tableKey({ schema: e.schema, table: e.name });
const valuesText = (e: EnumType) => e.values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ');

/**
 * Enum types belong to a schema, not a table: the finding's `table` is the type's name. Only sources that
 * read enum types (SchemaModel.enums defined) and declare this one take part; order matters, because
 * PostgreSQL sorts and compares enum values in declaration order.
 *
 * A type the truth lacks but code declares is drift too (a pgEnum whose migration never ran). The reverse is
 * not reported here: a source that does not use a type need not declare it, and one that uses it without
 * declaring it already has a column-type finding.
 */
export const enumValues: Rule = {
  meta,
  check: () => [],
  checkSchema(ctx) {
    const readers = [...ctx.models].sort((a, b) => Number(b.source === ctx.truth) - Number(a.source === ctx.truth));
    const keys = [...new Set(readers.flatMap((m) => (m.enums ?? []).map(enumKey)))];
    const out: FindingDraft[] = [];
    for (const key of keys) {
      const facts = new Map<string, Fact>();
      for (const m of ctx.models) {
        const e = m.enums?.find((x) => enumKey(x) === key);
        const absent = m.source === ctx.truth && m.enums !== undefined;
        facts.set(m.source, e ? { value: valuesText(e), presence: 'present', loc: e.loc } : { value: null, presence: absent ? 'absent' : 'not-modelled' });
      }
      const distinct = new Set([...facts.values()].filter((f) => f.presence === 'present').map((f) => f.value));
      if (facts.get(ctx.truth)?.presence === 'absent') {
        const declaring = [...facts].filter(([, f]) => f.presence === 'present').map(([source]) => source);
        out.push({
          rule: meta.id,
          severity: meta.severity,
          table: key,
          column: null,
          message: `Enum type ${key} is declared in ${declaring.join(', ')} but does not exist in ${ctx.truth}`,
          values: toValues(facts),
          presence: toPresence(facts),
          locations: toLocations(facts),
        });
        continue;
      }
      if (distinct.size < 2) continue;
      out.push({
        rule: meta.id,
        severity: meta.severity,
        table: key,
        column: null,
        message: `Enum type ${key} has different values: ${describeDisagreement(facts, (v) => `(${v})`)}`,
        values: toValues(facts),
        presence: toPresence(facts),
        locations: toLocations(facts),
      });
    }
    return out;
  },
};
