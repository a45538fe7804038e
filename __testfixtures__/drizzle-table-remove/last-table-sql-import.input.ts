import { sql } from "drizzle-orm";
import { integer, pgTable, text, uuid } from "drizzle-orm/pg-core";

export const users = pgTable("users", {
  id: text("id").primaryKey(),
});

// Legacy: the old billing service wrote these.
// Nothing reads them since 2024.
export const legacyInvoices = pgTable("legacy_invoices", {
  id: uuid("id").primaryKey().default(sql`gen_random_uuid()`),
  userId: text("user_id").references(() => users.id),
  cents: integer("cents").notNull(),
}); // dropped in migration 0042
