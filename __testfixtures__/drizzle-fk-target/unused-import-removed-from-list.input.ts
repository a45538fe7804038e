import { pgTable, text } from "drizzle-orm/pg-core";
import { teams, users, type Session } from "./auth";
import { userCredits } from "./credits";

export const invites = pgTable("invites", {
  id: text("id").primaryKey(),
  teamId: text("team_id").references(() => teams.id),
  invitedBy: text("invited_by").references(() => users.id), // was the user
  users: text("users"),
});

export type LastSession = Session;
