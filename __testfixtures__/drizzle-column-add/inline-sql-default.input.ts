import { pgTable, uuid, text } from "drizzle-orm/pg-core";

export const events = pgTable("events", { id: uuid("id").primaryKey(), kind: text("kind") });
