import { pgTable, serial, timestamp } from "drizzle-orm/pg-core";

export const events = pgTable("events", {
  id: serial("id").primaryKey(),
  happenedAt: timestamp("happened_at", { mode: "string" }).defaultNow().notNull(),
});
