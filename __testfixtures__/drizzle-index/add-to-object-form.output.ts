import { index, pgTable, serial, text } from "drizzle-orm/pg-core";

export const users = pgTable("users", {
  id: serial("id").primaryKey(),
  email: text("email").notNull(),
  teamId: text("team_id"),
}, (table) => ({
  emailIdx: index("users_email_idx").on(table.email),
  teamIdIdx: index("users_team_id_idx").on(table.teamId),
}));
