import { integer, pgTable, text } from "drizzle-orm/pg-core";

export const invoices = pgTable("invoices", {
  id: integer("id").primaryKey(),
  customerName: text("customer_name").notNull() // as printed
});
