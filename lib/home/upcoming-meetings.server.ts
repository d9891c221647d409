import 'server-only';
import { and, asc, eq, gte, inArray, or } from 'drizzle-orm';
import { db } from '@/db/client';
import { cycles, meetings } from '@/db/schema';
import { can } from '@/lib/auth/permissions';
import { canSeeMeeting } from '@/lib/meetings/access.server';
import type { ActingUser } from '@/lib/auth/acting-user';

export type UpcomingMeeting = {
  id: number;
  title: string;
  cycleName: string;
  status: 'scheduled' | 'live' | 'paused';
  scheduledAt: string;
  durationMinutes: number;
};

/** A scheduled meeting stays "next" for this long after its start: it may start late. */
const GRACE_MS = 12 * 3_600_000;
/** Enough candidates that the ones the actor cannot see rarely leave the list short. */
const CANDIDATES = 30;

/**
 * The meetings the actor can open that are running or still to come, soonest first: live and paused
 * ones whenever they were planned, scheduled ones from a little before now. Empty for people without
 * the backlog (requestors), who see no meetings at all.
 */
export async function listUpcomingMeetings(actor: ActingUser, now = new Date(), limit = 3): Promise<UpcomingMeeting[]> {
  if (!can(actor, 'backlog.view')) return [];
  const since = new Date(now.getTime() - GRACE_MS).toISOString();
  const rows = await db
    .select({ meeting: meetings, cycleName: cycles.name })
    .from(meetings)
    .innerJoin(cycles, eq(cycles.id, meetings.cycleId))
    .where(
      or(
        inArray(meetings.status, ['live', 'paused']),
        and(eq(meetings.status, 'scheduled'), gte(meetings.scheduledAt, since)),
      ),
    )
    .orderBy(asc(meetings.scheduledAt), asc(meetings.id))
    .limit(CANDIDATES);
  const visible = await Promise.all(rows.map((r) => canSeeMeeting(db, actor, r.meeting)));
  return rows
    .filter((_, i) => visible[i])
    .slice(0, limit)
    .map(({ meeting: m, cycleName }) => ({
      id: m.id,
      title: m.title,
      cycleName,
      status: m.status as UpcomingMeeting['status'],
      scheduledAt: m.scheduledAt,
      durationMinutes: m.durationMinutes,
    }));
}
