import { boolean, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

export const flags = pgTable("flags", {
  id: text("id").primaryKey(),
  enabled: boolean("enabled").notNull().default(true),
  weight: integer("weight").default(0),
  seenAt: timestamp("seen_at").defaultNow(),
});
