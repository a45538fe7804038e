import { foreignKey, pgTable, text } from "drizzle-orm/pg-core";
import { userCredits } from "./credits";

export const teams = pgTable(
  "teams",
  {
    id: text("id").primaryKey(),
    ownerId: text("owner_id"),
  },
  (t) => [
    foreignKey({
      columns: [
        t.ownerId, // owner
      ],
      foreignColumns: [
        userCredits.userId, // owner
      ],
    }),
  ],
);
