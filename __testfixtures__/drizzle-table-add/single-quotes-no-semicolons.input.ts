import { pgTable, uuid, boolean } from 'drizzle-orm/pg-core'

export const teams = pgTable('teams', {
    id: uuid('id').primaryKey().defaultRandom(),
    archived: boolean('archived').notNull().default(false)
})
