import { pgEnum, pgTable, uuid } from "drizzle-orm/pg-core";

export const statusEnum = pgEnum("status", ["open", "closed"]);

export const tickets = pgTable("tickets", {
  id: uuid("id").primaryKey(),
  status: statusEnum("status").notNull(),
});
