import { index, integer, pgTable, text, unique } from 'drizzle-orm/pg-core'

export const workspaces = pgTable('workspaces', {
  id: integer('id').primaryKey(),
  ownerId: text('owner_id').notNull()
}, (table) => ({
  ownerIdx: index('workspaces_owner_idx').on(table.ownerId)
}))

export const tasks = pgTable('tasks', {
  id: integer('id').primaryKey(),
  projectId: integer('project_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  position: integer('position').notNull()
}, (table) => ({
  projectIdNameUnique: unique('tasks_project_id_name_key').on(table.projectId, table.name),
  projectIdPositionUnique: unique().on(table.projectId, table.position),
  projectIdIdx: index('tasks_project_idx').on(table.projectId),
  nameIdx: index('tasks_name_idx').on(table.name)
}))
