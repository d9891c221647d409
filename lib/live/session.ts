import 'server-only';
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { db } from '@/db/client';
import {
  agendaItems, decisions, departments, items, meetingAttendees, meetingItemState, meetings, meetingSettings, users, votes,
  VOTES_VISIBILITY, type DecisionRow, type Meeting, type MeetingSettings, type VoteChoice,
} from '@/db/schema';
import { can, type Actor } from '@/lib/auth/permissions';
import { ConflictError, ForbiddenError, ValidationError } from '@/lib/errors';
import { logEvent, type Executor } from '@/lib/events/log';
import { attendeeRole, canSeeMeeting, loadMeeting } from '@/lib/meetings/access';
import { meetingChannel, publisher } from '@/lib/realtime/publisher';
import { parseOrThrow } from '@/lib/validation';
import { suggestedDecision, tally, type Decision, type Tally, type Vote, type Voter } from './tally';

/**
 * The live prioritisation meeting (issue 4): the session itself (start, walk the agenda, pause,
 * hand over, end) and the state a page or stream shows. Votes, decisions and ranking live in
 * votes.ts, decisions.ts and rank.ts and share the helpers exported here.
 *
 * Every change is one transaction that writes exactly one `live.*` event on the meeting (subject
 * 'meeting') — plus, for decisions, the item's own `item.status_changed` — and the last event id
 * is published on the meeting's channel only after the transaction has committed.
 *
 * Versions: session changes (this file) bump `meetings.version`, so a facilitator acting on a stale
 * view (e.g. after a hand-over race) is refused with a ConflictError. Votes, per-item state and
 * ranking do NOT bump the meeting's version: otherwise every vote would invalidate the
 * facilitator's next "go to item". Ranking is guarded by each item's own version instead.
 */

type Tx = Parameters<Parameters<typeof db.transaction>[0]>[0];

export const MEETING_CHANGED =
  'The meeting changed meanwhile (another facilitator may have acted); here is its current state.';
export const ALREADY_ENDED = 'The meeting has already ended.';

/** Runs `fn` in a transaction, then publishes the last event it wrote (if any) on the meeting's channel. */
export function liveTransaction<T>(meetingId: number, fn: (tx: Tx) => { value: T; eventId: number | null }): T {
  const { value, eventId } = db.transaction(fn);
  if (eventId !== null) publisher.publish(meetingChannel(meetingId), eventId);
  return value;
}

export function liveEvent(tx: Executor, actor: Actor, meetingId: number, type: `live.${string}`, data: Record<string, unknown>): number {
  return logEvent(tx, { actorId: actor.id, type, subjectType: 'meeting', subjectId: meetingId, data });
}

export function isFacilitator(actor: Actor, meeting: Meeting): boolean {
  return meeting.facilitatorId === actor.id;
}

/** Loads the meeting and refuses (403) anyone who may not see it. */
export function loadVisibleMeeting(tx: Executor, actor: Actor, meetingId: number): Meeting {
  const meeting = loadMeeting(tx, meetingId);
  if (!canSeeMeeting(tx, actor, meeting)) throw new ForbiddenError('Only the meeting\'s attendees can take part in it.');
  return meeting;
}

export function assertFacilitator(actor: Actor, meeting: Meeting): void {
  if (!isFacilitator(actor, meeting)) throw new ForbiddenError('Only the facilitator can do this.');
}

export function assertLive(meeting: Meeting): void {
  if (meeting.status === 'live') return;
  if (meeting.status === 'closed') throw new ConflictError(ALREADY_ENDED);
  const message = meeting.status === 'paused' ? 'The meeting is paused.' : 'The meeting has not started yet.';
  throw new ValidationError({ meeting: [message] }, message);
}

function assertNotClosed(meeting: Meeting): void {
  if (meeting.status === 'closed') throw new ConflictError(ALREADY_ENDED);
}

function checkVersion(meeting: Meeting, expectedVersion: number | undefined): void {
  if (expectedVersion !== undefined && meeting.version !== expectedVersion) throw new ConflictError(MEETING_CHANGED, 'version');
}

