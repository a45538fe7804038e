import { integer, pgTable, serial } from "drizzle-orm/pg-core";

export const members = pgTable(
  "members",
  {
    id: serial("id").primaryKey(),
    teamId: integer("team_id").notNull(),
    userId: integer("user_id").notNull(),
  },
);
