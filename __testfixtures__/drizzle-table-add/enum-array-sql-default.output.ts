import { pgEnum, pgTable, text, jsonb } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";

export const mood = pgEnum("mood", ["happy", "sad"]);

export const people = pgTable("people", {
  id: text("id").primaryKey(),
});

export const diaryEntries = pgTable("diary_entries", {
  id: text("id").primaryKey(),
  feeling: mood("feeling").notNull().default("happy"),
  tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
  meta: jsonb("meta").default("{}"),
});
