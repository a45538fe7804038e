import * as pg from "drizzle-orm/pg-core";

export const apps = pg.pgTable("apps", {
  id: pg.integer("id").primaryKey(),
  name: pg.text("name").notNull(),
});

export const apiTokens = pg.pgTable("api_tokens", {
  id: pg.integer("id").primaryKey(),
  appId: pg.integer("app_id").notNull().references(() => apps.id),
  token: pg.text("token").notNull(),
  label: pg.text("label"),
}, (t) => [
  pg.unique().on(t.appId, t.label),
  pg.uniqueIndex("api_tokens_token_idx").on(t.token),
  pg.index("api_tokens_app_id_idx").on(t.appId),
]);
