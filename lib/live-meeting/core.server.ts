import 'server-only';
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { transaction, type Db } from '@/db/client';
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
import { first } from '@/db/rows';

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

type Tx = Db;

export const MEETING_CHANGED =
  'The meeting changed meanwhile (another facilitator may have acted); here is its current state.';
export const ALREADY_ENDED = 'The meeting has already ended.';

/** Has the meeting's pre-read been distributed? (One indexed lookup; the snapshot is not read.) */
export async function prereadSent(tx: Executor, meetingId: number): Promise<boolean> {
  return (
    first(await tx.select({ id: prereads.id }).from(prereads).where(eq(prereads.meetingId, meetingId))) !== undefined
  );
}

/** Runs `fn` in a transaction, then publishes the last event it wrote (if any) on the meeting's channel. */
export async function liveTransaction<T>(
  meetingId: number,
  fn: (tx: Tx) => Promise<{ value: T; eventId: number | null }>,
): Promise<T> {
  const { value, eventId } = await transaction(fn);
  if (eventId !== null) publisher.publish(meetingChannel(meetingId), eventId);
  return value;
}

export async function liveEvent(
  tx: Executor,
  actor: ActingUser,
  meetingId: number,
  type: `live.${string}`,
  data: Record<string, unknown>,
): Promise<number> {
  return logEvent(tx, { actorId: actor.id, type, subjectType: 'meeting', subjectId: meetingId, data });
}

export function isFacilitator(actor: ActingUser, meeting: Meeting): boolean {
  return meeting.facilitatorId === actor.id;
}

/** The meeting for someone taking part in it: 404 when unknown, 403 for anyone who may not see it. */
export async function getLiveMeeting(tx: Executor, actor: ActingUser, meetingId: number): Promise<Meeting> {
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
export async function updateMeetingIfUnchanged(
  tx: Executor,
  meeting: Meeting,
  patch: Partial<Meeting>,
): Promise<Meeting> {
  const after = (
    await tx
      .update(meetings)
      .set({ ...patch, version: sql`${meetings.version} + 1` })
      .where(and(eq(meetings.id, meeting.id), eq(meetings.version, meeting.version)))
      .returning()
  )[0];
  if (!after) throw new ConflictError(MEETING_CHANGED, 'version');
  return after;
}

/** The agenda in order: item ids by position. */
export async function agendaIds(tx: Executor, meetingId: number): Promise<number[]> {
  return (
    await tx
      .select({ itemId: agendaItems.itemId })
      .from(agendaItems)
      .where(eq(agendaItems.meetingId, meetingId))
      .orderBy(asc(agendaItems.position), asc(agendaItems.itemId))
  ).map((r) => r.itemId);
}

export async function assertOnAgenda(tx: Executor, meetingId: number, itemId: number): Promise<void> {
  if (!(await agendaIds(tx, meetingId)).includes(itemId)) {
    throw new ValidationError(
      { itemId: ["This item is not on the meeting's agenda."] },
      "This item is not on the meeting's agenda.",
    );
  }
}

const DEFAULT_SETTINGS = { votesVisibility: 'live', weighted: false } as const;

export async function settingsOf(tx: Executor, meetingId: number): Promise<Omit<MeetingSettings, 'meetingId'>> {
  const row = first(await tx.select().from(meetingSettings).where(eq(meetingSettings.meetingId, meetingId)));
  return row ? { votesVisibility: row.votesVisibility, weighted: row.weighted } : { ...DEFAULT_SETTINGS };
}

export async function itemStateOf(tx: Executor, meetingId: number, itemId: number) {
  return (
    first(
      await tx
        .select()
        .from(meetingItemState)
        .where(and(eq(meetingItemState.meetingId, meetingId), eq(meetingItemState.itemId, itemId))),
    ) ?? { meetingId, itemId, votingClosed: false, revealed: false, notes: '' }
  );
}

/** Upserts one item's live state. */
export async function setItemState(
  tx: Executor,
  meetingId: number,
  itemId: number,
  patch: Partial<{ votingClosed: boolean; revealed: boolean; notes: string }>,
): Promise<void> {
  const current = await itemStateOf(tx, meetingId, itemId);
  const next = { ...current, ...patch, meetingId, itemId };
  await tx
    .insert(meetingItemState)
    .values(next)
    .onConflictDoUpdate({
      target: [meetingItemState.meetingId, meetingItemState.itemId],
      set: { votingClosed: next.votingClosed, revealed: next.revealed, notes: next.notes },
    });
}

export type ItemVote = Vote & { name: string; comment: string };

async function selectVotes(tx: Executor, where: SQL | undefined) {
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
    .orderBy(asc(votes.at), asc(votes.userId));
}

/** The votes on one item with each voter's department, for the tally. */
export async function votesOn(tx: Executor, meetingId: number, itemId: number): Promise<ItemVote[]> {
  return selectVotes(tx, and(eq(votes.meetingId, meetingId), eq(votes.itemId, itemId)));
}

/** Every vote of the meeting, by item: one query for the whole agenda. */
export async function votesByItem(tx: Executor, meetingId: number): Promise<Map<number, ItemVote[]>> {
  const byItem = new Map<number, ItemVote[]>();
  for (const { itemId, ...vote } of await selectVotes(tx, eq(votes.meetingId, meetingId))) {
    const list = byItem.get(itemId) ?? [];
    list.push(vote);
    byItem.set(itemId, list);
  }
  return byItem;
}

/** The attendees who may vote. */
export async function votersOf(tx: Executor, meetingId: number): Promise<Voter[]> {
  return tx
    .select({ userId: meetingAttendees.userId, departmentId: users.departmentId, departmentName: departments.name })
    .from(meetingAttendees)
    .innerJoin(users, eq(users.id, meetingAttendees.userId))
    .innerJoin(departments, eq(departments.id, users.departmentId))
    .where(and(eq(meetingAttendees.meetingId, meetingId), eq(meetingAttendees.role, 'voter')));
}

export async function tallyOf(tx: Executor, meetingId: number, itemId: number): Promise<Tally> {
  return tally(await votesOn(tx, meetingId, itemId), { voters: await votersOf(tx, meetingId) });
}

/** The decision the tally suggests under the meeting's weighting. */
export async function suggestionOf(tx: Executor, meetingId: number, itemId: number): Promise<Decision | null> {
  return suggestedDecision(
    await tallyOf(tx, meetingId, itemId),
    (await settingsOf(tx, meetingId)).weighted ? 'weighted' : 'plain',
  );
}
