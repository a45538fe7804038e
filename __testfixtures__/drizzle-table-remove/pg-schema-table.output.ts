import { pgSchema, serial, text } from 'drizzle-orm/pg-core'

export const billing = pgSchema('billing')

// ---- billing tables ----

export const invoices = billing.table('invoices', {
  id: serial('id').primaryKey(),
  number: text('number').notNull(),
})
