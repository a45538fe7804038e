import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

export const events = pgTable("events", {
  id: text("id").primaryKey(),
  happenedAt: timestamp("happened_at").defaultNow().notNull(),
});
