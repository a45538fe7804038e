import { pgTable, text } from "drizzle-orm/pg-core";
import {
  teams,
  userCredits as credits,
} from "../billing/schema";

export const invites = pgTable("invites", {
  id: text("id").primaryKey(),
  teamId: text("team_id").references(() => teams.id),
  invitedBy: text("invited_by").references(() => credits.userId, {
    onDelete: "set null",
  }),
});
