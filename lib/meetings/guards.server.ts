import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { users, type Meeting, type Role } from '@/db/schema';
import { ConflictError, ValidationError } from '@/lib/errors';
import { logEvent, type Executor } from '@/lib/events/log.server';
import { first } from '@/db/rows';

/** Roles that may facilitate and that the attendee picker offers. */
export const MEETING_PEOPLE_ROLES = ['admin', 'pm', 'leader'] as const;

/** Whether a role is among those who facilitate and attend meetings (the planning form offers no other). */
export const isMeetingPerson = (role: Role): boolean => (MEETING_PEOPLE_ROLES as readonly Role[]).includes(role);

/** A closed meeting is a record of what was decided: nothing about it changes afterwards. */
export function assertMeetingEditable(meeting: Meeting): void {
  if (meeting.status === 'closed') throw new ConflictError('This meeting is closed and can no longer be changed.');
}

export async function assertEligibleFacilitator(tx: Executor, userId: number): Promise<void> {
  const row = first(
    await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, userId), eq(users.active, true), inArray(users.role, [...MEETING_PEOPLE_ROLES]))),
  );
  if (!row) {
    throw new ValidationError({ facilitatorId: ['Choose an active pm, admin or leader as the facilitator.'] });
  }
}

/** Meeting events (scheduling, attendees, agenda, pre-read) are logged on the meeting itself. */
export async function logMeetingEvent(
  tx: Executor,
  actorId: number,
  meeting: Pick<Meeting, 'id' | 'cycleId'>,
  type: string,
  data: Record<string, unknown> = {},
): Promise<void> {
  await logEvent(tx, {
    actorId,
    type,
    subjectType: 'meeting',
    subjectId: meeting.id,
    data: { cycleId: meeting.cycleId, ...data },
  });
}
