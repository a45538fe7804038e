import { pgTable, text } from "drizzle-orm/pg-core";
import { teams, users } from "./auth";
import { userCredits } from "./credits";

export const invites = pgTable("invites", {
  id: text("id").primaryKey(),
  teamId: text("team_id").references(() => teams.id),
  invitedBy: text("invited_by").references(() => userCredits.userId),
});

export type Inviter = typeof users.$inferSelect;
