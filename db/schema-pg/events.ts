import { sql } from 'drizzle-orm';
import { pgTable, text, integer, json, index } from 'drizzle-orm/pg-core';
import { users } from './people';

/**
 * Append-only audit log, hash-chained (see db/schema/events.ts and db/event-chain.ts). A trigger in
 * the migrations refuses every update and delete except the one-time seal, and refuses TRUNCATE.
 */
export const events = pgTable(
  'events',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    at: text('at').notNull(),
    actorId: integer('actor_id').references(() => users.id),
    type: text('type').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: integer('subject_id').notNull(),
    // json, not jsonb: the row keeps the exact text it was written with (jsonb reorders keys and
    // drops duplicates), which is what an audit export shows and what the seal trigger compares.
    data: json('data').$type<Record<string, unknown>>().notNull(),
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
