import { integer, pgTable, text, bigint } from "drizzle-orm/pg-core";
import { users } from "./users";

export const credits = pgTable("user_credits", {
  id: integer("id").primaryKey(),
  userId: text("user_id").notNull().references(() => users.id),
  balance: bigint("balance", { mode: "number" })
    .notNull()
    .default(0),
});
