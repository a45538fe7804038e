import { integer, pgTable, serial, text, uniqueIndex } from "drizzle-orm/pg-core";

export const members = pgTable("members", {
  id: serial("id").primaryKey(),
  teamId: integer("team_id").notNull(),
  userId: integer("user_id").notNull(),
  email: text("email"),
}, (t) => ({
  email: uniqueIndex("members_email_idx").on(t.email),
}));
