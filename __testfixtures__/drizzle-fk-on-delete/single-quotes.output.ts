import { pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';

export const avatars = pgTable('avatars', {
  id: uuid('id').primaryKey().defaultRandom(),
  ownerId: uuid('owner_id').references(() => users.id, { onDelete: 'set default' }),
  url: text('url').notNull(),
});
