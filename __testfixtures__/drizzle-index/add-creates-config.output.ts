import { pgTable, serial, text, index } from "drizzle-orm/pg-core";

export const users = pgTable("users", {
  id: serial("id").primaryKey(),
  email: text("email").notNull(),
}, (t) => [
  index("users_email_idx").on(t.email),
]);
