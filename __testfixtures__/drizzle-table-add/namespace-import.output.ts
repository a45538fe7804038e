import * as pg from "drizzle-orm/pg-core";

export const projects = pg.pgTable("projects", {
  id: pg.integer("id").primaryKey(),
  name: pg.text("name").notNull(),
});

export const projectEvents = pg.pgTable("project_events", {
  id: pg.integer("id").primaryKey(),
  projectId: pg.integer("project_id").notNull().references(() => projects.id),
  happenedAt: pg.timestamp("happened_at"),
});
