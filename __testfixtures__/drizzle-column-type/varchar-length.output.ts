import { pgTable, text, varchar } from "drizzle-orm/pg-core";

export const accounts = pgTable("accounts", {
  id: text("id").primaryKey(),
  email: varchar("email", { length: 128 }).notNull().unique(), // login
  name: text("name"),
});
