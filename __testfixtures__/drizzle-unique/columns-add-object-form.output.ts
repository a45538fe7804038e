import { index, integer, pgTable, serial, unique } from 'drizzle-orm/pg-core';

export const members = pgTable('members', {
  id: serial('id').primaryKey(),
  teamId: integer('team_id').notNull(),
  userId: integer('user_id').notNull(),
}, (table) => ({
  teamIdx: index('members_team_idx').on(table.teamId),
  teamIdUserIdUnique: unique('members_team_user_key').on(table.teamId, table.userId)
}));
