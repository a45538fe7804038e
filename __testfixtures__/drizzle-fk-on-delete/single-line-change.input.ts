import { pgTable, text, integer } from "drizzle-orm/pg-core";
import { users } from "./auth";

export const teams = pgTable("teams", {
  id: text("id").primaryKey(),
  credits: integer("credits").notNull().default(0),
  ownerId: text("owner_id").references(() => users.id, { onDelete: "cascade" }),
});
