import { pgTable, text } from "drizzle-orm/pg-core";

export const tags = pgTable("tags", {
  slug: text("slug").primaryKey().notNull(),
  label: text("label"),
});
