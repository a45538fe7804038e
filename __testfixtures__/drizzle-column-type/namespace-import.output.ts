import * as pg from "drizzle-orm/pg-core";

export const profiles = pg.pgTable("profiles", {
  id: pg.uuid("id").primaryKey(),
  bio: pg.varchar("bio", { length: 500 }),
});
