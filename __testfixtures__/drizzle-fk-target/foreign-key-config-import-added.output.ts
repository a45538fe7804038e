import { foreignKey, pgTable, text } from "drizzle-orm/pg-core";
import { userCredits } from "./credits";

export const users = pgTable("users", {
  id: text("id").primaryKey(),
});

export const teams = pgTable(
  "teams",
  {
    id: text("id").primaryKey(),
    ownerId: text("owner_id"),
  },
  (t) => [foreignKey({ columns: [t.ownerId], foreignColumns: [userCredits.userId] }).onUpdate("cascade")],
);
