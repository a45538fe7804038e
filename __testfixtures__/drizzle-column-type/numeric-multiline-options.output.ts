import { numeric, pgTable, uuid } from "drizzle-orm/pg-core";

export const invoices = pgTable("invoices", {
  id: uuid("id").defaultRandom().primaryKey(),
  amount: numeric("amount", {
    precision: 14, // cents matter
    scale: 4,
  }).notNull(),
});
