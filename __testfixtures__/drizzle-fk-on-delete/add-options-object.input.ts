import { pgTable, text } from "drizzle-orm/pg-core";
import { teams } from "./teams";

export const userCredits = pgTable("user_credits", {
  userId: text("user_id").primaryKey(),
  teamId: text("team_id").references(() => teams.id), // nullable: personal accounts have no team
});
