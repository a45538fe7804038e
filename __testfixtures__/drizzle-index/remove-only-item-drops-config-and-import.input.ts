import { index, pgTable, serial, text } from "drizzle-orm/pg-core";

export const users = pgTable(
  "users",
  {
    id: serial("id").primaryKey(),
    legacyCode: text("legacy_code"),
  },
  (t) => [index("users_legacy_code_idx").on(t.legacyCode)],
);
