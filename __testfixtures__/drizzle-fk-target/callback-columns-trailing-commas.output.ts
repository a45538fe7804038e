import { pgTable } from "drizzle-orm/pg-core";
import { userCredits } from "./credits";

export const apiKeyCredits = pgTable("api_key_credits", (t) => ({
  apiKey: t.text("api_key").primaryKey(),
  userId: t
    .text("user_id")
    .notNull()
    .references(() => userCredits.userId, {
      onDelete: "cascade",
    },),
}));
