import { pgEnum, pgTable, serial } from "drizzle-orm/pg-core";

export const moodEnum = pgEnum("mood", ["sad", "ok", "happy"]);

export const people = pgTable("people", {
  id: serial("id").primaryKey(),
});
