import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { pgTable, serial, text } from "drizzle-orm/pg-core";

export const a = pgTable("a", { id: serial("id").primaryKey() });
const scratch = pgTable("scratch", { id: serial("id").primaryKey(), note: text("note") });


export const b = pgTable("b", { id: serial("id").primaryKey(), parent: serial("parent").references((): AnyPgColumn => a.id) });
