import { bigint, pgTable, text } from "drizzle-orm/pg-core";

export const articles = pgTable("articles", {
  id: bigint("id", { mode: "number" }).primaryKey(),
  title: text("title")
    .notNull(), // shown in lists
});
