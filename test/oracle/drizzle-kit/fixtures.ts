// The oracle fixtures (one folder each under fixtures/, with its own drizzle config) and the seeded
// mutations: small edits that must each surface as exactly one finding against the unedited database.

import type { KitOptions } from './drizzle-kit.ts';

export interface Mutation {
  /** What the edit does, for the test name. */
  title: string;
  /** File inside the fixture folder, and text that occurs exactly once in it with its replacement. */
  file: string;
  from: string;
  to: string;
  /** The one finding expected: rule, table as reports spell it, column. */
  rule: string;
  table: string;
  column: string;
  /** The database's and the edited schema's value. */
  values: { database: string; drizzle: string };
}

export interface OracleFixture {
  name: string;
  kit?: KitOptions;
  /** Diagnostics the reader is expected to report for this fixture (messages). */
  diagnostics?: string[];
  mutations?: Mutation[];
}

export const FIXTURES: OracleFixture[] = [
  {
    name: 'saas-starter',
    mutations: [
      {
        title: 'change one FK target',
        file: 'schema.ts',
        from: 'references(() => users.id, { onDelete: "restrict" })',
        to: 'references(() => organizations.id, { onDelete: "restrict" })',
        rule: 'fk-target',
        table: 'organizations',
        column: 'owner_id',
        values: { database: 'users.id', drizzle: 'organizations.id' },
      },
      {
        title: 'drop one .notNull()',
        file: 'schema.ts',
        from: 'name: text("name").notNull(),\n    ownerId',
        to: 'name: text("name"),\n    ownerId',
        rule: 'column-nullable',
        table: 'organizations',
        column: 'name',
        values: { database: 'NOT NULL', drizzle: 'NULL' },
      },
      {
        title: 'change one onDelete',
        file: 'schema.ts',
        from: 'userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" })',
        to: 'userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "restrict" })',
        rule: 'fk-on-delete',
        table: 'memberships',
        column: 'user_id',
        values: { database: 'CASCADE', drizzle: 'RESTRICT' },
      },
      {
        title: 'change one default',
        file: 'schema.ts',
        from: 'seats: integer("seats").notNull().default(1)',
        to: 'seats: integer("seats").notNull().default(2)',
        rule: 'column-default',
        table: 'organizations',
        column: 'seats',
        values: { database: '1', drizzle: '2' },
      },
    ],
  },
  {
    name: 'multi-file-barrel',
    mutations: [
      {
        title: 'change one FK target in a file reached through the barrel',
        file: 'src/db/schema/tasks.ts',
        from: 'references(() => people.id',
        to: 'references(() => projectsModule.projects.id',
        rule: 'fk-target',
        table: 'tasks',
        column: 'assignee_id',
        values: { database: 'accounts.id', drizzle: 'projects.id' },
      },
    ],
  },
  {
    name: 'enums-composite',
    mutations: [
      {
        title: 'change one type',
        file: 'schema.ts',
        from: 'quantity: integer("quantity")',
        to: 'quantity: numeric("quantity")',
        rule: 'column-type',
        table: 'stock',
        column: 'quantity',
        values: { database: 'integer', drizzle: 'numeric' },
      },
    ],
  },
  {
    name: 'pg-schema',
    mutations: [
      {
        title: 'change one type in a pgSchema table',
        file: 'schema.ts',
        from: 'amountCents: integer("amount_cents")',
        to: 'amountCents: text("amount_cents")',
        rule: 'column-type',
        table: 'billing.invoice_lines',
        column: 'amount_cents',
        values: { database: 'integer', drizzle: 'text' },
      },
    ],
  },
  {
    name: 'self-tree',
    mutations: [
      {
        title: 'change the onDelete of a self foreign key',
        file: 'schema.ts',
        from: '.onDelete("set null")',
        to: '.onDelete("cascade")',
        rule: 'fk-on-delete',
        table: 'comments',
        column: 'reply_to',
        values: { database: 'SET NULL', drizzle: 'CASCADE' },
      },
    ],
  },
  {
    name: 'identity-generated',
    mutations: [
      {
        title: 'change one default next to identity columns',
        file: 'schema.ts',
        from: 'quantity: integer("quantity").notNull().default(1)',
        to: 'quantity: integer("quantity").notNull().default(5)',
        rule: 'column-default',
        table: 'orders',
        column: 'quantity',
        values: { database: '1', drizzle: '5' },
      },
    ],
  },
  {
    name: 'casing',
    kit: { generate: ['--dialect', 'postgresql', '--schema', './db/*.ts', '--casing', 'snake_case'] },
    mutations: [
      {
        title: 'drop one .notNull() on a column named by casing',
        file: 'db/people.ts',
        from: 'firstName: text().notNull(),',
        to: 'firstName: text(),',
        rule: 'column-nullable',
        table: 'people',
        column: 'first_name',
        values: { database: 'NOT NULL', drizzle: 'NULL' },
      },
    ],
  },
  { name: 'indexes' },
  {
    name: 'column-builders',
    mutations: [
      {
        title: 'change one varchar length',
        file: 'schema.ts',
        from: 'varchar("vc64", { length: 64 })',
        to: 'varchar("vc64", { length: 65 })',
        rule: 'column-type',
        table: 'all_types',
        column: 'vc64',
        values: { database: 'character varying(64)', drizzle: 'character varying(65)' },
      },
    ],
  },
  { name: 'legacy-object-config' },
  { name: 'path-aliases' },
  {
    name: 'custom-types',
    diagnostics: ["customType varbit has no static dataType(); type of wallets.flags unknown"],
  },
];
