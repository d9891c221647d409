import { sqliteTable, text, integer, index, primaryKey, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { cycles, items } from './backlog';
import { users } from './people';

export const MEETING_KINDS = ['regular', 'emergency'] as const;
export const MEETING_STATUSES = ['scheduled', 'live', 'paused', 'closed'] as const;
export const ATTENDEE_ROLES = ['voter', 'observer'] as const;
export type AttendeeRole = (typeof ATTENDEE_ROLES)[number];

/** A prioritisation meeting of a cycle (and later, emergency sessions). Times are UTC ISO strings. */
export const meetings = sqliteTable(
  'meetings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
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

export const meetingAttendees = sqliteTable(
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
export const agendaItems = sqliteTable(
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
export const prereads = sqliteTable(
  'prereads',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id),
    sentAt: text('sent_at').notNull(),
    sentBy: integer('sent_by')
      .notNull()
      .references(() => users.id),
    /** Sent with less than the lead time before the meeting (after an explicit confirmation). */
    late: integer('late', { mode: 'boolean' }).notNull().default(false),
    /** The pm's personal note at the top of the pre-read e-mail. */
    note: text('note').notNull().default(''),
    snapshot: text('snapshot', { mode: 'json' }).$type<PrereadSnapshot>().notNull(),
  },
  (t) => [uniqueIndex('prereads_meeting_unique').on(t.meetingId)],
);
export type Preread = typeof prereads.$inferSelect;

export type SnapshotItem = {
  id: number;
  title: string;
  description: string;
  businessBenefit: string;
  estimate: string;
  effectiveWeeks: number | null;
  sme: string;
  sponsor: string | null;
  requestor: string;
  department: string;
  kind: string;
  modules: string[];
  themeId: number | null;
  theme: string | null;
  version: number;
};
export type PrereadSnapshot = {
  meeting: { title: string; scheduledAt: string; durationMinutes: number; location: string; facilitator: string };
  cycle: { id: number; name: string; capacityWeeks: number };
  /** `metric`: the key outcome's metric in words, when the theme has one (older snapshots have none). */
  themes: { id: number; name: string; keyOutcome: string; metric?: string }[];
  items: SnapshotItem[];
};

/** Changes sent after the pre-read went out. */
export const prereadUpdates = sqliteTable('preread_updates', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  prereadId: integer('preread_id')
    .notNull()
    .references(() => prereads.id),
  sentAt: text('sent_at').notNull(),
  sentBy: integer('sent_by')
    .notNull()
    .references(() => users.id),
  summary: text('summary', { mode: 'json' }).$type<string[]>().notNull(),
  snapshot: text('snapshot', { mode: 'json' }).$type<PrereadSnapshot>().notNull(),
});

export const prereadReads = sqliteTable(
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

export const prereadReminders = sqliteTable(
  'preread_reminders',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
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

export const COMMENT_KINDS = ['question', 'answer', 'concern', 'note'] as const;

export const comments = sqliteTable(
  'comments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
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
