import { relations } from "drizzle-orm";
import { pgTable, text } from "drizzle-orm/pg-core";

export const users = pgTable("users", (t) => ({
  id: t.text("id").primaryKey(),
  handle: t.text("handle").notNull(),
}));

export const usersRelations = relations(users, () => ({}));
