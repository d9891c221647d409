import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, asc, eq, gte, lt } from 'drizzle-orm';
import { db } from '@/db/client';
import { departments, meetingPresence, users } from '@/db/schema';
import { env } from '@/lib/env.server';
import type { Executor } from '@/lib/events/log.server';
import { publisher as defaultPublisher, type Publisher } from './publisher.server';
import { PRESENCE_NOTICE, type PresenceNotice, type PresentPerson } from './presence';

/**
 * Who is in the meeting room right now: one `meeting_presence` row per open live stream, written
 * by the stream itself (inserted when it opens, `last_seen_at` refreshed at each heartbeat, deleted
 * when it closes). A table rather than each process's memory, so that every server process sees the
 * same room; the heartbeat, so that a stream whose process died without closing it (no delete ran)
 * stops counting after two missed beats. Presence is not a decision: it never goes to the event log.
 * A change is announced on the meeting's presence channel, and each process's hub sends the room to
 * its open streams as an id-less message (lib/realtime/hub.server.ts).
 */

/** Missed heartbeats after which a connection counts as gone. */
export const STALE_AFTER_BEATS = 2;
/** Rows this long unseen are deleted when someone joins: they belong to streams that died. */
const FORGET_AFTER_BEATS = 20;

export const presenceChannel = (meetingId: number) => `presence:meeting:${meetingId}`;

export const heartbeatMs = () => env().LIVE_HEARTBEAT_SECONDS * 1000;

/** Everyone with a live stream on the meeting seen within two heartbeats of `now`, by department then name. */
export async function presentIn(
  tx: Executor,
  meetingId: number,
  now = new Date(),
  beatMs = heartbeatMs(),
): Promise<PresentPerson[]> {
  const since = new Date(now.getTime() - STALE_AFTER_BEATS * beatMs).toISOString();
  const rows = await tx
    .select({ userId: users.id, name: users.name, departmentName: departments.name })
    .from(meetingPresence)
    .innerJoin(users, eq(users.id, meetingPresence.userId))
    .innerJoin(departments, eq(departments.id, users.departmentId))
    .where(and(eq(meetingPresence.meetingId, meetingId), gte(meetingPresence.lastSeenAt, since)))
    .orderBy(asc(departments.name), asc(users.name), asc(users.id));
  // Someone with two tabs open is one person in the room.
  const seen = new Set<number>();
  return rows.filter((r) => !seen.has(r.userId) && seen.add(r.userId));
}

/** A stream's presence: join when it opens, beat with its heartbeat, leave when it closes. */
export type PresenceTracker = {
  join: () => Promise<void>;
  beat: () => Promise<void>;
  leave: () => Promise<void>;
};

/**
 * The presence of one stream of `userId` on the meeting. The caller has already checked that the
 * user may follow the meeting (the stream route does). Each step announces the change; failures
 * are the caller's to swallow, since a stream must not close because presence could not be saved.
 */
export function presenceTracker(
  meetingId: number,
  userId: number,
  opts: { publisher?: Publisher; beatMs?: number; now?: () => Date } = {},
): PresenceTracker {
  const connectionId = randomUUID();
  const publisher = opts.publisher ?? defaultPublisher;
  const now = opts.now ?? (() => new Date());
  const beatMs = opts.beatMs ?? heartbeatMs();
  const announce = () => publisher.publish(presenceChannel(meetingId), 0);
  let joined: Promise<void> | null = null;
  const join = async () => {
    const at = now();
    const forgotten = new Date(at.getTime() - FORGET_AFTER_BEATS * beatMs).toISOString();
    await db
      .delete(meetingPresence)
      .where(and(eq(meetingPresence.meetingId, meetingId), lt(meetingPresence.lastSeenAt, forgotten)));
    const iso = at.toISOString();
    await db.insert(meetingPresence).values({ connectionId, meetingId, userId, connectedAt: iso, lastSeenAt: iso });
    announce();
  };
  return {
    join: () => (joined ??= join()),
    async beat() {
      await db
        .update(meetingPresence)
        .set({ lastSeenAt: now().toISOString() })
        .where(eq(meetingPresence.connectionId, connectionId));
    },
    async leave() {
      // A stream that closes at once must not leave its row behind: delete after the insert.
      await joined?.catch(() => {});
      await db.delete(meetingPresence).where(eq(meetingPresence.connectionId, connectionId));
      announce();
    },
  };
}

/** What a presence change sends down every stream of the meeting. */
export async function presenceNotice(meetingId: number): Promise<PresenceNotice> {
  return { type: PRESENCE_NOTICE, present: await presentIn(db, meetingId) };
}
