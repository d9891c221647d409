import 'server-only';
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { db, transaction } from '@/db/client';
import {
  agendaItems,
  departments,
  meetingAttendees,
  meetingItemState,
  meetings,
  meetingSettings,
  prereads,
  users,
  votes,
  type Meeting,
  type MeetingSettings,
} from '@/db/schema';

import { ConflictError, ForbiddenError, ValidationError } from '@/lib/errors';
import { logEvent, type Executor } from '@/lib/events/log.server';
import { getVisibleMeeting } from '@/lib/meetings/access.server';
import { meetingChannel, publisher } from '@/lib/realtime/publisher.server';
import { suggestedDecision, tally, type Decision, type Tally, type Vote, type Voter } from './tally';
import type { ActingUser } from '@/lib/auth/acting-user';

/**
 * The live prioritisation meeting: helpers shared by the session changes (session.ts),
 * votes, decisions, ranking and the state a page shows (state.ts).
 *
 * Every change is one transaction that writes exactly one `live.*` event on the meeting (subject
 * 'meeting') — plus, for decisions, the item's own `item.status_changed` — and the last event id
 * is published on the meeting's channel only after the transaction has committed.
 *
 * Versions: session changes bump `meetings.version`, so a facilitator acting on a stale view
 * (e.g. after a hand-over race) is refused with a ConflictError. Votes, per-item state and ranking
 * do NOT bump the meeting's version: otherwise every vote would invalidate the facilitator's next
 * "go to item". Ranking is guarded by each item's own version instead.
 */

type Tx = Parameters<Parameters<typeof db.transaction>[0]>[0];

export const MEETING_CHANGED =
  'The meeting changed meanwhile (another facilitator may have acted); here is its current state.';
export const ALREADY_ENDED = 'The meeting has already ended.';

/** Has the meeting's pre-read been distributed? (One indexed lookup; the snapshot is not read.) */
export function prereadSent(tx: Executor, meetingId: number): boolean {
  return tx.select({ id: prereads.id }).from(prereads).where(eq(prereads.meetingId, meetingId)).get() !== undefined;
}

/** Runs `fn` in a transaction, then publishes the last event it wrote (if any) on the meeting's channel. */
export function liveTransaction<T>(meetingId: number, fn: (tx: Tx) => { value: T; eventId: number | null }): T {
  const { value, eventId } = transaction(fn);
  if (eventId !== null) publisher.publish(meetingChannel(meetingId), eventId);
  return value;
}

export function liveEvent(
  tx: Executor,
  actor: ActingUser,
  meetingId: number,
  type: `live.${string}`,
  data: Record<string, unknown>,
): number {
  return logEvent(tx, { actorId: actor.id, type, subjectType: 'meeting', subjectId: meetingId, data });
}

export function isFacilitator(actor: ActingUser, meeting: Meeting): boolean {
  return meeting.facilitatorId === actor.id;
}

/** The meeting for someone taking part in it: 404 when unknown, 403 for anyone who may not see it. */
export function getLiveMeeting(tx: Executor, actor: ActingUser, meetingId: number): Meeting {
  return getVisibleMeeting(tx, actor, meetingId, "Only the meeting's attendees can take part in it.");
}

export function assertIsFacilitator(actor: ActingUser, meeting: Meeting): void {
  if (!isFacilitator(actor, meeting)) throw new ForbiddenError('Only the facilitator can do this.');
}

export function assertLive(meeting: Meeting): void {
  if (meeting.status === 'live') return;
  if (meeting.status === 'closed') throw new ConflictError(ALREADY_ENDED);
  const message = meeting.status === 'paused' ? 'The meeting is paused.' : 'The meeting has not started yet.';
  throw new ValidationError({ meeting: [message] }, message);
}

export function assertNotEnded(meeting: Meeting): void {
  if (meeting.status === 'closed') throw new ConflictError(ALREADY_ENDED);
}

export function checkVersion(meeting: Meeting, expectedVersion: number | undefined): void {
  if (expectedVersion !== undefined && meeting.version !== expectedVersion)
    throw new ConflictError(MEETING_CHANGED, 'version');
}

