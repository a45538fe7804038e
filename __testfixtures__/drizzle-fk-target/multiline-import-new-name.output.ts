import { pgTable, text } from "drizzle-orm/pg-core";
import {
  teams,
  sessions
} from "./auth";

export const invites = pgTable("invites", {
  id: text("id").primaryKey(),
  teamId: text("team_id").references(() => teams.id),
  invitedBy: text("invited_by").references(() => sessions.userId),
});
