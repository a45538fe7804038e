import {
  integer,
  pgTable,
  text,
  timestamp,
} from "drizzle-orm/pg-core";
import { moodEnum } from "./enums";
import { teams } from "./teams";

export const posts = pgTable("posts", {
  id: integer("id").primaryKey(),
  title: text("title").notNull(),
});
export const reactions = pgTable("reactions", {
  id: integer("id").primaryKey(),
  mood: moodEnum("mood").notNull(),
  teamId: integer("team_id").references(() => teams.id),
  at: timestamp("at", { withTimezone: true }),
}).enableRLS();
export const tags = pgTable("tags", {
  id: integer("id").primaryKey(),
});
