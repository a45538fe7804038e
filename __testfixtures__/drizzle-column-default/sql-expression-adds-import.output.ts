import { pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";

export const invites = pgTable("invites", {
  id: text("id").primaryKey(),
  expiresAt: timestamp("expires_at").notNull().default(sql`(now() + '7 days'::interval)`),
});
