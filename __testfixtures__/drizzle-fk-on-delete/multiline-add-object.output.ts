import { pgTable, text } from "drizzle-orm/pg-core";
import { userCredits } from "./credits";

export const apiKeyCredits = pgTable("api_key_credits", {
  apiKey: text("api_key").primaryKey(),
  userId: text("user_id")
    .notNull()
    .references(
      () => userCredits.userId, // the pool is charged first
      { onDelete: "set null" },
    ),
});
