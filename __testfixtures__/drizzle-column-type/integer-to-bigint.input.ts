import { integer, pgTable, text } from "drizzle-orm/pg-core";
import { users } from "./users";

export const credits = pgTable("user_credits", {
  id: integer("id").primaryKey(),
  userId: text("user_id").notNull().references(() => users.id),
  balance: integer("balance")
    .notNull()
    .default(0),
});
