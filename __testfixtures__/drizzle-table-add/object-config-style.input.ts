import { index, integer, pgTable, text } from 'drizzle-orm/pg-core'

export const workspaces = pgTable('workspaces', {
  id: integer('id').primaryKey(),
  ownerId: text('owner_id').notNull()
}, (table) => ({
  ownerIdx: index('workspaces_owner_idx').on(table.ownerId)
}))
