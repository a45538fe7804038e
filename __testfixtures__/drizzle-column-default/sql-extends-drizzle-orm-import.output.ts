import { relations, sql } from "drizzle-orm";
import { pgTable, text } from "drizzle-orm/pg-core";

export const users = pgTable("users", (t) => ({
  id: t.text("id").primaryKey(),
  handle: t.text("handle").notNull().default(sql`lower(('user_'::text || (random())::text))`),
}));

export const usersRelations = relations(users, () => ({}));
