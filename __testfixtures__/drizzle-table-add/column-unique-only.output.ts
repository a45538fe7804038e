import { pgTable, text, bigint } from "drizzle-orm/pg-core";

export const wallets = pgTable("wallets", {
  account_id: text().primaryKey(),
  balance_cents: bigint({ mode: "number" }).notNull(),
});

export const cards = pgTable("cards", {
  card_id: text().primaryKey(),
  wallet_id: text().notNull(),
  last_four: text().notNull().unique(),
  fingerprint: text().unique("cards_fingerprint_key"),
});
