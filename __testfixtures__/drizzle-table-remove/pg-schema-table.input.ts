import { pgSchema, serial, text, varchar } from 'drizzle-orm/pg-core'

export const billing = pgSchema('billing')

// ---- billing tables ----

export const refunds = billing.table('refunds', {
  id: serial('id').primaryKey(),
  reason: varchar('reason', { length: 200 }),
})

export const invoices = billing.table('invoices', {
  id: serial('id').primaryKey(),
  number: text('number').notNull(),
})
