import { pgTable, serial, text, unique } from "drizzle-orm/pg-core";

export const users = pgTable(
  "users",
  {
    id: serial("id").primaryKey(),
    email: text("email").notNull(),
  },
  (t) => [unique("users_email_key").on(t.email)],
);
