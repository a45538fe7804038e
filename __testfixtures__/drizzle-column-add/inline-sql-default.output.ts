import { pgTable, uuid, text, date } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";

export const events = pgTable("events", { id: uuid("id").primaryKey(), happenedOn: date("happened_on").notNull().default(sql`CURRENT_DATE`), kind: text("kind") });
