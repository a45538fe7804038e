import { pgEnum, pgTable, text, uuid } from "drizzle-orm/pg-core";

export const statusEnum = pgEnum("status", ["open", "closed"]);

export const tickets = pgTable("tickets", {
  id: uuid("id").primaryKey(),
  status: text("status").notNull(),
});
