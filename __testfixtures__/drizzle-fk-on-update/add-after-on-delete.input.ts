import { pgTable, text } from 'drizzle-orm/pg-core';
import { users } from './auth';

export const teams = pgTable('teams', {
  id: text('id').primaryKey(),
  ownerId: text('owner_id').references(() => users.id, { onDelete: 'cascade' }),
});
