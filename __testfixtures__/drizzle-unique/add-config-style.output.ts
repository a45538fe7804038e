import { pgTable, serial, text, unique } from "drizzle-orm/pg-core";

export const teams = pgTable(
  "teams",
  {
    id: serial("id").primaryKey(),
    slug: text("slug").notNull(),
  },
  (t) => [unique("teams_slug_key").on(t.slug)],
);

export const users = pgTable(
  "users",
  {
    id: serial("id").primaryKey(),
    email: text("email").notNull(),
    name: text("name"),
  },
  (t) => [
    unique("users_name_key").on(t.name),
    unique("users_email_key").on(t.email),
  ],
);
