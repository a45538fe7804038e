import { integer, pgTable, serial } from "drizzle-orm/pg-core";

export const orders = pgTable("orders", {
  id: serial("id").primaryKey(),
  // Percent, set by the old checkout.
  quantity: integer("quantity").notNull(),
});
