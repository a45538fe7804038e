import { pgTable, text, integer } from "drizzle-orm/pg-core";

export const teams = pgTable("teams", {
  id: text("id").primaryKey(),
  name: text("name"),
  seats: integer("seats").default(5),
});
