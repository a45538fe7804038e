import { sql } from "drizzle-orm";
import { boolean, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

export const users = pgTable("users", {
  id: text("id").primaryKey(),
  createdAt: timestamp("created_at").notNull().default(sql`now()`),
});

/**
 * Every change an administrator makes, kept for a year.
 */
export const auditLog = pgTable("audit_log", {
  id: text("id").primaryKey(),
  payload: jsonb("payload"),
  archived: boolean("archived").notNull().default(false),
});

export const teams = pgTable("teams", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
});
