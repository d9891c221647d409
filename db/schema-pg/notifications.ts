import { pgTable, text, integer, bigint, boolean, jsonb, index, primaryKey } from 'drizzle-orm/pg-core';
import { OUTBOX_STATUSES } from '../schema/notifications';
import { users } from './people';

export const notifications = pgTable(
  'notifications',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    /** A path inside the app, e.g. /cycles/1/preread#item-4. */
    link: text('link').notNull(),
    /** What the notification asks its recipient to do, as a key; null for news that asks nothing. */
    task: text('task'),
    createdAt: text('created_at').notNull(),
    readAt: text('read_at'),
  },
  (t) => [index('notifications_user').on(t.userId, t.readAt, t.id), index('notifications_task').on(t.task)],
);
export type Notification = typeof notifications.$inferSelect;

export const notificationPrefs = pgTable(
  'notification_prefs',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind').notNull(),
    email: boolean('email').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);

/** E-mail to send, written in the same transaction as the change that causes it (see db/schema/notifications.ts). */
export const outbox = pgTable(
  'outbox',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    toUserId: integer('to_user_id').references(() => users.id),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html').notNull(),
    /** An iCalendar invitation attached as text/calendar, when the mail carries one. */
    ics: text('ics'),
    status: text('status', { enum: OUTBOX_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    // Epoch ms does not fit PostgreSQL's 32-bit integer; mode 'number' keeps it a JS number as in SQLite.
    nextAttemptAt: bigint('next_attempt_at', { mode: 'number' }).notNull(),
    lastError: text('last_error'),
    createdAt: text('created_at').notNull(),
    sentAt: text('sent_at'),
    /** While sending: when the claim was made (epoch ms), so a crashed send can be retried after a timeout. */
    claimedAt: bigint('claimed_at', { mode: 'number' }),
  },
  (t) => [index('outbox_due').on(t.status, t.nextAttemptAt)],
);
export type OutboxRow = typeof outbox.$inferSelect;

/** Settings an admin can change (key → JSON value), e.g. the pre-read lead time. */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
});