/** Writes a meeting change only if nobody changed the meeting since it was read (version + 1). */
function updateMeeting(tx: Executor, meeting: Meeting, patch: Partial<Meeting>): Meeting {
  const after = tx.update(meetings).set({ ...patch, version: sql`${meetings.version} + 1` })
    .where(and(eq(meetings.id, meeting.id), eq(meetings.version, meeting.version))).returning().get();
  if (!after) throw new ConflictError(MEETING_CHANGED, 'version');
  return after;
}

/** The agenda in order: item ids by position. */
export function agendaIds(tx: Executor, meetingId: number): number[] {
  return tx.select({ itemId: agendaItems.itemId }).from(agendaItems).where(eq(agendaItems.meetingId, meetingId))
    .orderBy(asc(agendaItems.position), asc(agendaItems.itemId)).all().map((r) => r.itemId);
}

export function assertOnAgenda(tx: Executor, meetingId: number, itemId: number): void {
  if (!agendaIds(tx, meetingId).includes(itemId)) {
    throw new ValidationError({ itemId: ['This item is not on the meeting\'s agenda.'] }, 'This item is not on the meeting\'s agenda.');
  }
}

const DEFAULT_SETTINGS = { votesVisibility: 'live', weighted: false } as const;

export function settingsOf(tx: Executor, meetingId: number): Omit<MeetingSettings, 'meetingId'> {
  const row = tx.select().from(meetingSettings).where(eq(meetingSettings.meetingId, meetingId)).get();
  return row ? { votesVisibility: row.votesVisibility, weighted: row.weighted } : { ...DEFAULT_SETTINGS };
}

export function itemStateOf(tx: Executor, meetingId: number, itemId: number) {
  return tx.select().from(meetingItemState)
    .where(and(eq(meetingItemState.meetingId, meetingId), eq(meetingItemState.itemId, itemId))).get()
    ?? { meetingId, itemId, votingClosed: false, revealed: false, notes: '' };
}

/** Upserts one item's live state. */
export function setItemState(tx: Executor, meetingId: number, itemId: number, patch: Partial<{ votingClosed: boolean; revealed: boolean; notes: string }>): void {
  const current = itemStateOf(tx, meetingId, itemId);
  const next = { ...current, ...patch, meetingId, itemId };
  tx.insert(meetingItemState).values(next)
    .onConflictDoUpdate({ target: [meetingItemState.meetingId, meetingItemState.itemId], set: { votingClosed: next.votingClosed, revealed: next.revealed, notes: next.notes } })
    .run();
}

type ItemVote = Vote & { name: string; comment: string };

function selectVotes(tx: Executor, where: SQL | undefined) {
  return tx.select({
    itemId: votes.itemId, userId: votes.userId, name: users.name, departmentId: users.departmentId, departmentName: departments.name,
    choice: votes.choice, comment: votes.comment,
  })
    .from(votes).innerJoin(users, eq(users.id, votes.userId)).innerJoin(departments, eq(departments.id, users.departmentId))
    .where(where).orderBy(asc(votes.at), asc(votes.userId)).all();
}

/** The votes on one item with each voter's department, for the tally. */
export function votesOn(tx: Executor, meetingId: number, itemId: number): ItemVote[] {
  return selectVotes(tx, and(eq(votes.meetingId, meetingId), eq(votes.itemId, itemId)));
}

/** Every vote of the meeting, by item: one query for the whole agenda. */
function votesByItem(tx: Executor, meetingId: number): Map<number, ItemVote[]> {
  const byItem = new Map<number, ItemVote[]>();
  for (const { itemId, ...vote } of selectVotes(tx, eq(votes.meetingId, meetingId))) {
    const list = byItem.get(itemId) ?? [];
    list.push(vote);
    byItem.set(itemId, list);
  }
  return byItem;
}

/** The attendees who may vote. */
export function votersOf(tx: Executor, meetingId: number): Voter[] {
  return tx.select({ userId: meetingAttendees.userId, departmentId: users.departmentId, departmentName: departments.name })
    .from(meetingAttendees).innerJoin(users, eq(users.id, meetingAttendees.userId)).innerJoin(departments, eq(departments.id, users.departmentId))
    .where(and(eq(meetingAttendees.meetingId, meetingId), eq(meetingAttendees.role, 'voter'))).all();
}

