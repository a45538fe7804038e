import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

export const teams = pgTable("teams", {
  id: text("id").primaryKey(),
  updatedAt: timestamp("updated_at")
    .notNull()
    .defaultNow() // set by the database
    .$onUpdate(() => new Date()),
});
