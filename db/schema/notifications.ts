import { sqliteTable, text, integer, index, primaryKey } from 'drizzle-orm/sqlite-core';
import { users } from './people';

/** Kinds of notification; each user can turn e-mail off per kind. */
export const NOTIFICATION_KINDS = [
  'preread.distributed',
  'preread.updated',
  'preread.reminder',
  'question.asked',
  'question.answered',
  'question.resolved',
  'outcome.published',
  'schedule.published',
  'schedule.flagged',
  'change.session_convened',
  'change.decided',
  'change.raised',
  'change.responded',
  'change.rule_met',
  'change.deadline_passed',
  'demo.invited',
  'demo.feedback',
  'request.triaged',
  'item.stage_changed',
  'item.dropped',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const notifications = sqliteTable(
  'notifications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull().default(''),
    /** A path inside the app, e.g. /cycles/1/preread#item-4. */
    link: text('link').notNull(),
    /**
     * What the notification asks its recipient to do, as a key (lib/notifications/tasks.server.ts):
     * doing it marks the notification read. Null for news that asks nothing.
     */
    task: text('task'),
    createdAt: text('created_at').notNull(),
    readAt: text('read_at'),
  },
  (t) => [index('notifications_user').on(t.userId, t.readAt, t.id), index('notifications_task').on(t.task)],
);
export type Notification = typeof notifications.$inferSelect;

export const notificationPrefs = sqliteTable(
  'notification_prefs',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind').notNull(),
    email: integer('email', { mode: 'boolean' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);

export const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'failed'] as const;

/**
 * E-mail to send, written in the same transaction as the change that causes it. The worker
 * claims a row (pending → sending), sends it, and marks it sent or schedules a retry.
 */
export const outbox = sqliteTable(
  'outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    toUserId: integer('to_user_id').references(() => users.id),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    html: text('html').notNull(),
    /** An iCalendar invitation attached as text/calendar, when the mail carries one. */
    ics: text('ics'),
    status: text('status', { enum: OUTBOX_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at').notNull(), // epoch ms
    lastError: text('last_error'),
    createdAt: text('created_at').notNull(),
    sentAt: text('sent_at'),
    /** While sending: when the claim was made, so a crashed send can be retried after a timeout. */
    claimedAt: integer('claimed_at'),
  },
  (t) => [index('outbox_due').on(t.status, t.nextAttemptAt)],
);
export type OutboxRow = typeof outbox.$inferSelect;

/** Settings an admin can change (key → JSON value), e.g. the pre-read lead time. */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
});
