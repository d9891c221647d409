import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { departments, meetingAttendees, prereadReads, prereads, users, type AttendeeRole } from '@/db/schema';

import { ForbiddenError } from '@/lib/errors';
import { loadMeeting } from '@/lib/meetings/access.server';
import { canResolveQuestion } from '@/lib/questions/roles.server';
import type { ActingUser } from '@/lib/auth/acting-user';
import { first } from '@/db/rows';

export type ReadReceipt = {
  userId: number;
  name: string;
  email: string;
  department: string;
  role: AttendeeRole;
  active: boolean;
  readAt: string | null;
};

/**
 * Who of the meeting's attendees has opened its pre-read, and when (null: not yet, or not
 * distributed yet). For the facilitator and pm/admin only: reading habits are not everyone's
 * business. Attendees by department, then name.
 */
export async function readReceipts(
  actor: ActingUser,
  meetingId: number,
): Promise<{ distributed: boolean; receipts: ReadReceipt[] }> {
  const meeting = await loadMeeting(db, meetingId);
  if (!canResolveQuestion(actor, meeting))
    throw new ForbiddenError('Only the facilitator and the pm can see who has read the pre-read.');
  const preread = first(await db.select({ id: prereads.id }).from(prereads).where(eq(prereads.meetingId, meetingId)));
  const receipts = await db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      department: departments.name,
      role: meetingAttendees.role,
      active: users.active,
      readAt: prereadReads.readAt,
    })
    .from(meetingAttendees)
    .innerJoin(users, eq(users.id, meetingAttendees.userId))
    .innerJoin(departments, eq(departments.id, users.departmentId))
    // With no pre-read the join matches nothing (id -1), so every attendee shows as not read.
    .leftJoin(
      prereadReads,
      and(eq(prereadReads.userId, meetingAttendees.userId), eq(prereadReads.prereadId, preread?.id ?? -1)),
    )
    .where(eq(meetingAttendees.meetingId, meetingId))
    .orderBy(asc(departments.name), asc(users.name));
  return { distributed: preread !== undefined, receipts };
}
