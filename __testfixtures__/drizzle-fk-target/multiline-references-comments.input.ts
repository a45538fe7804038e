import { pgTable, text } from "drizzle-orm/pg-core";

export const users = pgTable("users", {
  id: text("id").primaryKey(),
});

export const userCredits = pgTable("user_credits", {
  userId: text("user_id").primaryKey(),
});

export const creditTransactions = pgTable("credit_transactions", {
  id: text("id").primaryKey(),
  userId: text("user_id")
    .notNull()
    // FastAPI writes these rows; keep in step with fastapi/models/credits.py.
    .references(
      () => /* the account that is charged */ users.id,
      { onDelete: "cascade" }, // charges go with the account
    ),
});
