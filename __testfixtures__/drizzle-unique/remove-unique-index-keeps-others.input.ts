import { index, pgTable, serial, text, uniqueIndex } from "drizzle-orm/pg-core";

export const users = pgTable(
  "users",
  {
    id: serial("id").primaryKey(),
    email: text("email").notNull(),
    name: text("name"),
  },
  (t) => [
    uniqueIndex("users_email_idx").on(t.email), // login
    index("users_name_idx").on(t.name),
  ],
);
