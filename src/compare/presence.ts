// Rules about something one source declares and another does not (a column, a foreign key) come in
// pairs: "missing" when the truth has it, "extra" when the truth does not. This decides which.

import type { Fact, TableContext } from './rule.ts';

export type PresenceSide = 'missing' | 'extra';

/**
 * Which side of a missing/extra pair a set of facts belongs to, or undefined when every source that could
 * declare the thing does (or none does). Without a truth that models the table, the thing counts as missing
 * from the sources that lack it.
 */
export function presenceSide(ctx: TableContext, facts: Map<string, Fact>): PresenceSide | undefined {
  const states = [...facts.values()].map((f) => f.presence);
  if (!states.includes('present') || !states.includes('absent')) return undefined;
  return facts.get(ctx.truth)?.presence === 'absent' ? 'extra' : 'missing';
}

/** `drizzle, sqlmodel` — the sources on the given side of a presence disagreement. */
export function sourcesWith(facts: Map<string, Fact>, presence: Fact['presence']): string[] {
  return [...facts].filter(([, f]) => f.presence === presence).map(([s]) => s);
}
