import { numeric, pgTable, text } from "drizzle-orm/pg-core";

export const plans = pgTable("plans", {
  id: text("id").primaryKey(),
  price: numeric("price", { precision: 10, scale: 2 })
    .notNull()
    .default("9.99"),
});
