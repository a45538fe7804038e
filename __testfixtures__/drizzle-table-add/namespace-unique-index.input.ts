import * as pg from "drizzle-orm/pg-core";

export const apps = pg.pgTable("apps", {
  id: pg.integer("id").primaryKey(),
  name: pg.text("name").notNull(),
});