/** Writes a meeting change only if nobody changed the meeting since it was read (version + 1). */
export function updateMeetingIfUnchanged(tx: Executor, meeting: Meeting, patch: Partial<Meeting>): Meeting {
  const after = tx
    .update(meetings)
    .set({ ...patch, version: sql`${meetings.version} + 1` })
    .where(and(eq(meetings.id, meeting.id), eq(meetings.version, meeting.version)))
    .returning()
    .get();
  if (!after) throw new ConflictError(MEETING_CHANGED, 'version');
  return after;
}

/** The agenda in order: item ids by position. */
export function agendaIds(tx: Executor, meetingId: number): number[] {
  return tx
    .select({ itemId: agendaItems.itemId })
    .from(agendaItems)
    .where(eq(agendaItems.meetingId, meetingId))
    .orderBy(asc(agendaItems.position), asc(agendaItems.itemId))
    .all()
    .map((r) => r.itemId);
}

export function assertOnAgenda(tx: Executor, meetingId: number, itemId: number): void {
  if (!agendaIds(tx, meetingId).includes(itemId)) {
    throw new ValidationError(
      { itemId: ["This item is not on the meeting's agenda."] },
      "This item is not on the meeting's agenda.",
    );
  }
}

const DEFAULT_SETTINGS = { votesVisibility: 'live', weighted: false } as const;

export function settingsOf(tx: Executor, meetingId: number): Omit<MeetingSettings, 'meetingId'> {
  const row = tx.select().from(meetingSettings).where(eq(meetingSettings.meetingId, meetingId)).get();
  return row ? { votesVisibility: row.votesVisibility, weighted: row.weighted } : { ...DEFAULT_SETTINGS };
}

export function itemStateOf(tx: Executor, meetingId: number, itemId: number) {
  return (
    tx
      .select()
      .from(meetingItemState)
      .where(and(eq(meetingItemState.meetingId, meetingId), eq(meetingItemState.itemId, itemId)))
      .get() ?? { meetingId, itemId, votingClosed: false, revealed: false, notes: '' }
  );
}

/** Upserts one item's live state. */
export function setItemState(
  tx: Executor,
  meetingId: number,
  itemId: number,
  patch: Partial<{ votingClosed: boolean; revealed: boolean; notes: string }>,
): void {
  const current = itemStateOf(tx, meetingId, itemId);
  const next = { ...current, ...patch, meetingId, itemId };
  tx.insert(meetingItemState)
    .values(next)
    .onConflictDoUpdate({
      target: [meetingItemState.meetingId, meetingItemState.itemId],
      set: { votingClosed: next.votingClosed, revealed: next.revealed, notes: next.notes },
    })
    .run();
}

export type ItemVote = Vote & { name: string; comment: string };

function selectVotes(tx: Executor, where: SQL | undefined) {
  return tx
    .select({
      itemId: votes.itemId,
      userId: votes.userId,
      name: users.name,
      departmentId: users.departmentId,
      departmentName: departments.name,
      choice: votes.choice,
      comment: votes.comment,
    })
    .from(votes)
    .innerJoin(users, eq(users.id, votes.userId))
    .innerJoin(departments, eq(departments.id, users.departmentId))
    .where(where)
    .orderBy(asc(votes.at), asc(votes.userId))
    .all();
}

/** The votes on one item with each voter's department, for the tally. */
export function votesOn(tx: Executor, meetingId: number, itemId: number): ItemVote[] {
  return selectVotes(tx, and(eq(votes.meetingId, meetingId), eq(votes.itemId, itemId)));
}

/** Every vote of the meeting, by item: one query for the whole agenda. */
export function votesByItem(tx: Executor, meetingId: number): Map<number, ItemVote[]> {
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
  return tx
    .select({ userId: meetingAttendees.userId, departmentId: users.departmentId, departmentName: departments.name })
    .from(meetingAttendees)
    .innerJoin(users, eq(users.id, meetingAttendees.userId))
    .innerJoin(departments, eq(departments.id, users.departmentId))
    .where(and(eq(meetingAttendees.meetingId, meetingId), eq(meetingAttendees.role, 'voter')))
    .all();
}

export function tallyOf(tx: Executor, meetingId: number, itemId: number): Tally {
  return tally(votesOn(tx, meetingId, itemId), { voters: votersOf(tx, meetingId) });
}

/** The decision the tally suggests under the meeting's weighting. */
export function suggestionOf(tx: Executor, meetingId: number, itemId: number): Decision | null {
  return suggestedDecision(tallyOf(tx, meetingId, itemId), settingsOf(tx, meetingId).weighted ? 'weighted' : 'plain');
}
