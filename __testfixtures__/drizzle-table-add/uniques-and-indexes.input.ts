import { pgTable, text } from "drizzle-orm/pg-core";

export const players = pgTable("players", {
  id: text("id").primaryKey(),
});

export const clubs = pgTable("clubs", {
  id: text("id").primaryKey(),
});
