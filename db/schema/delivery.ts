import { sqliteTable, text, integer, index, primaryKey, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { cycles, items } from './backlog';
import { users } from './people';

/**
 * After the outcome: what was delivered (in milestones or at once), the sprint demos where the work
 * is shown, and the business's feedback on it.
 */

/** A milestone is a partial delivery; the final record is the one that makes the item delivered. */
export const DELIVERY_KINDS = ['milestone', 'final'] as const;
export type DeliveryKind = (typeof DELIVERY_KINDS)[number];

/** One delivery of an item. An undone record stays, marked undone, so the history keeps it. */
export const deliveryRecords = sqliteTable(
  'delivery_records',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    itemId: integer('item_id')
      .notNull()
      .references(() => items.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: DELIVERY_KINDS }).notNull(),
    /** A milestone's name ("Beta for two customers"); empty for a final delivery. */
    name: text('name').notNull().default(''),
    deliveredOn: text('delivered_on').notNull(), // YYYY-MM-DD
    releaseNotes: text('release_notes').notNull().default(''),
    /** Links to what shipped (release, pull request, documentation). */
    links: text('links', { mode: 'json' }).$type<string[]>().notNull(),
    recordedBy: integer('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: text('recorded_at').notNull(),
    undoneAt: text('undone_at'),
    undoneBy: integer('undone_by').references(() => users.id),
  },
  (t) => [index('delivery_records_item').on(t.itemId, t.deliveredOn)],
);
export type DeliveryRecord = typeof deliveryRecords.$inferSelect;

/** A sprint demo: a time, the items shown, and who is invited. */
export const demos = sqliteTable(
  'demos',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    cycleId: integer('cycle_id')
      .notNull()
      .references(() => cycles.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    startsAt: text('starts_at').notNull(), // ISO instant
    durationMinutes: integer('duration_minutes').notNull(),
    /** The zone the organiser planned in; everyone sees the time in their own. */
    timeZone: text('time_zone').notNull(),
    presenterId: integer('presenter_id')
      .notNull()
      .references(() => users.id),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    /** Feedback is taken until this instant (the window is configurable per demo). */
    feedbackClosesAt: text('feedback_closes_at').notNull(),
    /** The presenter's notes on the demo as a whole. */
    notes: text('notes').notNull().default(''),
    /** Sequence of the calendar invitation, raised at each change so calendars update it. */
    icsSequence: integer('ics_sequence').notNull().default(0),
    cancelledAt: text('cancelled_at'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('demos_cycle').on(t.cycleId, t.startsAt)],
);
export type Demo = typeof demos.$inferSelect;

export const DEMO_STAGES = ['mockup', 'prototype', 'v0', 'v1', 'released'] as const;
export type DemoStage = (typeof DEMO_STAGES)[number];

/** An item on a demo's list; what was shown of it is recorded during or after the demo. */
export const demoItems = sqliteTable(
  'demo_items',
  {
    demoId: integer('demo_id')
      .notNull()
      .references(() => demos.id, { onDelete: 'cascade' }),
    itemId: integer('item_id')
      .notNull()
      .references(() => items.id),
    position: integer('position').notNull(),
    /** Set once the presenter records that it was shown. */
    shownAt: text('shown_at'),
    stage: text('stage', { enum: DEMO_STAGES }),
    notes: text('notes').notNull().default(''),
    links: text('links', { mode: 'json' }).$type<string[]>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.demoId, t.itemId] }), index('demo_items_item').on(t.itemId)],
);
export type DemoItem = typeof demoItems.$inferSelect;

export const demoInvitees = sqliteTable(
  'demo_invitees',
  {
    demoId: integer('demo_id')
      .notNull()
      .references(() => demos.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.demoId, t.userId] }), index('demo_invitees_user').on(t.userId)],
);

export const FEEDBACK_VERDICTS = ['looks_right', 'concern'] as const;
export type FeedbackVerdict = (typeof FEEDBACK_VERDICTS)[number];

/** An attendee's feedback on one item shown at a demo; a concern can become a new request. */
export const demoFeedback = sqliteTable(
  'demo_feedback',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    demoId: integer('demo_id')
      .notNull()
      .references(() => demos.id, { onDelete: 'cascade' }),
    itemId: integer('item_id')
      .notNull()
      .references(() => items.id),
    authorId: integer('author_id')
      .notNull()
      .references(() => users.id),
    verdict: text('verdict', { enum: FEEDBACK_VERDICTS }).notNull(),
    comment: text('comment').notNull().default(''),
    createdAt: text('created_at').notNull(),
    /** The request a concern became, linked back to the item. */
    requestItemId: integer('request_item_id').references(() => items.id),
  },
  (t) => [index('demo_feedback_item').on(t.itemId, t.demoId)],
);
export type DemoFeedback = typeof demoFeedback.$inferSelect;

/**
 * A read-only roadmap link for people without an account (board members, customers). Only a hash
 * of its token is kept; a revoked link answers 404 like one that never existed.
 */
export const roadmapLinks = sqliteTable(
  'roadmap_links',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    tokenHash: text('token_hash').notNull(),
    label: text('label').notNull(),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: text('created_at').notNull(),
    revokedAt: text('revoked_at'),
    revokedBy: integer('revoked_by').references(() => users.id),
    lastUsedAt: text('last_used_at'),
  },
  (t) => [uniqueIndex('roadmap_links_token').on(t.tokenHash)],
);
export type RoadmapLink = typeof roadmapLinks.$inferSelect;
