import * as pg from "drizzle-orm/pg-core";

export const projects = pg.pgTable("projects", {
  id: pg.integer("id").primaryKey(),
  name: pg.text("name").notNull(),
});
