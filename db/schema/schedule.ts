import { sqliteTable, text, integer, real, index, primaryKey, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { cycles, items } from './backlog';
import { users } from './people';

/**
 * The delivery schedule of a cycle and emergency re-prioritisation.
 * The schedule's order is the items' `rank` (as ranked in the meeting); each scheduled item has one
 * entry: its period, owner and kickoff date.
 */

/** A sprint or a month inside a cycle, with the person-weeks it can hold. */
export const schedulePeriods = sqliteTable(
  'schedule_periods',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    cycleId: integer('cycle_id')
      .notNull()
      .references(() => cycles.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    startsOn: text('starts_on').notNull(), // YYYY-MM-DD
    endsOn: text('ends_on').notNull(),
    capacityWeeks: real('capacity_weeks').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [index('schedule_periods_cycle').on(t.cycleId, t.position)],
);
export type SchedulePeriod = typeof schedulePeriods.$inferSelect;

/** Where and by whom an item is delivered. `version` guards concurrent edits of the entry. */
export const scheduleEntries = sqliteTable(
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

export type ScheduleSnapshotItem = {
  itemId: number;
  title: string;
  rank: string | null;
  status: string;
  period: string | null;
  owner: string | null;
  kickoffOn: string | null;
};

/** Each publication of a cycle's schedule, with what it showed (to tell the next one what changed). */
export const schedulePublications = sqliteTable(
  'schedule_publications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    cycleId: integer('cycle_id')
      .notNull()
      .references(() => cycles.id, { onDelete: 'cascade' }),
    publishedAt: text('published_at').notNull(),
    publishedBy: integer('published_by')
      .notNull()
      .references(() => users.id),
    snapshot: text('snapshot', { mode: 'json' }).$type<ScheduleSnapshotItem[]>().notNull(),
    /** Human-readable changes since the previous publication (empty for the first). */
    summary: text('summary', { mode: 'json' }).$type<string[]>().notNull(),
  },
  (t) => [index('schedule_publications_cycle').on(t.cycleId, t.id)],
);

export const FLAG_KINDS = ['question', 'flag'] as const;

/** A question or a flagged problem on a scheduled item; open until resolved with a note. */
export const scheduleFlags = sqliteTable(
  'schedule_flags',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
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

export const URGENCIES = ['high', 'critical'] as const;
export const CHANGE_REQUEST_STATUSES = [
  'open',
  'in_session',
  'needs_review',
  'approved',
  'declined',
  'withdrawn',
] as const;
export type ChangeRequestStatus = (typeof CHANGE_REQUEST_STATUSES)[number];

/** What a change request does to one scheduled item: take it out (back to deferred) or move it later. */
export type Displacement = { itemId: number; action: 'out' | 'later'; toPeriodId?: number | null };

/** A period the change request puts over its capacity (or further over), as the raiser confirmed it. */
export type CapacityOverrun = { periodId: number; name: string; weeks: number; capacityWeeks: number };

/** An urgent change to a cycle's schedule: what comes in, what moves out or later, and why now. */
export const changeRequests = sqliteTable(
  'change_requests',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
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
    displaced: text('displaced', { mode: 'json' }).$type<Displacement[]>().notNull(),
    /**
     * The periods the proposal takes over capacity, which the raiser explicitly confirmed when raising
     * (or amending) it; null when it stays within capacity. A request over capacity is refused without it.
     */
    overCapacity: text('over_capacity', { mode: 'json' }).$type<CapacityOverrun[]>(),
    status: text('status', { enum: CHANGE_REQUEST_STATUSES }).notNull().default('open'),
    createdAt: text('created_at').notNull(),
    decidedAt: text('decided_at'),
    decidedBy: integer('decided_by').references(() => users.id),
    /** Whether the session's rule was met when the pm decided. */
    ruleMet: integer('rule_met', { mode: 'boolean' }),
    /** Approving against the rule needs a justification; declining needs a reason. */
    decisionNote: text('decision_note'),
    /**
     * The round of responses the request is in: 1 when raised, one more each time the raiser amends
     * it after a dissent. Earlier rounds' responses are kept in its `cr.amended` events.
     */
    round: integer('round').notNull().default(1),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('change_requests_cycle').on(t.cycleId, t.status)],
);
export type ChangeRequest = typeof changeRequests.$inferSelect;

export const SESSION_MODES = ['live', 'async'] as const;
export const SESSION_STATUSES = ['open', 'closed'] as const;
export const RESPONSES = ['assent', 'dissent'] as const;
export type SessionResponse = (typeof RESPONSES)[number];

/**
 * An emergency session on one change request. The decision rule is fixed when it is convened:
 * a quorum (`quorum` = how many of the invited leaders must respond; default more than half) and
 * a majority of those who responded; optionally a veto for the sponsor of any displaced item.
 */
export const emergencySessions = sqliteTable(
  'emergency_sessions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    changeRequestId: integer('change_request_id')
      .notNull()
      .references(() => changeRequests.id),
    mode: text('mode', { enum: SESSION_MODES }).notNull(),
    status: text('status', { enum: SESSION_STATUSES }).notNull().default('open'),
    deadline: text('deadline'), // UTC ISO; async sessions only
    quorum: integer('quorum').notNull(),
    sponsorVeto: integer('sponsor_veto', { mode: 'boolean' }).notNull().default(false),
    convenedBy: integer('convened_by')
      .notNull()
      .references(() => users.id),
    convenedAt: text('convened_at').notNull(),
    closedAt: text('closed_at'),
  },
  (t) => [uniqueIndex('emergency_sessions_request').on(t.changeRequestId)],
);
export type EmergencySession = typeof emergencySessions.$inferSelect;

export const sessionInvitees = sqliteTable(
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
export const sessionResponses = sqliteTable(
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
