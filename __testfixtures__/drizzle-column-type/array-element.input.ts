import { pgTable, text } from "drizzle-orm/pg-core";

export const articles = pgTable("articles", {
  id: text("id").primaryKey(),
  tags: text("tags").array().notNull(),
});
