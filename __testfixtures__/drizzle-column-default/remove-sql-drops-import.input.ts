import { sql } from "drizzle-orm";
import { pgTable, text } from "drizzle-orm/pg-core";

export const keys = pgTable("keys", {
  id: text("id").primaryKey().default(sql`gen_random_uuid()::text`),
  label: text("label").$defaultFn(() => "key"),
});
