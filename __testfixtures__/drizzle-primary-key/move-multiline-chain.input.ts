import { pgTable, text, uuid } from "drizzle-orm/pg-core";

export const users = pgTable("users", {
  email: text("email")
    .primaryKey()
    .default(""),
  id: uuid("id")
    .defaultRandom()
    .notNull(),
});
