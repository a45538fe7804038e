import { pgTable, text, timestamp, boolean, integer, index } from "drizzle-orm/pg-core";

export const users = pgTable("users", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  email: text("email").notNull().unique(),
  emailVerified: boolean("email_verified")
    .$defaultFn(() => false)
    .notNull(),
  image: text("image"),
  avatar: text("avatar"),
  avatarUrl: text("avatar_url"),
  createdAt: timestamp("created_at")
    .$defaultFn(() => /* @__PURE__ */ new Date())
    .notNull(),
  updatedAt: timestamp("updated_at")
    .$defaultFn(() => /* @__PURE__ */ new Date())
    .notNull(),
  stripeCustomerId: text("stripe_customer_id"),
});

export const sessions = pgTable("sessions", {
  id: text("id").primaryKey(),
  expiresAt: timestamp("expires_at").notNull(),
  token: text("token").notNull().unique(),
  createdAt: timestamp("created_at").notNull(),
  updatedAt: timestamp("updated_at").notNull(),
  ipAddress: text("ip_address"),
  userAgent: text("user_agent"),
  userId: text("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
});

export const accounts = pgTable("accounts", {
  id: text("id").primaryKey(),
  accountId: text("account_id").notNull(),
  providerId: text("provider_id").notNull(),
  userId: text("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  accessToken: text("access_token"),
  refreshToken: text("refresh_token"),
  idToken: text("id_token"),
  accessTokenExpiresAt: timestamp("access_token_expires_at"),
  refreshTokenExpiresAt: timestamp("refresh_token_expires_at"),
  scope: text("scope"),
  password: text("password"),
  createdAt: timestamp("created_at").notNull(),
  updatedAt: timestamp("updated_at").notNull(),
});

export const verifications = pgTable("verifications", {
  id: text("id").primaryKey(),
  identifier: text("identifier").notNull(),
  value: text("value").notNull(),
  expiresAt: timestamp("expires_at").notNull(),
  createdAt: timestamp("created_at").$defaultFn(
    () => /* @__PURE__ */ new Date(),
  ),
  updatedAt: timestamp("updated_at").$defaultFn(
    () => /* @__PURE__ */ new Date(),
  ),
});

// ---------------------------------------------------------------------------
// Teams and credits. These tables are shared with the FastAPI service
// (fastapi/models/credits.py), which created them with SQLModel's
// init_auth_db(); Drizzle only describes them so the app can query them.
//
// Credits are charged per operation (see src/lib/credits.ts); a team pools
// the credits of its members, and an API key can carry its own pool with
// daily and monthly limits.
//
// Keep the column names in sync with the Python models: both services read
// and write these rows. Foreign keys matter most: a wrong target here means
// Drizzle-generated migrations would try to "fix" constraints that the
// database already has right. Run `schemadrift check` after editing.
//
// ---------------------------------------------------------------------------

export const teams = pgTable("teams", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  credits: integer("credits").notNull().default(0),
  ownerId: text("owner_id").references(() => users.id, { onDelete: "cascade" }),
  createdAt: timestamp("created_at")
    .notNull()
    .defaultNow(),
  updatedAt: timestamp("updated_at")
    .notNull()
    .defaultNow(),
});

// One credit account per user, created on sign-up; FastAPI charges it.
export const userCredits = pgTable("user_credits", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  credits: integer("credits").notNull().default(0),
  totalCreditsPurchased: integer("total_credits_purchased")
    .notNull()
    .default(0),
  teamId: text("team_id").references(() => teams.id),
  createdAt: timestamp("created_at").notNull().defaultNow(),
  updatedAt: timestamp("updated_at")
    .notNull()
    .defaultNow(),
});

export const creditTransactions = pgTable("credit_transactions", {
  id: text("id").primaryKey(),
  userId: text("user_id")
    .notNull()
    .references(() => userCredits.userId),
  teamId: text("team_id").references(() => teams.id),
  amount: integer("amount").notNull(),
  type: text("type").notNull(),
  operation: text("operation"),
  resourceId: text("resource_id"),
  apiKeyId: text("api_key_id"),
  transactionMetadata: text("transaction_metadata"),
  createdAt: timestamp("created_at")
    .notNull()
    .defaultNow(),
}, (t) => [
  index("ix_credit_transactions_type").on(t.type),
  index("ix_credit_transactions_user_id").on(t.userId),
]);

export const apiKeyCredits = pgTable("api_key_credits", {
  apiKey: text("api_key").primaryKey(),
  userId: text("user_id")
    .notNull()
    .references(() => userCredits.userId),
  teamId: text("team_id").references(() => teams.id),
  credits: integer("credits").notNull().default(0),
  dailyLimit: integer("daily_limit"),
  monthlyLimit: integer("monthly_limit"),
  createdAt: timestamp("created_at")
    .notNull()
    .defaultNow(),
  updatedAt: timestamp("updated_at")
    .notNull()
    .defaultNow(),
});
