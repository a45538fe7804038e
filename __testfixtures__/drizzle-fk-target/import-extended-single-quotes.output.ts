import { pgTable, text, integer } from 'drizzle-orm/pg-core';
import { teams, userCredits } from './credits';

export const apiKeyCredits = pgTable('api_key_credits', {
  apiKey: text('api_key').primaryKey(),
  userId: text('user_id').notNull().references(() => userCredits.userId, { onDelete: 'cascade' }),
  teamId: text('team_id').references(() => teams.id),
  credits: integer('credits').notNull().default(0),
});
