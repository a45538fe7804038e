import {
  pgTable,
  text,
  serial,
  bigserial,
} from "drizzle-orm/pg-core";

export const authors = pgTable("authors", {
  id: text("id").primaryKey(),
});

export const books = pgTable("books", {
  id: serial("id").primaryKey(),
  authorId: text("author_id").references(() => authors.id, { onDelete: "set null" }),
  copies: bigserial("copies", { mode: "number" }),
});
