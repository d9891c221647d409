import 'server-only';
import { and, eq } from 'drizzle-orm';
import { meetingAttendees, meetings, type Meeting } from '@/db/schema';
import { can } from '@/lib/auth/permissions';
import { ForbiddenError, NotFoundError } from '@/lib/errors';
import type { Executor } from '@/lib/events/log.server';
import type { ActingUser } from '@/lib/auth/acting-user';
import { first } from '@/db/rows';

/** Unchecked: the meeting by id (404 when unknown), for callers that authorize it themselves. */
export async function loadMeeting(tx: Executor, meetingId: number): Promise<Meeting> {
  const meeting = first(await tx.select().from(meetings).where(eq(meetings.id, meetingId)));
  if (!meeting) throw new NotFoundError('This meeting');
  return meeting;
}

export async function attendeeRole(
  tx: Executor,
  meetingId: number,
  userId: number,
): Promise<'voter' | 'observer' | null> {
  const row = first(
    await tx
      .select({ role: meetingAttendees.role })
      .from(meetingAttendees)
      .where(and(eq(meetingAttendees.meetingId, meetingId), eq(meetingAttendees.userId, userId))),
  );
  return row?.role ?? null;
}

/** Who may read a meeting's pre-read and its questions: its attendees, its facilitator, pm and admin. */
export async function canSeeMeeting(tx: Executor, actor: ActingUser, meeting: Meeting): Promise<boolean> {
  return (
    can(actor, 'meeting.manage') ||
    meeting.facilitatorId === actor.id ||
    (await attendeeRole(tx, meeting.id, actor.id)) !== null
  );
}

const SEE_REFUSAL = "Only the meeting's attendees can open its pre-read.";

export async function assertCanSeeMeeting(tx: Executor, actor: ActingUser, meeting: Meeting): Promise<void> {
  if (!(await canSeeMeeting(tx, actor, meeting))) throw new ForbiddenError(SEE_REFUSAL);
}

/**
 * The meeting, for someone who may see it (attendee, facilitator, pm/admin): 404 when unknown,
 * 403 with `refusal` otherwise. Every checked read of one meeting goes through here.
 */
export async function getVisibleMeeting(
  tx: Executor,
  actor: ActingUser,
  meetingId: number,
  refusal = SEE_REFUSAL,
): Promise<Meeting> {
  const meeting = await loadMeeting(tx, meetingId);
  if (!(await canSeeMeeting(tx, actor, meeting))) throw new ForbiddenError(refusal);
  return meeting;
}
