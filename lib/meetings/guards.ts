import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { users, type Meeting } from '@/db/schema';
import { ConflictError, ValidationError } from '@/lib/errors';
import { logEvent, type Executor } from '@/lib/events/log';

/** Roles that may facilitate and that the attendee picker offers. */
export const MEETING_PEOPLE_ROLES = ['admin', 'pm', 'leader'] as const;
const FACILITATOR_ROLES = new Set<string>(MEETING_PEOPLE_ROLES);

/** A closed meeting is a record of what was decided: nothing about it changes afterwards. */
export function assertNotClosed(meeting: Meeting): void {
  if (meeting.status === 'closed') throw new ConflictError('This meeting is closed and can no longer be changed.');
}

export function assertFacilitator(tx: Executor, userId: number): void {
  const row = tx.select({ role: users.role }).from(users)
    .where(and(eq(users.id, userId), eq(users.active, true), inArray(users.role, [...MEETING_PEOPLE_ROLES]))).get();
  if (!row || !FACILITATOR_ROLES.has(row.role)) {
    throw new ValidationError({ facilitatorId: ['Choose an active pm, admin or leader as the facilitator.'] });
  }
}

/**
 * Meeting events are logged on the meeting's cycle (with meetingId in the data): the event log's
 * subject types do not include meetings yet, and the cycle's history is where a pm looks for
 * "when was the pre-read sent". One place to change when a `meeting` subject type is added.
 */
export function logMeetingEvent(tx: Executor, actorId: number, meeting: Pick<Meeting, 'id' | 'cycleId'>, type: string, data: Record<string, unknown> = {}): void {
  logEvent(tx, { actorId, type, subjectType: 'cycle', subjectId: meeting.cycleId, data: { meetingId: meeting.id, ...data } });
}
