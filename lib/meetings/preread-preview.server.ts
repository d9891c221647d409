import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { transaction } from '@/db/client';
import { meetingAttendees, users } from '@/db/schema';
import { assertCan } from '@/lib/auth/permissions';
import { loadCycle } from '@/lib/backlog/list.server';
import { getSetting } from '@/lib/settings/settings.server';
import { parseOrThrow } from '@/lib/validation';
import type { ActingUser } from '@/lib/auth/acting-user';
import { first } from '@/db/rows';
import { loadMeeting } from './access.server';
import { prereadEmail } from './preread-mail.server';
import { DistributeSchema } from './schema';
import { buildMeetingSnapshot } from './snapshot.server';

const DAY = 86_400_000;

/**
 * The pre-read e-mail exactly as its first attendee (by name) would get it now, with this note:
 * built from the agenda as it would be frozen, by the function that sends it. Writes and sends
 * nothing. Null when the meeting has no attendees yet.
 */
export async function previewPrereadEmail(actor: ActingUser, meetingId: number, input: unknown, now = new Date()) {
  assertCan(actor, 'meeting.manage');
  const { note } = parseOrThrow(DistributeSchema, input);
  return transaction(async (tx) => {
    const meeting = await loadMeeting(tx, meetingId);
    const snapshot = await buildMeetingSnapshot(tx, meeting, await loadCycle(tx, meeting.cycleId));
    const sample = first(
      await tx
        .select({ id: users.id, name: users.name, email: users.email, timeZone: users.timeZone })
        .from(meetingAttendees)
        .innerJoin(users, eq(users.id, meetingAttendees.userId))
        .where(eq(meetingAttendees.meetingId, meetingId))
        .orderBy(asc(users.name), asc(users.id))
        .limit(1),
    );
    if (!sample) return { preview: null };
    const leadDays = await getSetting(tx, 'prereadLeadDays');
    const late = Date.parse(meeting.scheduledAt) - now.getTime() < leadDays * DAY;
    const mail = prereadEmail({ meeting, snapshot, late, sentAt: now.toISOString(), note, sender: actor.name }, sample);
    return { preview: { recipient: sample.name, subject: mail.subject, text: mail.text, html: mail.html } };
  });
}
