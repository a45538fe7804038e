import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

export const invites = pgTable("invites", {
  id: text("id").primaryKey(),
  expiresAt: timestamp("expires_at").notNull(),
});
