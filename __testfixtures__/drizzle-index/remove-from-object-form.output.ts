import { pgTable, serial, text, uniqueIndex } from "drizzle-orm/pg-core";

export const users = pgTable("users", {
  id: serial("id").primaryKey(),
  email: text("email").notNull(),
  name: text("name"),
}, (t) => ({
  emailKey: uniqueIndex("users_email_key").on(t.email),
}));
