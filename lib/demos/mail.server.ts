import 'server-only';
import { asc, eq, inArray } from 'drizzle-orm';
import { users, type Demo } from '@/db/schema';
import { first } from '@/db/rows';
import type { Executor } from '@/lib/events/log.server';
import { formatDuration, formatMeetingTime } from '@/lib/meetings/format';
import { composeEmail } from '@/lib/notifications/email.server';
import { appUrl } from '@/lib/notifications/links.server';
import { notify, type Recipient } from '@/lib/notifications/notify.server';
import { buildDemoIcs } from './ics';
import { demoPath } from './access.server';

/**
 * The invitation e-mails of a demo. The calendar file is in UTC; the words give the time in each
 * invitee's chosen zone (UTC when they chose none, since the server cannot know their browser's),
 * always with the zone named, and say which zone the organiser planned it in.
 */

const timeFor = (demo: Demo, r: Recipient) => formatMeetingTime(demo.startsAt, r.timeZone ?? 'UTC');

async function people(tx: Executor, ids: number[]) {
  if (ids.length === 0) return [];
  return tx
    .select({ name: users.name, email: users.email })
    .from(users)
    .where(inArray(users.id, ids))
    .orderBy(asc(users.name));
}

/**
 * Sends `method` (REQUEST: invited or changed; CANCEL: cancelled or removed from the list) to
 * `userIds`, in-app and by e-mail with the calendar file. The attendee list in the file is
 * `attendeeIds` (everyone invited now). Call inside the transaction of the change.
 */
export async function sendDemoInvitations(
  tx: Executor,
  input: {
    demo: Demo;
    cycleName: string;
    userIds: number[];
    attendeeIds: number[];
    method: 'REQUEST' | 'CANCEL';
    now: Date;
    /** How this message differs from the first invitation ("changed", "cancelled"), for its heading. */
    change: 'new' | 'changed' | 'cancelled' | 'removed';
  },
): Promise<void> {
  const { demo } = input;
  if (input.userIds.length === 0) return;
  const organizer = first(
    await tx.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, demo.createdBy)),
  );
  const presenter = first(await tx.select({ name: users.name }).from(users).where(eq(users.id, demo.presenterId)));
  const ics = buildDemoIcs({
    method: input.method,
    demoId: demo.id,
    title: demo.title,
    description: `Sprint demo. See what is shown and give your feedback: ${appUrl(demoPath(demo.id))}`,
    start: new Date(demo.startsAt),
    durationMinutes: demo.durationMinutes,
    organizer: organizer ?? { name: 'Quorum', email: 'quorum@localhost' },
    attendees: await people(tx, input.attendeeIds),
    url: appUrl(demoPath(demo.id)),
    sequence: demo.icsSequence,
    dtstamp: input.now,
  });
  const heading = {
    new: `Invitation: ${demo.title}`,
    changed: `Changed: ${demo.title}`,
    cancelled: `Cancelled: ${demo.title}`,
    removed: `No longer invited: ${demo.title}`,
  }[input.change];
  const lines = (r: Recipient) =>
    input.method === 'CANCEL'
      ? [
          `${demo.title} on ${timeFor(demo, r)} is ${input.change === 'cancelled' ? 'cancelled' : 'no longer on your calendar'}.`,
        ]
      : [
          `You are invited to a sprint demo: ${demo.title}.`,
          `When: ${timeFor(demo, r)} (${formatDuration(demo.durationMinutes)}), planned in ${demo.timeZone}`,
          `Presenter: ${presenter?.name ?? ''}`,
          'After the demo you can say, for each item shown, whether it looks right or raise a concern.',
        ];
  await notify(tx, {
    userIds: input.userIds,
    kind: 'demo.invited',
    title: heading,
    body: (r) => timeFor(demo, r),
    link: demoPath(demo.id),
    email: (r) =>
      composeEmail({
        cycleName: input.cycleName,
        heading,
        lines: lines(r),
        action: { label: 'Open the demo', path: demoPath(demo.id) },
        ics,
      }),
  });
}

/**
 * Tells `userIds` (the invitees who have given no feedback yet) that the demo takes feedback again,
 * until when in each one's zone. No calendar file: the demo itself has not moved.
 */
export async function sendFeedbackReopened(
  tx: Executor,
  input: { demo: Demo; cycleName: string; userIds: number[] },
): Promise<void> {
  const { demo } = input;
  if (input.userIds.length === 0) return;
  const heading = `Feedback open again: ${demo.title}`;
  const until = (r: Recipient) => formatMeetingTime(demo.feedbackClosesAt, r.timeZone ?? 'UTC');
  await notify(tx, {
    userIds: input.userIds,
    kind: 'demo.invited',
    title: heading,
    body: (r) => `Until ${until(r)}`,
    link: demoPath(demo.id),
    email: (r) =>
      composeEmail({
        cycleName: input.cycleName,
        heading,
        lines: [
          `You can give your feedback on the items shown at ${demo.title} until ${until(r)}.`,
          'For each item, say whether it looks right or raise a concern.',
        ],
        action: { label: 'Open the demo', path: demoPath(demo.id) },
      }),
  });
}
