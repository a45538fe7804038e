import { foreignKey, pgTable, text } from "drizzle-orm/pg-core";

export const userCredits = pgTable("user_credits", {
  userId: text("user_id").primaryKey(),
});

export const teams = pgTable(
  "teams",
  {
    id: text("id").primaryKey(),
    ownerId: text("owner_id"),
  },
  (t) => [foreignKey({ columns: [t.ownerId], foreignColumns: [userCredits.userId] })],
);
