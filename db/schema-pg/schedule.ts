import {
  pgTable,
  text,
  integer,
  boolean,
  doublePrecision,
  jsonb,
  index,
  primaryKey,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import {
  CHANGE_REQUEST_STATUSES,
  FLAG_KINDS,
  RESPONSES,
  SESSION_MODES,
  SESSION_STATUSES,
  URGENCIES,
  type CapacityOverrun,
  type Displacement,
  type ScheduleSnapshotItem,
} from '../schema/schedule';
import { cycles, items } from './backlog';
import { users } from './people';

/** The delivery schedule of a cycle and emergency re-prioritisation (see db/schema/schedule.ts). */

/** A sprint or a month inside a cycle, with the person-weeks it can hold. */
export const schedulePeriods = pgTable(
  'schedule_periods',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    cycleId: integer('cycle_id')
      .notNull()
      .references(() => cycles.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    startsOn: text('starts_on').notNull(), // YYYY-MM-DD
    endsOn: text('ends_on').notNull(),
    capacityWeeks: doublePrecision('capacity_weeks').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [index('schedule_periods_cycle').on(t.cycleId, t.position)],
);
export type SchedulePeriod = typeof schedulePeriods.$inferSelect;

/** Where and by whom an item is delivered. `version` guards concurrent edits of the entry. */
export const scheduleEntries = pgTable(
  'schedule_entries',
  {
    itemId: integer('item_id')
      .primaryKey()
      .references(() => items.id, { onDelete: 'cascade' }),
    periodId: integer('period_id').references(() => schedulePeriods.id),
    ownerId: integer('owner_id').references(() => users.id),
    kickoffOn: text('kickoff_on'), // YYYY-MM-DD
    version: integer('version').notNull().default(1),
  },
  (t) => [index('schedule_entries_period').on(t.periodId)],
);
export type ScheduleEntry = typeof scheduleEntries.$inferSelect;

/** Each publication of a cycle's schedule, with what it showed (to tell the next one what changed). */
export const schedulePublications = pgTable(
  'schedule_publications',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    cycleId: integer('cycle_id')
      .notNull()
      .references(() => cycles.id, { onDelete: 'cascade' }),
    publishedAt: text('published_at').notNull(),
    publishedBy: integer('published_by')
      .notNull()
      .references(() => users.id),
    snapshot: jsonb('snapshot').$type<ScheduleSnapshotItem[]>().notNull(),
    /** Human-readable changes since the previous publication (empty for the first). */
    summary: jsonb('summary').$type<string[]>().notNull(),
  },
  (t) => [index('schedule_publications_cycle').on(t.cycleId, t.id)],
);

/** A question or a flagged problem on a scheduled item; open until resolved with a note. */
export const scheduleFlags = pgTable(
  'schedule_flags',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    itemId: integer('item_id')
      .notNull()
      .references(() => items.id, { onDelete: 'cascade' }),
    authorId: integer('author_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind', { enum: FLAG_KINDS }).notNull(),
    body: text('body').notNull(),
    createdAt: text('created_at').notNull(),
    resolvedAt: text('resolved_at'),
    resolvedBy: integer('resolved_by').references(() => users.id),
    resolutionNote: text('resolution_note'),
  },
  (t) => [index('schedule_flags_item').on(t.itemId)],
);
export type ScheduleFlag = typeof scheduleFlags.$inferSelect;

/** An urgent change to a cycle's schedule: what comes in, what moves out or later, and why now. */
export const changeRequests = pgTable(
  'change_requests',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    cycleId: integer('cycle_id')
      .notNull()
      .references(() => cycles.id),
    raisedBy: integer('raised_by')
      .notNull()
      .references(() => users.id),
    title: text('title').notNull(),
    whyNow: text('why_now').notNull(),
    urgency: text('urgency', { enum: URGENCIES }).notNull(),
    /** The item that comes in (a new item created with the request, or a deferred one). */
    incomingItemId: integer('incoming_item_id')
      .notNull()
      .references(() => items.id),
    incomingPeriodId: integer('incoming_period_id').references(() => schedulePeriods.id),
    /** 0-based position in the schedule's order where the incoming item goes. */
    incomingPosition: integer('incoming_position').notNull(),
    displaced: jsonb('displaced').$type<Displacement[]>().notNull(),
    /** The periods over capacity the raiser confirmed; null when the proposal stays within capacity. */
    overCapacity: jsonb('over_capacity').$type<CapacityOverrun[]>(),
    status: text('status', { enum: CHANGE_REQUEST_STATUSES }).notNull().default('open'),
    createdAt: text('created_at').notNull(),
    decidedAt: text('decided_at'),
    decidedBy: integer('decided_by').references(() => users.id),
    /** Whether the session's rule was met when the pm decided. */
    ruleMet: boolean('rule_met'),
    /** Approving against the rule needs a justification; declining needs a reason. */
    decisionNote: text('decision_note'),
    /** The round of responses the request is in: 1 when raised, one more per amendment after a dissent. */
    round: integer('round').notNull().default(1),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('change_requests_cycle').on(t.cycleId, t.status)],
);
export type ChangeRequest = typeof changeRequests.$inferSelect;

/** An emergency session on one change request; its decision rule is fixed when it is convened. */
export const emergencySessions = pgTable(
  'emergency_sessions',
  {
    id: integer('id').primaryKey().generatedByDefaultAsIdentity(),
    changeRequestId: integer('change_request_id')
      .notNull()
      .references(() => changeRequests.id),
    mode: text('mode', { enum: SESSION_MODES }).notNull(),
    status: text('status', { enum: SESSION_STATUSES }).notNull().default('open'),
    deadline: text('deadline'), // UTC ISO; async sessions only
    quorum: integer('quorum').notNull(),
    sponsorVeto: boolean('sponsor_veto').notNull().default(false),
    convenedBy: integer('convened_by')
      .notNull()
      .references(() => users.id),
    convenedAt: text('convened_at').notNull(),
    closedAt: text('closed_at'),
  },
  (t) => [uniqueIndex('emergency_sessions_request').on(t.changeRequestId)],
);
export type EmergencySession = typeof emergencySessions.$inferSelect;

export const sessionInvitees = pgTable(
  'session_invitees',
  {
    sessionId: integer('session_id')
      .notNull()
      .references(() => emergencySessions.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.userId] })],
);

/** A leader's current response; a later one replaces it (both are in the event log). */
export const sessionResponses = pgTable(
  'session_responses',
  {
    sessionId: integer('session_id')
      .notNull()
      .references(() => emergencySessions.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    response: text('response', { enum: RESPONSES }).notNull(),
    comment: text('comment').notNull().default(''),
    at: text('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.userId] })],
);
