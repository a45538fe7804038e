import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { pgTable, serial } from "drizzle-orm/pg-core";

export const a = pgTable("a", { id: serial("id").primaryKey() });


export const b = pgTable("b", { id: serial("id").primaryKey(), parent: serial("parent").references((): AnyPgColumn => a.id) });
