import { pgTable, text } from "drizzle-orm/pg-core";
import { users } from "./auth";

export const sessions = pgTable("sessions", {
  id: text("id").primaryKey(),
  userId: text("user_id")
    .notNull()
    .references(() => users.id, {
      onDelete: "cascade", // sessions die with their user
    }),
});
