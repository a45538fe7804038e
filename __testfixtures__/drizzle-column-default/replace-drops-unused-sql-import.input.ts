import { sql } from "drizzle-orm";
import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

export const events = pgTable("events", {
  id: text("id").primaryKey(),
  happenedAt: timestamp("happened_at").default(sql`CURRENT_DATE`).notNull(),
});
