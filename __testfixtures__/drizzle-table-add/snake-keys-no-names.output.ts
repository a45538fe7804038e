import { pgTable, text, bigint, numeric } from "drizzle-orm/pg-core";

export const accounts = pgTable("accounts", {
  account_id: text().primaryKey(),
  balance_cents: bigint({ mode: "number" }).notNull(),
});

export const ledgerEntries = pgTable("ledger_entries", {
  entry_id: bigint({ mode: "number" }).primaryKey(),
  account_id: text().notNull().references(() => accounts.account_id, { onDelete: "restrict", onUpdate: "cascade" }),
  amount: numeric({ precision: 12, scale: 2 }).notNull().default("0.00"),
});
