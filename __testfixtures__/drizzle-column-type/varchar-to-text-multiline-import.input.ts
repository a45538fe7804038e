import {
  pgTable,
  text,
  varchar,
} from "drizzle-orm/pg-core";

export const posts = pgTable("posts", {
  id: text("id").primaryKey(),
  title: varchar("title"),
});
