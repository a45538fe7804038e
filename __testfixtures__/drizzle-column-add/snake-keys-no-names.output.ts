import { pgTable, text, uuid, boolean } from "drizzle-orm/pg-core";

export const members = pgTable("members", {
  id: uuid().primaryKey().defaultRandom(),
  display_name: text().notNull(),
  is_active: boolean().notNull().default(true),
  team_id: uuid(),
});
