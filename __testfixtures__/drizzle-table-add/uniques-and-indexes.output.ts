import { pgTable, text, timestamp, unique, uniqueIndex, index } from "drizzle-orm/pg-core";

export const players = pgTable("players", {
  id: text("id").primaryKey(),
});

export const clubs = pgTable("clubs", {
  id: text("id").primaryKey(),
});

export const memberships = pgTable("memberships", {
  id: text("id").primaryKey(),
  teamId: text("team_id").notNull().references(() => clubs.id, { onDelete: "cascade" }),
  userId: text("user_id").notNull().references(() => players.id, { onDelete: "cascade" }),
  email: text("email").notNull().unique(),
  slug: text("slug").unique("memberships_slug_key"),
  role: text("role").notNull().default("member"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  unique().on(t.teamId, t.userId),
  unique("memberships_team_role_key").on(t.teamId, t.role),
  uniqueIndex("memberships_user_email_idx").on(t.userId, t.email),
  index("memberships_created_at_idx").on(t.createdAt),
  index("memberships_team_created_idx").on(t.teamId, t.createdAt),
]);
