import { integer, numeric, pgTable, serial } from "drizzle-orm/pg-core";

export const orders = pgTable("orders", {
  id: serial("id").primaryKey(),
  // Percent, set by the old checkout.
  discount: numeric("discount", { precision: 5, scale: 2 })
    .notNull()
    .default("0"),
  quantity: integer("quantity").notNull(),
});
