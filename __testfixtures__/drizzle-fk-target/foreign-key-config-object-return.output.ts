import { foreignKey, pgTable, text } from "drizzle-orm/pg-core";

export const users = pgTable("users", {
  id: text("id").primaryKey(),
});

export const userCredits = pgTable("user_credits", {
  userId: text("user_id").primaryKey(),
});

export const teams = pgTable(
  "teams",
  {
    id: text("id").primaryKey(),
    ownerId: text("owner_id"),
  },
  (table) => ({
    ownerFk: foreignKey({
      columns: [table.ownerId],
      foreignColumns: [userCredits.userId], // the account that pays
    }).onDelete("set null"),
  }),
);
