import type { FkAction } from '../../model/schema.ts';

// Drizzle spells referential actions in lowercase (`onDelete: "set null"`); PostgreSQL in uppercase.
const FROM_DRIZZLE: Record<string, FkAction> = {
  cascade: 'CASCADE',
  'set null': 'SET NULL',
  restrict: 'RESTRICT',
  'no action': 'NO ACTION',
  'set default': 'SET DEFAULT',
};

export function fkActionFromDrizzle(text: string): FkAction | undefined {
  return FROM_DRIZZLE[text.trim().toLowerCase().replace(/\s+/g, ' ')];
}

export function drizzleActionText(action: FkAction): string {
  return action.toLowerCase();
}
