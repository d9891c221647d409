import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { users } from './people';

export const SESSION_END_REASONS = [
  'signed_out',
  'signed_out_everywhere',
  'ended_by_admin',
  'deactivated',
  'role_changed',
  'password_reset',
] as const;
export type SessionEndReason = (typeof SESSION_END_REASONS)[number];

/**
 * One row per sign-in. The session cookie (a signed token) carries only the row's id: ending the
 * row ends the session on the server, whatever the cookie says, and idle and absolute limits are
 * checked against it on every request.
 */
export const userSessions = sqliteTable(
  'user_sessions',
  {
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: integer('created_at').notNull(), // epoch ms
    lastSeenAt: integer('last_seen_at').notNull(), // epoch ms, written at most once a minute
    endedAt: integer('ended_at'), // epoch ms
    endedReason: text('ended_reason', { enum: SESSION_END_REASONS }),
  },
  (t) => [index('user_sessions_user').on(t.userId, t.endedAt)],
);
export type UserSession = typeof userSessions.$inferSelect;
