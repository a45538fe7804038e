import { pgTable } from "drizzle-orm/pg-core";

export const invites = pgTable("invites", (t) => ({
  id: t.text().primaryKey(),
  email: t
    .varchar({ length: 255 })
    .notNull(),
  note: t.text(),
}));
