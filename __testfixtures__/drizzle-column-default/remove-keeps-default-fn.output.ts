import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

export const tokens = pgTable("tokens", {
  id: text("id").primaryKey(),
  createdAt: timestamp("created_at").$defaultFn(() => new Date()),
});
