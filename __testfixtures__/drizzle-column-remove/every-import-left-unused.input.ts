import { sql } from "drizzle-orm";
import { jsonb, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";
import type { Payload } from "../types";
import { type Meta, labels } from "./meta";

export const events = pgTable("events", {
  id: serial("id").primaryKey(),
  kind: text("kind").notNull().default(labels.kind),
  payload: jsonb("payload").$type<Payload & Meta>().default(sql`'{}'::jsonb`),
  createdAt: timestamp("created_at"),
});
