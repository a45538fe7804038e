import { index, pgTable, serial, text, uniqueIndex } from "drizzle-orm/pg-core";

export const users = pgTable(
  "users",
  {
    id: serial("id").primaryKey(),
    email: text("email").notNull(),
    teamId: text("team_id"),
  },
  (t) => [
    uniqueIndex("users_email_key").on(t.email),
  ],
);
