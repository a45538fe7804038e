import { pgTable } from "drizzle-orm/pg-core";

export const notes = pgTable("notes", (t) => ({
  id: t.integer().primaryKey(),
  body: t.text().notNull(),
}));
