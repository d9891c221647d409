import 'server-only';
import { and, eq } from 'drizzle-orm';
import { meetingAttendees, meetings, type Meeting } from '@/db/schema';
import { can } from '@/lib/auth/permissions';
import { ForbiddenError, NotFoundError } from '@/lib/errors';
import type { Executor } from '@/lib/events/log.server';
import type { ActingUser } from '@/lib/auth/acting-user';

/** Unchecked: the meeting by id (404 when unknown), for callers that authorize it themselves. */
export function loadMeeting(tx: Executor, meetingId: number): Meeting {
  const meeting = tx.select().from(meetings).where(eq(meetings.id, meetingId)).get();
  if (!meeting) throw new NotFoundError('This meeting');
  return meeting;
}

export function attendeeRole(tx: Executor, meetingId: number, userId: number): 'voter' | 'observer' | null {
  const row = tx
    .select({ role: meetingAttendees.role })
    .from(meetingAttendees)
    .where(and(eq(meetingAttendees.meetingId, meetingId), eq(meetingAttendees.userId, userId)))
    .get();
  return row?.role ?? null;
}

/** Who may read a meeting's pre-read and its questions: its attendees, its facilitator, pm and admin. */
export function canSeeMeeting(tx: Executor, actor: ActingUser, meeting: Meeting): boolean {
  return (
    can(actor, 'meeting.manage') ||
    meeting.facilitatorId === actor.id ||
    attendeeRole(tx, meeting.id, actor.id) !== null
  );
}

const SEE_REFUSAL = "Only the meeting's attendees can open its pre-read.";

export function assertCanSeeMeeting(tx: Executor, actor: ActingUser, meeting: Meeting): void {
  if (!canSeeMeeting(tx, actor, meeting)) throw new ForbiddenError(SEE_REFUSAL);
}

/**
 * The meeting, for someone who may see it (attendee, facilitator, pm/admin): 404 when unknown,
 * 403 with `refusal` otherwise. Every checked read of one meeting goes through here.
 */
export function getVisibleMeeting(tx: Executor, actor: ActingUser, meetingId: number, refusal = SEE_REFUSAL): Meeting {
  const meeting = loadMeeting(tx, meetingId);
  if (!canSeeMeeting(tx, actor, meeting)) throw new ForbiddenError(refusal);
  return meeting;
}
