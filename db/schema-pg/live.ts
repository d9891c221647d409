import { pgTable, text, integer, boolean, primaryKey, uniqueIndex, index } from 'drizzle-orm/pg-core';
import { DECISION_OUTCOMES, VOTE_CHOICES, VOTES_VISIBILITY } from '../schema/live';
import { items } from './backlog';
import { meetings } from './meetings';
import { users } from './people';

/** The live prioritisation meeting: votes, decisions, per-item state, per-meeting settings. */

/** One vote per user per item per meeting: a re-vote replaces the row. */
export const votes = pgTable(
  'votes',
  {
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    itemId: integer('item_id')
      .notNull()
      .references(() => items.id),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    choice: text('choice', { enum: VOTE_CHOICES }).notNull(),
    comment: text('comment').notNull().default(''),
    at: text('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.itemId, t.userId] })],
);
export type VoteRow = typeof votes.$inferSelect;

export const decisions = pgTable(
  'decisions',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    itemId: integer('item_id')
      .notNull()
      .references(() => items.id),
    outcome: text('outcome', { enum: DECISION_OUTCOMES }).notNull(),
    reason: text('reason').notNull().default(''),
    notes: text('notes').notNull().default(''),
    /** What the tally suggested when the decision was recorded (null: tie or no votes). */
    suggested: text('suggested', { enum: DECISION_OUTCOMES }),
    decidedBy: integer('decided_by')
      .notNull()
      .references(() => users.id),
    decidedAt: text('decided_at').notNull(),
  },
  (t) => [uniqueIndex('decisions_meeting_item').on(t.meetingId, t.itemId), index('decisions_item').on(t.itemId)],
);
export type DecisionRow = typeof decisions.$inferSelect;

/** Per agenda item of a live meeting: voting open/closed, hidden votes revealed, shared notes. */
export const meetingItemState = pgTable(
  'meeting_item_state',
  {
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    itemId: integer('item_id')
      .notNull()
      .references(() => items.id),
    votingClosed: boolean('voting_closed').notNull().default(false),
    revealed: boolean('revealed').notNull().default(false),
    notes: text('notes').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.itemId] })],
);
export type MeetingItemState = typeof meetingItemState.$inferSelect;

/** Chosen by the facilitator when the meeting starts. */
export const meetingSettings = pgTable('meeting_settings', {
  meetingId: integer('meeting_id')
    .primaryKey()
    .references(() => meetings.id, { onDelete: 'cascade' }),
  votesVisibility: text('votes_visibility', { enum: VOTES_VISIBILITY }).notNull().default('live'),
  weighted: boolean('weighted').notNull().default(false),
});
export type MeetingSettings = typeof meetingSettings.$inferSelect;

/**
 * The published outcome of a meeting: one row per meeting, so the primary key itself refuses a
 * second publication (and with it a second round of notifications), even from two racing requests.
 */
export const outcomePublications = pgTable('outcome_publications', {
  meetingId: integer('meeting_id')
    .primaryKey()
    .references(() => meetings.id, { onDelete: 'cascade' }),
  publishedAt: text('published_at').notNull(),
  /** The pm's personal note at the top of the outcome e-mails. */
  note: text('note').notNull().default(''),
  publishedBy: integer('published_by')
    .notNull()
    .references(() => users.id),
});
export type OutcomePublication = typeof outcomePublications.$inferSelect;
