import type { Table } from '../../model/schema.ts';
import { describeDisagreement, disagreement, distinctValues, type Rule, type RuleMeta } from '../rule.ts';
import { checkObjects } from './check-missing.ts';
import { fkColumnLabel, fkKey } from './foreign-keys.ts';
import { indexObjects } from './indexes.ts';
import { collectKeyed, type KeyedObject } from './keyed.ts';
import { uniqueObjects } from './uniques.ts';

const meta: RuleMeta = {
  id: 'constraint-name',
  severity: 'info',
  description: 'A constraint or index means the same in two sources but is named differently.',
};

/**
 * Every named object, keyed by kind and meaning. Tools generate names by different conventions
 * (`users_email_key`, `users_email_unique`, `ix_users_email`), and a source that does not name an object
 * leaves the name to its tool: only two explicit names that differ are a finding, and never above info.
 */
function namedObjects(table: Table): KeyedObject[] {
  const out: KeyedObject[] = [];
  const pk = table.primaryKey;
  if (pk) out.push({ key: `primary key (${pk.columns.join(',')})`, label: null, value: 'primary key', columns: pk.columns, name: pk.name, loc: pk.loc });
  for (const fk of table.foreignKeys) {
    out.push({ key: `foreign key ${fkKey(fk.columns)}`, label: fkColumnLabel(fk.columns), value: 'foreign key', columns: fk.columns, name: fk.name, loc: fk.loc });
  }
  for (const [kind, objects] of [['unique', uniqueObjects(table)], ['index', indexObjects(table) ?? []], ['check', checkObjects(table) ?? []]] as const) {
    for (const o of objects) out.push({ ...o, key: `${kind} ${o.key}`, value: kind === 'check' ? o.value : o.value.toLowerCase().replace(/ \(.*$/, '') });
  }
  return out;
}

export const constraintName: Rule = {
  meta,
  check(ctx) {
    return collectKeyed(ctx, namedObjects, (o) => (o.name === undefined ? undefined : { value: o.name, loc: o.loc })).flatMap(
      ({ object, facts }) => {
        // Sources without an explicit name (absent) or without the object say nothing about the name.
        const named = new Map([...facts].map(([s, f]) => [s, f.presence === 'absent' ? { value: null, presence: 'not-modelled' as const } : f]));
        if (distinctValues(named).length < 2) return [];
        const message = `The ${object.value} ${object.label ? `on ${ctx.key}.${object.label} ` : `of ${ctx.key} `}is named differently: ${describeDisagreement(named)}`;
        return [disagreement(meta, ctx, object.label, named, message)];
      },
    );
  },
};
