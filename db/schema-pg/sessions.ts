import { pgTable, text, integer, bigint, index } from 'drizzle-orm/pg-core';
import { SESSION_END_REASONS } from '../schema/sessions';
import { users } from './people';

/** One row per sign-in; the session cookie carries only the row's id (see db/schema/sessions.ts). */
export const userSessions = pgTable(
  'user_sessions',
  {
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    // Epoch ms does not fit PostgreSQL's 32-bit integer; mode 'number' keeps it a JS number as in SQLite.
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    lastSeenAt: bigint('last_seen_at', { mode: 'number' }).notNull(),
    endedAt: bigint('ended_at', { mode: 'number' }),
    endedReason: text('ended_reason', { enum: SESSION_END_REASONS }),
  },
  (t) => [index('user_sessions_user').on(t.userId, t.endedAt)],
);
export type UserSession = typeof userSessions.$inferSelect;
