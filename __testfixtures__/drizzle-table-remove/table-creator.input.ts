import { integer, pgTableCreator, text } from "drizzle-orm/pg-core";

const createTable = pgTableCreator((name) => `app_${name}`);

export const accounts = createTable("accounts", {
  id: text("id").primaryKey(),
});

/** Counters the old rate limiter kept. */
export const counters = createTable("counters", {
  id: text("id").primaryKey(),
  hits: integer("hits").notNull(),
});
