import { integer, pgTable, varchar } from 'drizzle-orm/pg-core'
import { teams } from './teams'

export const members = pgTable('members', {
  id: integer('id').primaryKey(),
  teamId: integer('team_id')
    .notNull()
    .references(() => teams.id, { onDelete: 'cascade' }),
  nickname: varchar('nickname', { length: 255 }).default('anon'),
})
