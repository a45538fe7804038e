import { pgTable, text } from "drizzle-orm/pg-core";

export const tags = pgTable("tags", {
  slug: text("slug").notNull(),
  label: text("label"),
});
