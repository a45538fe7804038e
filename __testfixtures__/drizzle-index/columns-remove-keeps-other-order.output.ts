import { index, integer, pgTable, serial, timestamp } from "drizzle-orm/pg-core";

export const events = pgTable(
  "events",
  {
    id: serial("id").primaryKey(),
    teamId: integer("team_id").notNull(),
    createdAt: timestamp("created_at").notNull(),
  },
  (t) => [
    index("events_created_team_idx").on(t.createdAt, t.teamId),
  ],
);
