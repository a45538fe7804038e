import { sql } from "drizzle-orm";
import { date, pgTable, text } from "drizzle-orm/pg-core";

export const days = pgTable("days", {
  id: text("id").primaryKey(),
  day: date("day")
    .notNull()
    .default(sql`CURRENT_DATE`),
});
