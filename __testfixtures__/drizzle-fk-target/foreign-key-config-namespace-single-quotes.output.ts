import * as pg from 'drizzle-orm/pg-core'

export const users = pg.pgTable('users', {
  id: pg.text('id').primaryKey(),
})

export const members = pg.pgTable('members', {
  userId: pg.text('user_id').primaryKey(),
})

export const teams = pg.pgTable(
  'teams',
  {
    id: pg.text('id').primaryKey(),
    ownerId: pg.text('owner_id'),
  },
  (t) => [pg.foreignKey({ name: 'teams_owner_fk', columns: [t.ownerId], foreignColumns: [members.userId] })],
)
