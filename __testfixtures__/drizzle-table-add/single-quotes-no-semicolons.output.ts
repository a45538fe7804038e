import { pgTable, uuid, boolean, text } from 'drizzle-orm/pg-core'

export const teams = pgTable('teams', {
    id: uuid('id').primaryKey().defaultRandom(),
    archived: boolean('archived').notNull().default(false)
})

export const teamMembers = pgTable('team_members', {
    id: uuid('id').primaryKey().defaultRandom(),
    teamId: uuid('team_id').references(() => teams.id, { onDelete: 'set null' }),
    role: text('role').notNull().default('member')
})
