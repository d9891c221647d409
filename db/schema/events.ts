import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { users } from './people';

/**
 * Append-only audit log. Nothing updates or deletes these rows (triggers in the migrations enforce
 * it; the one update allowed is sealing a row that has no hash yet). It doubles as the replay log for
 * live updates. Each row is hash-chained to the one before it (db/event-chain.ts): `prev_hash` is the
 * previous row's `hash`; NULL in both means the row is not sealed yet.
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
    prevHash: text('prev_hash'),
    hash: text('hash'),
  },
  (t) => [
    index('events_subject').on(t.subjectType, t.subjectId, t.id),
    // Finding rows still to seal at start-up is then a lookup, not a scan of the whole log.
    index('events_unsealed')
      .on(t.id)
      .where(sql`${t.hash} is null`),
  ],
);
export type EventRow = typeof events.$inferSelect;
