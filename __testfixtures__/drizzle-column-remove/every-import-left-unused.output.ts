import { pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";
import { labels } from "./meta";

export const events = pgTable("events", {
  id: serial("id").primaryKey(),
  kind: text("kind").notNull().default(labels.kind),
  createdAt: timestamp("created_at"),
});
