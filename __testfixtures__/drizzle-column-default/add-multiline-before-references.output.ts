import { pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./auth";

export const sessions = pgTable("sessions", {
  id: text("id").primaryKey(),
  createdAt: timestamp("created_at")
    .notNull()
    .defaultNow()
    .references(() => users.createdAt), // when the user signed up
});
