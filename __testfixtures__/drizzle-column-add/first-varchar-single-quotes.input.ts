import { pgTable, text } from 'drizzle-orm/pg-core';

export const posts = pgTable('posts', {
  // The id is the slug's hash.
  id: text('id').primaryKey(),
  body: text('body')
});
