import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

export const sessions = pgTable("sessions", {
  id: text("id").primaryKey(),
  ipAddress: text("ip_address").unique(),
  expiresAt: timestamp("expires_at").notNull(),
});
