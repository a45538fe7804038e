import { pgTableCreator, text } from "drizzle-orm/pg-core";

const createTable = pgTableCreator((name) => `app_${name}`);

export const accounts = createTable("accounts", {
  id: text("id").primaryKey(),
});
