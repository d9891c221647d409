import { pgTable, text, integer, boolean, jsonb, index, primaryKey, uniqueIndex } from 'drizzle-orm/pg-core';
import {
  ATTENDEE_ROLES,
  COMMENT_KINDS,
  MEETING_KINDS,
  MEETING_STATUSES,
  type PrereadSnapshot,
} from '../schema/meetings';
import { cycles, items } from './backlog';
import { users } from './people';

/** A prioritisation meeting of a cycle (and later, emergency sessions). Times are UTC ISO strings. */
export const meetings = pgTable(
  'meetings',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    cycleId: integer('cycle_id')
      .notNull()
      .references(() => cycles.id),
    kind: text('kind', { enum: MEETING_KINDS }).notNull().default('regular'),
    status: text('status', { enum: MEETING_STATUSES }).notNull().default('scheduled'),
    title: text('title').notNull(),
    scheduledAt: text('scheduled_at').notNull(),
    durationMinutes: integer('duration_minutes').notNull().default(90),
    location: text('location').notNull().default(''),
    facilitatorId: integer('facilitator_id')
      .notNull()
      .references(() => users.id),
    /** Questions on the pre-read close at this time (default: the day before the meeting). */
    questionsCloseAt: text('questions_close_at').notNull(),
    currentItemId: integer('current_item_id').references(() => items.id),
    /** When the facilitator went to the current item: where its time box's countdown starts. */
    currentItemSince: text('current_item_since'),
    startedAt: text('started_at'),
    endedAt: text('ended_at'),
    version: integer('version').notNull().default(1),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('meetings_cycle').on(t.cycleId)],
);
export type Meeting = typeof meetings.$inferSelect;

export const meetingAttendees = pgTable(
  'meeting_attendees',
  {
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role', { enum: ATTENDEE_ROLES }).notNull().default('voter'),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.userId] })],
);

/** The items that go to the meeting, in order. */
export const agendaItems = pgTable(
  'agenda_items',
  {
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    itemId: integer('item_id')
      .notNull()
      .references(() => items.id),
    position: integer('position').notNull(),
    /** Minutes planned for the item; null: an even share of what the meeting's length leaves. */
    timeBoxMinutes: integer('time_box_minutes'),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.itemId] }), index('agenda_items_order').on(t.meetingId, t.position)],
);

/** The frozen agenda sent to the attendees: one per meeting; later changes go out as updates. */
export const prereads = pgTable(
  'prereads',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id),
    sentAt: text('sent_at').notNull(),
    sentBy: integer('sent_by')
      .notNull()
      .references(() => users.id),
    /** Sent with less than the lead time before the meeting (after an explicit confirmation). */
    late: boolean('late').notNull().default(false),
    /** The pm's personal note at the top of the pre-read e-mail. */
    note: text('note').notNull().default(''),
    snapshot: jsonb('snapshot').$type<PrereadSnapshot>().notNull(),
  },
  (t) => [uniqueIndex('prereads_meeting_unique').on(t.meetingId)],
);
export type Preread = typeof prereads.$inferSelect;

/** Changes sent after the pre-read went out. */
export const prereadUpdates = pgTable('preread_updates', {
  id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
  prereadId: integer('preread_id')
    .notNull()
    .references(() => prereads.id),
  sentAt: text('sent_at').notNull(),
  sentBy: integer('sent_by')
    .notNull()
    .references(() => users.id),
  summary: jsonb('summary').$type<string[]>().notNull(),
  snapshot: jsonb('snapshot').$type<PrereadSnapshot>().notNull(),
});

export const prereadReads = pgTable(
  'preread_reads',
  {
    prereadId: integer('preread_id')
      .notNull()
      .references(() => prereads.id),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    readAt: text('read_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.prereadId, t.userId] })],
);

export const prereadReminders = pgTable(
  'preread_reminders',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    prereadId: integer('preread_id')
      .notNull()
      .references(() => prereads.id),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    sentAt: text('sent_at').notNull(),
  },
  (t) => [index('preread_reminders_user').on(t.prereadId, t.userId, t.sentAt)],
);

export const comments = pgTable(
  'comments',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    itemId: integer('item_id')
      .notNull()
      .references(() => items.id),
    meetingId: integer('meeting_id').references(() => meetings.id),
    authorId: integer('author_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind', { enum: COMMENT_KINDS }).notNull(),
    body: text('body').notNull(),
    parentId: integer('parent_id'),
    resolvedAt: text('resolved_at'),
    resolvedBy: integer('resolved_by').references(() => users.id),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('comments_item').on(t.itemId, t.id), index('comments_meeting').on(t.meetingId)],
);
export type Comment = typeof comments.$inferSelect;
