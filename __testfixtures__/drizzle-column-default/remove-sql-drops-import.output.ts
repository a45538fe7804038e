import { pgTable, text } from "drizzle-orm/pg-core";

export const keys = pgTable("keys", {
  id: text("id").primaryKey(),
  label: text("label").$defaultFn(() => "key"),
});
