import * as pg from "drizzle-orm/pg-core";

export const files = pg.pgTable("files", {
  id: pg.uuid("id").primaryKey(),
  name: pg.text("name").notNull(),
});
