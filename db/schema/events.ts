import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { users } from './people';

/**
 * Append-only audit log. Nothing updates or deletes these rows (a trigger in the
 * migration enforces it). It doubles as the replay log for live updates.
 */
export const events = sqliteTable(
  'events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    actorId: integer('actor_id').references(() => users.id),
    type: text('type').notNull(), // e.g. item.created, item.status_changed
    subjectType: text('subject_type').notNull(), // item | cycle | theme | user | meeting | change_request
    subjectId: integer('subject_id').notNull(),
    data: text('data', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  },
  (t) => [index('events_subject').on(t.subjectType, t.subjectId, t.id)],
);
export type EventRow = typeof events.$inferSelect;
