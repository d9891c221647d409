import 'server-only';
import { db } from '@/db/client';
import { assertCan } from '@/lib/auth/permissions';
import { getSetting } from '@/lib/settings/settings.server';
import { getAgendaEditor } from './agenda.server';
import { getAttendeePlan } from './attendees.server';
import { lateDistributionMessage } from './format';
import { facilitatorOptions } from './meetings.server';
import { readStatus } from './reminders.server';
import { loadMeeting } from './access.server';
import type { ActingUser } from '@/lib/auth/acting-user';

/**
 * Everything the planning sections of a meeting page need (attendees, agenda, pre-read, read
 * receipts), for pm/admin. One call, so the page stays thin and the sections can move to their
 * own route when the meeting page becomes the live meeting.
 */
export async function getMeetingPlan(actor: ActingUser, meetingId: number, now = new Date()) {
  assertCan(actor, 'meeting.manage');
  const meeting = await loadMeeting(db, meetingId);
  const leadDays = await getSetting(db, 'prereadLeadDays');
  const ahead = Date.parse(meeting.scheduledAt) - now.getTime();
  return {
    attendees: await getAttendeePlan(actor, meetingId),
    agenda: await getAgendaEditor(actor, meetingId),
    reads: await readStatus(actor, meetingId),
    facilitators: await facilitatorOptions(actor),
    leadDays,
    /** Set when distributing now would be late (and the meeting has not started). */
    lateMessage: ahead > 0 && ahead < leadDays * 86_400_000 ? lateDistributionMessage(ahead, leadDays) : null,
    started: ahead <= 0,
  };
}
export type MeetingPlan = Awaited<ReturnType<typeof getMeetingPlan>>;
