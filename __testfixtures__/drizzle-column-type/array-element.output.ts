import { pgTable, text, varchar } from "drizzle-orm/pg-core";

export const articles = pgTable("articles", {
  id: text("id").primaryKey(),
  tags: varchar("tags", { length: 32 }).array().notNull(),
});
