import * as pg from "drizzle-orm/pg-core";

export const files = pg.pgTable("files", {
  id: pg.uuid("id").primaryKey(),
  ownerId: pg.uuid("owner_id").notNull().defaultRandom(),
  name: pg.text("name").notNull(),
});
