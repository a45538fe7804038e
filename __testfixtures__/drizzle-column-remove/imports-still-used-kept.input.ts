import { sql } from "drizzle-orm";
import { jsonb, pgTable, serial, text } from "drizzle-orm/pg-core";
import type { Payload } from "../types";

export const events = pgTable("events", {
  id: serial("id").primaryKey(),
  payload: jsonb("payload").$type<Payload>().default(sql`'{}'::jsonb`),
  body: jsonb("body").$type<Payload>(),
  createdAt: text("created_at").default(sql`now()`),
});
