import { integer, pgTable, serial, text, uniqueIndex } from "drizzle-orm/pg-core";

export const members = pgTable("members", {
  id: serial("id").primaryKey(),
  teamId: integer("team_id").notNull(),
  userId: integer("user_id").notNull(),
  email: text("email"),
}, (t) => ({
  pair: uniqueIndex("members_team_user_idx").on(t.teamId, t.userId),
  email: uniqueIndex("members_email_idx").on(t.email),
}));
