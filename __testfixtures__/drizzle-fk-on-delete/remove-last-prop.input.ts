import { pgTable, text } from "drizzle-orm/pg-core";
import { users } from "./auth";

export const sessions = pgTable("sessions", {
  id: text("id").primaryKey(),
  approverId: text("approver_id").references(() => users.id, { onUpdate: "restrict", onDelete: "set null" }),
});
