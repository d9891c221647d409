import 'server-only';
import { and, asc, eq, gt, lte, max } from 'drizzle-orm';
import { db } from '@/db/client';
import { events, type EventRow } from '@/db/schema';
import { first } from '@/db/rows';

/**
 * Reading a meeting's events back for the live stream: the `events` table is the
 * replay log, so a reconnecting client (Last-Event-ID) and a live one read the same rows.
 */

/** What may leave the server for one event. Hidden votes lose their voter and choice. */
export type ProjectedEvent = Pick<EventRow, 'id' | 'type' | 'at' | 'data'> &
  Partial<Omit<EventRow, 'id' | 'type' | 'at' | 'data'>>;

export const VOTE_CAST = 'live.vote_cast';
export const VOTES_REVEALED = 'live.votes_revealed';

/** What a live stream follows: a meeting, a change request with its emergency session, or a cycle's story map. */
export type Subject = { type: 'meeting' | 'change_request' | 'cycle_map'; id: number };

/** The subject's events with id > lastEventId, oldest first, at most `limit`. */
export async function eventsSince(subject: Subject, lastEventId: number, limit = 500): Promise<EventRow[]> {
  return db
    .select()
    .from(events)
    .where(and(eq(events.subjectType, subject.type), eq(events.subjectId, subject.id), gt(events.id, lastEventId)))
    .orderBy(asc(events.id))
    .limit(limit);
}

export async function meetingEventsSince(meetingId: number, lastEventId: number, limit = 500): Promise<EventRow[]> {
  return eventsSince({ type: 'meeting', id: meetingId }, lastEventId, limit);
}

/** The id of the subject's latest event (0 when none). */
export async function lastEventIdOf(subject: Subject): Promise<number> {
  return (
    first(
      await db
        .select({ id: max(events.id) })
        .from(events)
        .where(and(eq(events.subjectType, subject.type), eq(events.subjectId, subject.id))),
    )?.id ?? 0
  );
}

/** Items whose hidden votes were revealed by a `live.votes_revealed` event with id ≤ eventId (meetings only). */
export async function revealedUpTo(subject: Subject, eventId: number): Promise<Set<number>> {
  return subject.type === 'meeting' ? revealedItemsUpTo(subject.id, eventId) : new Set();
}

/** Agenda items whose hidden votes were revealed by a `live.votes_revealed` event with id ≤ eventId. */
export async function revealedItemsUpTo(meetingId: number, eventId: number): Promise<Set<number>> {
  const rows = await db
    .select({ data: events.data })
    .from(events)
    .where(
      and(
        eq(events.subjectType, 'meeting'),
        eq(events.subjectId, meetingId),
        eq(events.type, VOTES_REVEALED),
        lte(events.id, eventId),
      ),
    );
  const out = new Set<number>();
  for (const { data } of rows) {
    const itemId = Number(data?.itemId);
    if (Number.isInteger(itemId)) out.add(itemId);
  }
  return out;
}

/**
 * The viewer-safe form of an event. A hidden `live.vote_cast` on an item not yet revealed keeps
 * only its item, who voted (userId: the facilitator sees who is still to vote) and how many have
 * voted on it — no choice, no comment, and none of the row's other fields. Everything else is unchanged.
 */
export function projectForViewer(event: EventRow | ProjectedEvent, revealedItemIds: Set<number>): ProjectedEvent {
  if (event.type !== VOTE_CAST) return event;
  const data = (event.data ?? {}) as Record<string, unknown>;
  // Anything but an explicit `hidden: false`/absent counts as hidden: fail closed on odd values.
  if (data.hidden === undefined || data.hidden === false) return event;
  const itemId = Number(data.itemId);
  if (Number.isInteger(itemId) && revealedItemIds.has(itemId)) return event;
  const voted = Number.isInteger(data.voted) ? { voted: data.voted } : {};
  const voter = Number.isInteger(data.userId) ? { userId: data.userId } : {};
  return {
    id: event.id,
    type: event.type,
    at: event.at,
    data: { itemId: data.itemId, hidden: true, ...voter, ...voted },
  };
}
