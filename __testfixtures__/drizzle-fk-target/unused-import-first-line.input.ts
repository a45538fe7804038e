import { users } from "./auth";
import { pgTable, text } from "drizzle-orm/pg-core";

export const userCredits = pgTable("user_credits", {
  userId: text("user_id").primaryKey(),
});

export const invites = pgTable("invites", {
  id: text("id").primaryKey(),
  invitedBy: text("invited_by").references(() => users.id),
});
