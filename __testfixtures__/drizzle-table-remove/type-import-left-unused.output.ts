import { type AnyPgColumn, integer, jsonb, pgTable } from "drizzle-orm/pg-core";
import type { Meta } from "./meta";

export const nodes = pgTable("nodes", {
  id: integer("id").primaryKey(),
  parentId: integer("parent_id").references((): AnyPgColumn => nodes.id),
  meta: jsonb("meta").$type<Meta>(),
});