export function tallyOf(tx: Executor, meetingId: number, itemId: number): Tally {
  return tally(votesOn(tx, meetingId, itemId), { voters: votersOf(tx, meetingId) });
}

/** The decision the tally suggests under the meeting's weighting. */
export function suggestionOf(tx: Executor, meetingId: number, itemId: number): Decision | null {
  return suggestedDecision(tallyOf(tx, meetingId, itemId), settingsOf(tx, meetingId).weighted ? 'weighted' : 'plain');
}

// ---------------------------------------------------------------------------------------------
// Session changes

export const StartSchema = z.object({
  votesVisibility: z.enum(VOTES_VISIBILITY, { error: 'Choose whether votes are shown live or hidden until revealed.' }),
  weighted: z.boolean({ error: 'Choose whether the tally is weighted by department.' }),
});

/** Facilitator (or pm/admin): scheduled|paused → live, on the first agenda item (or where a paused meeting was). */
export function startMeeting(actor: Actor, meetingId: number, input: unknown): Meeting {
  const options = parseOrThrow(StartSchema, input);
  return liveTransaction(meetingId, (tx) => {
    const meeting = loadVisibleMeeting(tx, actor, meetingId);
    if (!isFacilitator(actor, meeting) && !can(actor, 'meeting.manage')) throw new ForbiddenError('Only the facilitator can start the meeting.');
    assertNotClosed(meeting);
    if (meeting.status === 'live') throw new ConflictError('The meeting is already live.');
    const agenda = agendaIds(tx, meetingId);
    if (agenda.length === 0) throw new ValidationError({ agenda: ['Put items on the agenda before starting the meeting.'] }, 'Put items on the agenda before starting the meeting.');
    tx.insert(meetingSettings).values({ meetingId, ...options })
      .onConflictDoUpdate({ target: meetingSettings.meetingId, set: options }).run();
    const currentItemId = meeting.currentItemId !== null && agenda.includes(meeting.currentItemId) ? meeting.currentItemId : agenda[0];
    const after = updateMeeting(tx, meeting, { status: 'live', currentItemId, startedAt: meeting.startedAt ?? new Date().toISOString() });
    const eventId = liveEvent(tx, actor, meetingId, 'live.started', { version: after.version, currentItemId, ...options });
    return { value: after, eventId };
  });
}

export type GoTo = number | 'next' | 'previous';

/** Facilitator only, while live. `expectedVersion` is the meeting version the facilitator's screen shows. */
export function goToItem(actor: Actor, meetingId: number, target: GoTo, expectedVersion: number): Meeting {
  return liveTransaction(meetingId, (tx) => {
    const meeting = loadVisibleMeeting(tx, actor, meetingId);
    checkVersion(meeting, expectedVersion);
    assertFacilitator(actor, meeting);
    assertLive(meeting);
    const agenda = agendaIds(tx, meetingId);
    const at = meeting.currentItemId === null ? -1 : agenda.indexOf(meeting.currentItemId);
    let itemId: number;
    if (target === 'next') {
      if (at + 1 >= agenda.length) throw new ValidationError({ itemId: ['This is the last item on the agenda.'] }, 'This is the last item on the agenda.');
      itemId = agenda[at + 1];
    } else if (target === 'previous') {
      if (at <= 0) throw new ValidationError({ itemId: ['This is the first item on the agenda.'] }, 'This is the first item on the agenda.');
      itemId = agenda[at - 1];
    } else {
      assertOnAgenda(tx, meetingId, target);
      itemId = target;
    }
    const after = updateMeeting(tx, meeting, { currentItemId: itemId });
    const eventId = liveEvent(tx, actor, meetingId, 'live.item_changed', { version: after.version, from: meeting.currentItemId, currentItemId: itemId });
    return { value: after, eventId };
  });
}

