import { index, pgTable, serial, text } from "drizzle-orm/pg-core";

export const users = pgTable(
  "users",
  {
    id: serial("id").primaryKey(),
    teamId: text("team_id"), // owning team
  }
);
