import { pgTable, text, integer, foreignKey, index } from "drizzle-orm/pg-core";

export const userCredits = pgTable("user_credits", {
  userId: text("user_id").primaryKey(),
});

export const creditTransactions = pgTable(
  "credit_transactions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id").notNull(),
    amount: integer("amount").notNull(),
  },
  (t) => [
    index("ix_credit_transactions_user_id").on(t.userId),
    foreignKey({
      columns: [t.userId],
      foreignColumns: [userCredits.userId],
      name: "credit_transactions_user_id_fkey",
    }).onDelete("cascade"),
  ],
);
