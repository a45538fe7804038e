import { pgTable, text, integer } from 'drizzle-orm/pg-core'
import { userCredits } from './credits'

// Every charge or refund against a credit account.
export const creditTransactions = pgTable('credit_transactions', {
  id: text('id').primaryKey(),
  userId: text('user_id')
    .notNull()
    .references(() => userCredits.userId),
  amount: integer('amount').notNull(),
})
