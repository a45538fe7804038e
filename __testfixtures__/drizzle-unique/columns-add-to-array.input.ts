import { integer, pgTable, serial, text, unique } from "drizzle-orm/pg-core";

export const members = pgTable(
  "members",
  {
    id: serial("id").primaryKey(),
    teamId: integer("team_id").notNull(),
    userId: integer("user_id").notNull(),
    role: text("role"),
  },
  (t) => [
    unique("members_role_key").on(t.role),
  ],
);
