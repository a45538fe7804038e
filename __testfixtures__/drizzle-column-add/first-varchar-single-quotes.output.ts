import { pgTable, text, varchar } from 'drizzle-orm/pg-core';

export const posts = pgTable('posts', {
  handle: varchar('handle', { length: 64 }).notNull().default('it\'s'),
  // The id is the slug's hash.
  id: text('id').primaryKey(),
  body: text('body')
});