export function pauseMeeting(actor: Actor, meetingId: number, expectedVersion?: number): Meeting {
  return liveTransaction(meetingId, (tx) => {
    const meeting = loadVisibleMeeting(tx, actor, meetingId);
    checkVersion(meeting, expectedVersion);
    assertFacilitator(actor, meeting);
    assertLive(meeting);
    const after = updateMeeting(tx, meeting, { status: 'paused' });
    return { value: after, eventId: liveEvent(tx, actor, meetingId, 'live.paused', { version: after.version }) };
  });
}

/** Facilitator (or pm/admin): paused → live, where it was. */
export function resumeMeeting(actor: Actor, meetingId: number, expectedVersion?: number): Meeting {
  return liveTransaction(meetingId, (tx) => {
    const meeting = loadVisibleMeeting(tx, actor, meetingId);
    checkVersion(meeting, expectedVersion);
    if (!isFacilitator(actor, meeting) && !can(actor, 'meeting.manage')) throw new ForbiddenError('Only the facilitator can resume the meeting.');
    assertNotClosed(meeting);
    if (meeting.status !== 'paused') {
      const message = meeting.status === 'live' ? 'The meeting is already live.' : 'The meeting has not started yet.';
      throw new ConflictError(message);
    }
    const after = updateMeeting(tx, meeting, { status: 'live' });
    return { value: after, eventId: liveEvent(tx, actor, meetingId, 'live.resumed', { version: after.version }) };
  });
}

/** The facilitator hands the role to another attendee (voter or observer) who is active. */
export function handOver(actor: Actor, meetingId: number, toUserId: number, expectedVersion?: number): Meeting {
  return liveTransaction(meetingId, (tx) => {
    const meeting = loadVisibleMeeting(tx, actor, meetingId);
    checkVersion(meeting, expectedVersion);
    assertFacilitator(actor, meeting);
    assertNotClosed(meeting);
    const target = tx.select({ id: users.id, active: users.active }).from(users).where(eq(users.id, toUserId)).get();
    if (toUserId === actor.id || !target || !target.active || attendeeRole(tx, meetingId, toUserId) === null) {
      const message = 'Hand the facilitation to another active attendee of this meeting.';
      throw new ValidationError({ toUserId: [message] }, message);
    }
    const after = updateMeeting(tx, meeting, { facilitatorId: toUserId });
    return { value: after, eventId: liveEvent(tx, actor, meetingId, 'live.handed_over', { version: after.version, from: actor.id, to: toUserId }) };
  });
}

/** A pm or admin takes over a meeting whose facilitator left. */
export function takeOver(actor: Actor, meetingId: number): Meeting {
  return liveTransaction(meetingId, (tx) => {
    if (!can(actor, 'meeting.manage')) throw new ForbiddenError('Only a pm or admin can take over a meeting.');
    const meeting = loadMeeting(tx, meetingId);
    assertNotClosed(meeting);
    if (isFacilitator(actor, meeting)) throw new ConflictError('You already facilitate this meeting.');
    const after = updateMeeting(tx, meeting, { facilitatorId: actor.id });
    return { value: after, eventId: liveEvent(tx, actor, meetingId, 'live.taken_over', { version: after.version, from: meeting.facilitatorId, to: actor.id }) };
  });
}

/** Facilitator (or pm/admin): live|paused → closed. A second end is refused. */
export function endMeeting(actor: Actor, meetingId: number): Meeting {
  return liveTransaction(meetingId, (tx) => {
    const meeting = loadVisibleMeeting(tx, actor, meetingId);
    if (!isFacilitator(actor, meeting) && !can(actor, 'meeting.manage')) throw new ForbiddenError('Only the facilitator can end the meeting.');
    assertNotClosed(meeting);
    if (meeting.status === 'scheduled') throw new ConflictError('The meeting has not started yet.');
    const after = updateMeeting(tx, meeting, { status: 'closed', endedAt: new Date().toISOString() });
    return { value: after, eventId: liveEvent(tx, actor, meetingId, 'live.ended', { version: after.version }) };
  });
}

// ---------------------------------------------------------------------------------------------
// The state a page or stream shows

export type VisibleVote = { userId: number; name: string; departmentName: string; choice: VoteChoice; comment: string };

