import 'server-only';
import { eq, inArray } from 'drizzle-orm';
import { transaction } from '@/db/client';
import { cycles, items, prereadUpdates, prereads, type Cycle, type Meeting, type PrereadSnapshot } from '@/db/schema';
import { assertCan } from '@/lib/auth/permissions';
import { STATUS_LABEL } from '@/lib/backlog/labels';
import { loadCycle } from '@/lib/backlog/list.server';
import { ConflictError, ValidationError } from '@/lib/errors';
import { logEvent, type Executor } from '@/lib/events/log.server';
import { loadPrereadState } from '@/lib/meetings/preread-state.server';
import { getSetting } from '@/lib/settings/settings.server';
import { parseOrThrow } from '@/lib/validation';
import { loadMeeting } from './access.server';
import { diffSnapshots, isEmptyDiff, summariseDiff } from './diff';
import { formatMeetingTime, lateDistributionMessage } from './format';
import { assertMeetingEditable, logMeetingEvent } from './guards.server';
import { attendeeIds, notifyPreread, notifyPrereadUpdate } from './preread-mail.server';
import { DistributeSchema } from './schema';
import { buildMeetingSnapshot } from './snapshot.server';
import type { ActingUser } from '@/lib/auth/acting-user';
import { first } from '@/db/rows';

export { diffSnapshots, summariseDiff } from './diff';

const DAY = 86_400_000;

/** Refusals shared by the first distribution and updates: nothing to send, or too late to matter. */
async function assertSendable(tx: Executor, meeting: Meeting, snapshot: PrereadSnapshot, now: Date): Promise<void> {
  assertMeetingEditable(meeting);
  if (Date.parse(meeting.scheduledAt) <= now.getTime()) {
    throw new ValidationError({}, 'The meeting has already started: a pre-read can only go out before it.');
  }
  if (snapshot.items.length === 0)
    throw new ValidationError(
      { agenda: ['Add at least one item to the agenda before distributing.'] },
      'Add at least one item to the agenda before distributing.',
    );
  // An item withdrawn (or decided) after it went on the agenda would be sent as if still open.
  const statuses = new Map(
    (
      await tx
        .select({ id: items.id, status: items.status })
        .from(items)
        .where(
          inArray(
            items.id,
            snapshot.items.map((i) => i.id),
          ),
        )
    ).map((r) => [r.id, r.status]),
  );
  const stale = snapshot.items.flatMap((i) => {
    const status = statuses.get(i.id);
    return status && status !== 'curated'
      ? [`"${i.title}" is ${STATUS_LABEL[status].toLowerCase()}; take it off the agenda first.`]
      : [];
  });
  if (stale.length)
    throw new ValidationError(
      { agenda: stale },
      stale.length === 1 ? stale[0] : 'Some agenda items are no longer curated; take them off the agenda first.',
    );
  if ((await attendeeIds(tx, meeting.id)).length === 0) {
    throw new ValidationError(
      { attendees: ['Add at least one attendee before distributing.'] },
      'Add at least one attendee before distributing.',
    );
  }
}

async function moveCycleToPreread(tx: Executor, actorId: number, cycle: Cycle): Promise<void> {
  if (cycle.status !== 'planning') return;
  await tx.update(cycles).set({ status: 'preread' }).where(eq(cycles.id, cycle.id));
  await logEvent(tx, {
    actorId,
    type: 'cycle.status_changed',
    subjectType: 'cycle',
    subjectId: cycle.id,
    data: { changes: { status: { from: 'planning', to: 'preread' } } },
  });
}

/**
 * Freezes the agenda into the meeting's pre-read and sends it to every attendee (in-app, e-mail
 * with an invitation), all in one transaction: either everyone is sent it and it is recorded, or
 * nothing happens. Less than the lead time before the meeting it needs `confirmLate`, and is
 * marked late. Once per meeting; later changes go out with sendPrereadUpdate.
 */
export async function distributePreread(actor: ActingUser, meetingId: number, input: unknown = {}, now = new Date()) {
  assertCan(actor, 'meeting.manage');
  const { confirmLate, note } = parseOrThrow(DistributeSchema, input);
  return transaction(async (tx) => {
    const meeting = await loadMeeting(tx, meetingId);
    const existing = first(
      await tx.select({ sentAt: prereads.sentAt }).from(prereads).where(eq(prereads.meetingId, meetingId)),
    );
    if (existing)
      throw new ConflictError(
        `The pre-read was already sent on ${formatMeetingTime(existing.sentAt, actor.timeZone ?? undefined)}; send an update instead.`,
      );
    const cycle = await loadCycle(tx, meeting.cycleId);
    const snapshot = await buildMeetingSnapshot(tx, meeting, cycle);
    await assertSendable(tx, meeting, snapshot, now);

    const leadDays = await getSetting(tx, 'prereadLeadDays');
    const ahead = Date.parse(meeting.scheduledAt) - now.getTime();
    const late = ahead < leadDays * DAY;
    if (late && !confirmLate) {
      const message = lateDistributionMessage(ahead, leadDays);
      throw new ValidationError({ confirmLate: [message] }, message);
    }

    const sentAt = now.toISOString();
    const preread = (
      await tx.insert(prereads).values({ meetingId, sentAt, sentBy: actor.id, late, snapshot, note }).returning()
    )[0];
    await moveCycleToPreread(tx, actor.id, cycle);
    await logMeetingEvent(tx, actor.id, meeting, 'preread.distributed', {
      prereadId: preread.id,
      late,
      itemIds: snapshot.items.map((i) => i.id),
    });
    await notifyPreread(tx, {
      meeting,
      snapshot,
      late,
      sentAt,
      note,
      sender: actor.name,
      userIds: await attendeeIds(tx, meetingId),
      now,
    });
    return { id: preread.id, sentAt, late, items: snapshot.items.length };
  });
}

/**
 * Sends what changed since the attendees' latest copy (the pre-read or the last update): a
 * human summary in-app and by e-mail, with a fresh invitation when the meeting itself moved.
 */
export async function sendPrereadUpdate(actor: ActingUser, meetingId: number, now = new Date()) {
  assertCan(actor, 'meeting.manage');
  return transaction(async (tx) => {
    const meeting = await loadMeeting(tx, meetingId);
    const state = await loadPrereadState(tx, meetingId);
    if (!state) throw new ConflictError('The pre-read has not been sent yet: distribute it first.');
    const cycle = await loadCycle(tx, meeting.cycleId);
    const snapshot = await buildMeetingSnapshot(tx, meeting, cycle);
    await assertSendable(tx, meeting, snapshot, now);
    const changes = diffSnapshots(state.snapshot, snapshot);
    if (isEmptyDiff(changes)) throw new ValidationError({}, 'Nothing has changed since the pre-read.');

    const summary = summariseDiff(changes);
    const sentAt = now.toISOString();
    const update = (
      await tx
        .insert(prereadUpdates)
        .values({ prereadId: state.preread.id, sentAt, sentBy: actor.id, summary, snapshot })
        .returning()
    )[0];
    await logMeetingEvent(tx, actor.id, meeting, 'preread.updated', {
      prereadId: state.preread.id,
      updateId: update.id,
      summary,
    });
    const meetingMoved = changes.meeting.some((c) => c.field !== 'capacity');
    await notifyPrereadUpdate(tx, {
      meeting,
      snapshot,
      summary,
      meetingMoved,
      userIds: await attendeeIds(tx, meetingId),
      now,
    });
    return { id: update.id, sentAt, summary };
  });
}
