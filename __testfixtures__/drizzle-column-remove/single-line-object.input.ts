import { pgTable, serial, text, varchar } from "drizzle-orm/pg-core";

export const tags = pgTable("tags", { id: serial("id").primaryKey(), label: text("label"), color: varchar("color", { length: 7 }) });
