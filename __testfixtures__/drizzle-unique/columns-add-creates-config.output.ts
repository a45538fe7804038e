import { integer, pgTable, serial, unique } from "drizzle-orm/pg-core";

export const members = pgTable("members", {
  id: serial("id").primaryKey(),
  teamId: integer("team_id").notNull(),
  userId: integer("user_id").notNull(),
}, (t) => [
  unique().on(t.teamId, t.userId),
]);
