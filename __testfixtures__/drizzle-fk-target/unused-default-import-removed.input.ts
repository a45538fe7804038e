import { pgTable, text } from "drizzle-orm/pg-core";
import users, { teams } from "./auth";

export const userCredits = pgTable("user_credits", {
  userId: text("user_id").primaryKey(),
});

export const invites = pgTable("invites", {
  id: text("id").primaryKey(),
  teamId: text("team_id").references(() => teams.id),
  invitedBy: text("invited_by").references(() => users.id),
});
