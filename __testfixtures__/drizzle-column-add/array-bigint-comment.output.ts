import { bigint, pgTable, text } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";

export const articles = pgTable("articles", {
  id: bigint("id", { mode: "number" }).primaryKey(),
  title: text("title")
    .notNull(), // shown in lists
  tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
});
