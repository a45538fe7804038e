import { pgTable, text, integer } from 'drizzle-orm/pg-core'
import { users } from './auth'

// Every charge or refund against a credit account.
export const creditTransactions = pgTable('credit_transactions', {
  id: text('id').primaryKey(),
  userId: text('user_id')
    .notNull()
    .references(() => users.id),
  amount: integer('amount').notNull(),
})
