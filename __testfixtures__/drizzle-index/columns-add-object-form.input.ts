import { integer, pgTable, serial, timestamp, unique } from 'drizzle-orm/pg-core'

export const events = pgTable('events', {
  id: serial('id').primaryKey(),
  teamId: integer('team_id').notNull(),
  createdAt: timestamp('created_at').notNull(),
}, (events) => ({
  idUnique: unique('events_id_key').on(events.id),
}))
