import { index, pgTable, serial, text } from "drizzle-orm/pg-core";

export const users = pgTable(
  "users",
  {
    id: serial("id").primaryKey(),
    email: text("email").notNull(),
    name: text("name"),
  },
  (t) => [
    index("users_email_idx").on(t.email), // lookups by email
    index("users_name_idx").on(t.name),
  ],
);
