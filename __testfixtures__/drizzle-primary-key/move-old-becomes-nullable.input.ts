import { pgTable, text } from "drizzle-orm/pg-core";

export const users = pgTable("users", {
  legacyId: text("legacy_id").primaryKey(), // before the migration
  id: text("id"),
});
