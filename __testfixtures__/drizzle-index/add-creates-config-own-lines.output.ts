import { index, pgTable, serial, text } from "drizzle-orm/pg-core";

export const users = pgTable(
  "users",
  {
    id: serial("id").primaryKey(),
    teamId: text("team_id"), // owning team
  },
  (t) => [
    index("users_team_id_idx").on(t.teamId),
  ]
);
