import { pgEnum, pgTable, text } from "drizzle-orm/pg-core";

export const mood = pgEnum("mood", ["happy", "sad"]);

export const people = pgTable("people", {
  id: text("id").primaryKey(),
});