/**
 * Either the full tally, or — in 'hidden' mode before the reveal — only how many have voted.
 * The hidden form carries no choice, no comment and no voter, for every viewer (the facilitator too).
 */
export type ItemTally =
  | { hidden: false; tally: Tally; suggested: Decision | null; votes: VisibleVote[] }
  | { hidden: true; voted: number; eligible: number };

export type LiveItem = {
  itemId: number; position: number; title: string; status: string; rank: string | null; version: number;
  votingClosed: boolean; revealed: boolean; notes: string;
  decision: Pick<DecisionRow, 'outcome' | 'reason' | 'notes' | 'suggested' | 'decidedBy' | 'decidedAt'> | null;
  tally: ItemTally;
  /** The viewer's own vote (their own data, so shown to them even while votes are hidden). */
  myVote: { choice: VoteChoice; comment: string } | null;
};

export type LiveState = {
  meeting: Pick<Meeting, 'id' | 'cycleId' | 'title' | 'status' | 'currentItemId' | 'facilitatorId' | 'startedAt' | 'endedAt' | 'version'>;
  settings: Omit<MeetingSettings, 'meetingId'>;
  viewer: { id: number; isFacilitator: boolean; role: 'voter' | 'observer' | null };
  agenda: LiveItem[];
};

/** The whole current state, for the page, a reload or a reconnect. Votes are projected per the meeting's visibility. */
export function liveState(viewer: Actor, meetingId: number): LiveState {
  return db.transaction((tx) => {
    const meeting = loadVisibleMeeting(tx, viewer, meetingId);
    const settings = settingsOf(tx, meetingId);
    const rows = tx.select({ itemId: agendaItems.itemId, position: agendaItems.position, title: items.title, status: items.status, rank: items.rank, version: items.version })
      .from(agendaItems).innerJoin(items, eq(items.id, agendaItems.itemId))
      .where(eq(agendaItems.meetingId, meetingId)).orderBy(asc(agendaItems.position), asc(agendaItems.itemId)).all();
    const voters = votersOf(tx, meetingId);
    const states = new Map(tx.select().from(meetingItemState).where(eq(meetingItemState.meetingId, meetingId)).all().map((s) => [s.itemId, s]));
    const decided = new Map(tx.select().from(decisions).where(eq(decisions.meetingId, meetingId)).all().map((d) => [d.itemId, d]));
    const allVotes = votesByItem(tx, meetingId);
    const agenda = rows.map((row): LiveItem => {
      const state = states.get(row.itemId);
      const revealed = state?.revealed ?? false;
      const itemVotes = allVotes.get(row.itemId) ?? [];
      const mine = itemVotes.find((v) => v.userId === viewer.id);
      const t = tally(itemVotes, { voters });
      const d = decided.get(row.itemId);
      return {
        ...row,
        votingClosed: state?.votingClosed ?? false,
        revealed,
        notes: state?.notes ?? '',
        decision: d ? { outcome: d.outcome, reason: d.reason, notes: d.notes, suggested: d.suggested, decidedBy: d.decidedBy, decidedAt: d.decidedAt } : null,
        tally: settings.votesVisibility === 'hidden' && !revealed
          ? { hidden: true, voted: t.turnout.voted, eligible: t.turnout.eligible }
          : {
            hidden: false, tally: t, suggested: suggestedDecision(t, settings.weighted ? 'weighted' : 'plain'),
            votes: itemVotes.map((v) => ({ userId: v.userId, name: v.name, departmentName: v.departmentName, choice: v.choice, comment: v.comment })),
          },
        myVote: mine ? { choice: mine.choice, comment: mine.comment } : null,
      };
    });
    return {
      meeting: {
        id: meeting.id, cycleId: meeting.cycleId, title: meeting.title, status: meeting.status, currentItemId: meeting.currentItemId,
        facilitatorId: meeting.facilitatorId, startedAt: meeting.startedAt, endedAt: meeting.endedAt, version: meeting.version,
      },
      settings,
      viewer: { id: viewer.id, isFacilitator: isFacilitator(viewer, meeting), role: attendeeRole(tx, meetingId, viewer.id) },
      agenda,
    };
  });
}
