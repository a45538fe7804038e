import { pgTable, text, uuid } from "drizzle-orm/pg-core";

export const users = pgTable("users", {
  email: text("email")
    .notNull()
    .default(""),
  id: uuid("id")
    .primaryKey()
    .defaultRandom()
    .notNull(),
});
