import { pgTable, text, bigint } from "drizzle-orm/pg-core";

export const wallets = pgTable("wallets", {
  account_id: text().primaryKey(),
  balance_cents: bigint({ mode: "number" }).notNull(),
});
