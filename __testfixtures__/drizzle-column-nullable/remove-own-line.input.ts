import { pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { users } from "./auth";

export const sessions = pgTable("sessions", {
  id: text("id").primaryKey(),
  userId: text("user_id") // who signed in
    .notNull() // required for now
    .references(() => users.id, { onDelete: "cascade" }),
  createdAt: timestamp("created_at").notNull(),
});
