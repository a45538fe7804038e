import { pgTable, text, uuid } from "drizzle-orm/pg-core";

export const members = pgTable("members", {
  id: uuid().primaryKey().defaultRandom(),
  display_name: text().notNull(),
  team_id: uuid(),
});
