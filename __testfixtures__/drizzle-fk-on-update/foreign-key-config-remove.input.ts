import { pgTable, text, foreignKey } from "drizzle-orm/pg-core";
import { userCredits } from "./credits";

export const creditTransactions = pgTable(
  "credit_transactions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id").notNull(),
  },
  (t) => [
    foreignKey({ columns: [t.userId], foreignColumns: [userCredits.userId] })
      .onDelete("cascade")
      .onUpdate("cascade"),
  ],
);
