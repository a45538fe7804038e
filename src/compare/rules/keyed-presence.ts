import { presenceSide, sourcesWith, type PresenceSide } from '../presence.ts';
import { disagreement, type Rule, type RuleMeta } from '../rule.ts';
import { indexObjects } from './indexes.ts';
import { collectKeyed, type KeyedObject } from './keyed.ts';
import { uniqueObjects } from './uniques.ts';
import type { Table } from '../../model/schema.ts';

/** The missing/extra pair over one kind of keyed object (unique constraints, indexes). */
function keyedPresenceRule(meta: RuleMeta, side: PresenceSide, read: (t: Table) => KeyedObject[] | undefined): Rule {
  return {
    meta,
    check(ctx) {
      return collectKeyed(ctx, read).flatMap(({ object, facts }) => {
        if (presenceSide(ctx, facts) !== side) return [];
        const message =
          `${object.value} on ${ctx.key} is declared in ${sourcesWith(facts, 'present').join(', ')} ` +
          `but not in ${sourcesWith(facts, 'absent').join(', ')}`;
        return [disagreement(meta, ctx, object.label, facts, message)];
      });
    },
  };
}

export const uniqueMissing = keyedPresenceRule(
  {
    id: 'unique-missing',
    severity: 'warning',
    description: 'The truth enforces uniqueness on columns (constraint or unique index) that a source does not declare.',
  },
  'missing',
  uniqueObjects,
);

export const uniqueExtra = keyedPresenceRule(
  {
    id: 'unique-extra',
    severity: 'warning',
    description: 'A source declares uniqueness on columns that the truth does not enforce.',
  },
  'extra',
  uniqueObjects,
);

const indexMissingPresence = keyedPresenceRule(
  {
    id: 'index-missing',
    severity: 'info',
    description: 'The truth has a (non-unique) index that a source does not declare, or declares with other key details.',
  },
  'missing',
  indexObjects,
);

/**
 * The truth's index declared with another sort order, NULLS placement or operator class: the index the truth
 * has is still missing from that source. Only sources that read those details (Index.parts) take part.
 */
export const indexMissing: Rule = {
  meta: indexMissingPresence.meta,
  check(ctx) {
    const details = collectKeyed(ctx, indexObjects, (o) => (o.detail ? { value: o.detail, loc: o.loc } : undefined)).flatMap(({ object, facts }) => {
      const truth = facts.get(ctx.truth);
      if (truth?.presence !== 'present') return [];
      const differing = [...facts].filter(([, f]) => f.presence === 'present' && f.value !== truth.value).map(([s]) => s);
      if (!differing.length) return [];
      const compared = new Map([...facts].filter(([, f]) => f.presence === 'present'));
      const message = `${truth.value} on ${ctx.key} is declared as ${differing.map((s) => `${compared.get(s)!.value} in ${s}`).join(', ')}`;
      return [disagreement(indexMissingPresence.meta, ctx, object.label, compared, message)];
    });
    return [...indexMissingPresence.check(ctx), ...details];
  },
};

export const indexExtra = keyedPresenceRule(
  {
    id: 'index-extra',
    severity: 'info',
    description: 'A source declares a (non-unique) index that the truth does not have.',
  },
  'extra',
  indexObjects,
);
