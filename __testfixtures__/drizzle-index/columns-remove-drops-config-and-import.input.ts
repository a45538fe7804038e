import { index, integer, pgTable, serial, timestamp } from "drizzle-orm/pg-core";

export const events = pgTable("events", {
  id: serial("id").primaryKey(),
  teamId: integer("team_id").notNull(),
  createdAt: timestamp("created_at").notNull(),
}, (table) => ({
  teamCreatedIdx: index("events_team_created_idx").on(table.teamId, table.createdAt),
}));
