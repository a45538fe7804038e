import { integer, pgTable, text, numeric } from "drizzle-orm/pg-core";

export const invoices = pgTable("invoices", {
  id: integer("id").primaryKey(),
  customerName: text("customer_name").notNull(), // as printed
  totalAmount: numeric("total_amount", { precision: 10, scale: 2 }).notNull().default("0")
});
