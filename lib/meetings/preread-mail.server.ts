import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { meetingAttendees, users, type Meeting, type PrereadSnapshot } from '@/db/schema';
import type { Executor } from '@/lib/events/log.server';
import { composeEmail } from '@/lib/notifications/email.server';
import { appUrl } from '@/lib/notifications/links.server';
import { notify, type Recipient } from '@/lib/notifications/notify.server';
import { tasks } from '@/lib/notifications/tasks.server';
import { summariseAgenda } from './agenda-order';
import { formatDuration, formatMeetingTime, formatWeeks, personWeeks, timeUntilText } from './format';
import { plural } from '@/lib/plural';
import { buildMeetingIcs, meetingUid } from './ics';
import { first } from '@/db/rows';
import { itemsByThemeLines } from './preread-themes';

/**
 * The messages a pre-read sends: first distribution (also to attendees added later), updates and
 * reminders. Each states times in its recipient's chosen zone, or in UTC when they chose none (the
 * server cannot know their browser's), always with the zone named; the attached invitation stays in
 * UTC, as calendars expect, and puts the meeting in their calendar in their own time.
 */

/** A meeting time for one recipient. */
const timeFor = (iso: string, r: Recipient) => formatMeetingTime(iso, r.timeZone ?? 'UTC');

export const prereadPath = (meetingId: number) => `/meetings/${meetingId}/preread`;

/** The invitation for the meeting as it is now, addressed to all its attendees. */
export async function meetingInvitation(tx: Executor, meeting: Meeting, now: Date): Promise<string> {
  const organizer = first(
    await tx.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, meeting.facilitatorId)),
  );
  const attendees = await tx
    .select({ name: users.name, email: users.email, role: meetingAttendees.role })
    .from(meetingAttendees)
    .innerJoin(users, eq(users.id, meetingAttendees.userId))
    .where(eq(meetingAttendees.meetingId, meeting.id))
    .orderBy(asc(users.name));
  return buildMeetingIcs({
    uid: meetingUid(meeting.id),
    title: meeting.title,
    description: `Prioritisation meeting. Read the pre-read before it: ${appUrl(prereadPath(meeting.id))}`,
    location: meeting.location,
    start: new Date(meeting.scheduledAt),
    durationMinutes: meeting.durationMinutes,
    organizer: organizer ?? { name: 'Quorum', email: 'quorum@localhost' },
    attendees,
    url: appUrl(`/meetings/${meeting.id}`),
    // The meeting's version rises with every edit, so a calendar replaces an older copy.
    sequence: meeting.version - 1,
    dtstamp: now,
  });
}

function agendaLine(snapshot: PrereadSnapshot): string {
  const s = summariseAgenda(
    snapshot.items,
    snapshot.themes.map((t, position) => ({ ...t, position })),
    snapshot.cycle.capacityWeeks,
  );
  const items = plural(s.itemCount, 'item');
  const unestimated = s.unestimated ? `, ${s.unestimated} not estimated` : '';
  return `Agenda: ${items}, ${formatWeeks(s.totalWeeks)} of ${personWeeks(s.capacityWeeks)} of capacity${unestimated}.`;
}

function whenLines(meeting: Meeting, facilitator: string, r: Recipient): string[] {
  return [
    `When: ${timeFor(meeting.scheduledAt, r)} (${formatDuration(meeting.durationMinutes)})`,
    ...(meeting.location ? [`Where: ${meeting.location}`] : []),
    `Facilitator: ${facilitator}`,
  ];
}

export type PrereadMailInput = {
  meeting: Meeting;
  snapshot: PrereadSnapshot;
  late: boolean;
  sentAt: string;
  /** The pm's personal note, shown first; '' for none. */
  note: string;
  /** Who sends it: the note is signed with their name. */
  sender: string;
};

