import {
  integer,
  pgTable,
  text,
} from "drizzle-orm/pg-core";

export const posts = pgTable("posts", {
  id: integer("id").primaryKey(),
  title: text("title").notNull(),
});
export const tags = pgTable("tags", {
  id: integer("id").primaryKey(),
});
