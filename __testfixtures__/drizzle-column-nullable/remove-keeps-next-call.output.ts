import { pgTable, text } from "drizzle-orm/pg-core";
import { users } from "./auth";

export const accounts = pgTable("accounts", {
  id: text("id").primaryKey(),
  userId: text("user_id")
    .references(() => users.id),
});