/** The pre-read e-mail one attendee gets: the pm's note first, then when, then the agenda by theme. */
export function prereadEmail(input: PrereadMailInput, r: Recipient, ics?: string) {
  const { meeting, snapshot } = input;
  const lateText = input.late ? ` (sent late)` : '';
  const note = input.note.trim();
  return composeEmail({
    cycleName: snapshot.cycle.name,
    heading: `Pre-read: ${meeting.title}`,
    lines: [
      ...(note ? [`A note from ${input.sender}:`, note] : []),
      `The pre-read for ${meeting.title} is ready: read it before the meeting and ask your questions there.`,
      ...whenLines(meeting, snapshot.meeting.facilitator, r),
      agendaLine(snapshot),
      ...itemsByThemeLines(snapshot),
      ...(input.late
        ? [
            `The pre-read went out ${timeUntilText(Date.parse(meeting.scheduledAt) - Date.parse(input.sentAt))} before the meeting${lateText}.`,
          ]
        : []),
      `Questions close: ${timeFor(meeting.questionsCloseAt, r)}`,
    ],
    action: { label: 'Open the pre-read', path: prereadPath(meeting.id) },
    ics,
  });
}

/** Sends the pre-read (in-app, e-mail and invitation) to `userIds`. Call inside the distributing transaction. */
export async function notifyPreread(
  tx: Executor,
  input: PrereadMailInput & { userIds: number[]; now: Date },
): Promise<void> {
  const { meeting, snapshot } = input;
  const ics = await meetingInvitation(tx, meeting, input.now);
  const lateText = input.late ? ` (sent late)` : '';
  await notify(tx, {
    userIds: input.userIds,
    kind: 'preread.distributed',
    title: `Pre-read: ${meeting.title}${lateText}`,
    body: (r) =>
      `${timeFor(meeting.scheduledAt, r)} · ${snapshot.items.length} item${snapshot.items.length === 1 ? '' : 's'}${lateText}`,
    link: prereadPath(meeting.id),
    task: tasks.readPreread(meeting.id),
    email: (r) => prereadEmail(input, r, ics),
  });
}

/** Tells the attendees what changed since the pre-read; the invitation goes along when the meeting itself moved. */
export async function notifyPrereadUpdate(
  tx: Executor,
  input: {
    meeting: Meeting;
    snapshot: PrereadSnapshot;
    summary: string[];
    meetingMoved: boolean;
    userIds: number[];
    now: Date;
  },
): Promise<void> {
  const { meeting, snapshot } = input;
  const heading = `Pre-read updated: ${meeting.title}`;
  const ics = input.meetingMoved ? await meetingInvitation(tx, meeting, input.now) : undefined;
  await notify(tx, {
    userIds: input.userIds,
    kind: 'preread.updated',
    title: heading,
    body:
      input.summary.slice(0, 5).join('; ') + (input.summary.length > 5 ? `; and ${input.summary.length - 5} more` : ''),
    link: prereadPath(meeting.id),
    task: tasks.readPreread(meeting.id),
    email: (r) =>
      composeEmail({
        cycleName: snapshot.cycle.name,
        heading,
        lines: [
          'What changed since the pre-read:',
          ...input.summary.map((l) => `• ${l}`),
          ...whenLines(meeting, snapshot.meeting.facilitator, r),
        ],
        action: { label: 'Open the pre-read', path: prereadPath(meeting.id) },
        ics,
      }),
  });
}

export async function notifyReminder(
  tx: Executor,
  input: { meeting: Meeting; cycleName: string; userIds: number[] },
): Promise<void> {
  const { meeting } = input;
  const heading = `Reminder: read the pre-read for ${meeting.title}`;
  await notify(tx, {
    userIds: input.userIds,
    kind: 'preread.reminder',
    title: heading,
    body: (r) => `The meeting is on ${timeFor(meeting.scheduledAt, r)}.`,
    link: prereadPath(meeting.id),
    task: tasks.readPreread(meeting.id),
    email: (r) =>
      composeEmail({
        cycleName: input.cycleName,
        heading,
        lines: [
          `You have not opened the pre-read for ${meeting.title} yet.`,
          `When: ${timeFor(meeting.scheduledAt, r)} (${formatDuration(meeting.durationMinutes)})`,
          `Questions close: ${timeFor(meeting.questionsCloseAt, r)}`,
        ],
        action: { label: 'Open the pre-read', path: prereadPath(meeting.id) },
      }),
  });
}

/** Everyone the meeting's pre-read goes to. */
export async function attendeeIds(tx: Executor, meetingId: number): Promise<number[]> {
  return (
    await tx
      .select({ id: meetingAttendees.userId })
      .from(meetingAttendees)
      .where(eq(meetingAttendees.meetingId, meetingId))
  ).map((r) => r.id);
}
