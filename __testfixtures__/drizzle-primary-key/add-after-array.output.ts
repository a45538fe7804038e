import { pgTable, text } from "drizzle-orm/pg-core";

export const pairs = pgTable("pairs", {
  key: text("key").array().primaryKey().notNull(),
});
