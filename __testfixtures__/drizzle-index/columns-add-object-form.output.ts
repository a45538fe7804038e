import { integer, pgTable, serial, timestamp, unique, index } from 'drizzle-orm/pg-core'

export const events = pgTable('events', {
  id: serial('id').primaryKey(),
  teamId: integer('team_id').notNull(),
  createdAt: timestamp('created_at').notNull(),
}, (events) => ({
  idUnique: unique('events_id_key').on(events.id),
  createdAtTeamIdIdx: index('events_created_team_idx').on(events.createdAt, events.teamId),
}))
