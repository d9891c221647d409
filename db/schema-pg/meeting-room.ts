import { pgTable, text, integer, doublePrecision, jsonb, primaryKey, index } from 'drizzle-orm/pg-core';
import { STANCES, UNDECIDED_DISPOSITIONS } from '../schema/meeting-room';
import { items } from './backlog';
import { meetings } from './meetings';
import { users } from './people';

/** The meeting room's tables on PostgreSQL (see db/schema/meeting-room.ts). */

/** One row per open live stream, so every server process sees the same room. */
export const meetingPresence = pgTable(
  'meeting_presence',
  {
    connectionId: text('connection_id').primaryKey(),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    connectedAt: text('connected_at').notNull(),
    /** Refreshed by the stream's heartbeat; a row not seen for a while is a connection that died. */
    lastSeenAt: text('last_seen_at').notNull(),
  },
  (t) => [index('meeting_presence_meeting').on(t.meetingId, t.userId)],
);
export type MeetingPresence = typeof meetingPresence.$inferSelect;

/** A leader's submitted order of the accepted items: a resubmission replaces every row of theirs. */
export const leaderRankings = pgTable(
  'leader_rankings',
  {
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    itemId: integer('item_id')
      .notNull()
      .references(() => items.id),
    /** 1 is the leader's first choice. */
    position: integer('position').notNull(),
    submittedAt: text('submitted_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.userId, t.itemId] })],
);
export type LeaderRanking = typeof leaderRankings.$inferSelect;

/** A what-if cut line someone proposed to the room: another capacity, some items left out, or both. */
export const cutLineProposals = pgTable(
  'cut_line_proposals',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    proposedBy: integer('proposed_by')
      .notNull()
      .references(() => users.id),
    /** Null: the cycle's capacity as it is. */
    capacityWeeks: doublePrecision('capacity_weeks'),
    leftOutItemIds: jsonb('left_out_item_ids').$type<number[]>().notNull(),
    proposedAt: text('proposed_at').notNull(),
    /** When the facilitator applied or dismissed it; null while it is before the room. */
    closedAt: text('closed_at'),
  },
  (t) => [index('cut_line_proposals_meeting').on(t.meetingId, t.id)],
);
export type CutLineProposal = typeof cutLineProposals.$inferSelect;

/** A leader's provisional stance on an item while reading the pre-read; private to the facilitator until the meeting. */
export const prereadStances = pgTable(
  'preread_stances',
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
    stance: text('stance', { enum: STANCES }).notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.itemId, t.userId] })],
);
export type PrereadStance = typeof prereadStances.$inferSelect;

/** Items to be accepted together in one decision unless a leader pulls one out for discussion. */
export const consentAgendaItems = pgTable(
  'consent_agenda_items',
  {
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    itemId: integer('item_id')
      .notNull()
      .references(() => items.id),
    pulledBy: integer('pulled_by').references(() => users.id),
    pulledAt: text('pulled_at'),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.itemId] })],
);
export type ConsentAgendaItem = typeof consentAgendaItems.$inferSelect;

/** What the facilitator chose, when ending the meeting, for each item it did not decide. */
export const undecidedItems = pgTable(
  'undecided_items',
  {
    meetingId: integer('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    itemId: integer('item_id')
      .notNull()
      .references(() => items.id),
    disposition: text('disposition', { enum: UNDECIDED_DISPOSITIONS }).notNull(),
    recordedBy: integer('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: text('recorded_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.itemId] })],
);
export type UndecidedItem = typeof undecidedItems.$inferSelect;
