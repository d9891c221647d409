import 'server-only';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { meetingSettings, users, VOTES_VISIBILITY, type Meeting } from '@/db/schema';
import { can } from '@/lib/auth/permissions';
import { ConflictError, ForbiddenError, ValidationError } from '@/lib/errors';
import { attendeeRole, loadMeeting } from '@/lib/meetings/access.server';
import { parseOrThrow } from '@/lib/validation';
import {
  agendaIds,
  assertIsFacilitator,
  assertLive,
  assertNotEnded,
  assertOnAgenda,
  checkVersion,
  isFacilitator,
  liveEvent,
  liveTransaction,
  getLiveMeeting,
  prereadSent,
  updateMeetingIfUnchanged,
} from './core.server';
import { recordUndecided } from './ending.server';
import { START_WARNINGS, startRefusal, startWarnings, unconfirmed } from './warnings';
import type { ActingUser } from '@/lib/auth/acting-user';
import { first } from '@/db/rows';

export { ALREADY_ENDED, MEETING_CHANGED } from './core.server';

/** The live meeting's session: start, walk the agenda, pause and resume, hand over, end. */
// ---------------------------------------------------------------------------------------------

export const StartSchema = z.object({
  votesVisibility: z.enum(VOTES_VISIBILITY, { error: 'Choose whether votes are shown live or hidden until revealed.' }),
  weighted: z.boolean({ error: 'Choose whether the tally is weighted by department.' }),
  /** The warnings the facilitator saw and confirmed (warnings.ts). */
  confirm: z
    .array(z.enum(START_WARNINGS, { error: `confirm lists warnings: ${START_WARNINGS.join(', ')}.` }), {
      error: 'confirm must be a list of the warnings confirmed.',
    })
    .default([]),
});

/**
 * Facilitator (or pm/admin): scheduled|paused → live, on the first agenda item (or where a paused
 * meeting was). Starting a meeting without a distributed pre-read, or well before its time, needs
 * those warnings confirmed.
 */
export async function startMeeting(
  actor: ActingUser,
  meetingId: number,
  input: unknown,
  now = new Date(),
): Promise<Meeting> {
  const { confirm, ...options } = parseOrThrow(StartSchema, input);
  return liveTransaction(meetingId, async (tx) => {
    const meeting = await getLiveMeeting(tx, actor, meetingId);
    if (!isFacilitator(actor, meeting) && !can(actor, 'meeting.manage'))
      throw new ForbiddenError('Only the facilitator can start the meeting.');
    assertNotEnded(meeting);
    if (meeting.status === 'live') throw new ConflictError('The meeting is already live.');
    const agenda = await agendaIds(tx, meetingId);
    if (agenda.length === 0)
      throw new ValidationError(
        { agenda: ['Put items on the agenda before starting the meeting.'] },
        'Put items on the agenda before starting the meeting.',
      );
    const warnings = startWarnings({
      prereadSent: await prereadSent(tx, meetingId),
      scheduledAt: meeting.scheduledAt,
      startedAt: meeting.startedAt,
      now,
    });
    const missing = unconfirmed(warnings, confirm);
    if (missing.length) throw new ValidationError({ confirm: [startRefusal(missing)] }, startRefusal(missing));
    await tx
      .insert(meetingSettings)
      .values({ meetingId, ...options })
      .onConflictDoUpdate({ target: meetingSettings.meetingId, set: options });
    const currentItemId =
      meeting.currentItemId !== null && agenda.includes(meeting.currentItemId) ? meeting.currentItemId : agenda[0];
    const after = await updateMeetingIfUnchanged(tx, meeting, {
      status: 'live',
      currentItemId,
      startedAt: meeting.startedAt ?? now.toISOString(),
      // The current item's time box counts from here (a paused meeting resumed by start keeps its count).
      currentItemSince:
        currentItemId === meeting.currentItemId && meeting.currentItemSince
          ? meeting.currentItemSince
          : now.toISOString(),
    });
    const eventId = await liveEvent(tx, actor, meetingId, 'live.started', {
      version: after.version,
      currentItemId,
      ...options,
      // What the facilitator was warned about and started anyway, on the record.
      confirmedWarnings: warnings.map((w) => w.code),
    });
    return { value: after, eventId };
  });
}

export type GoTo = number | 'next' | 'previous';

/** Facilitator only, while live. `expectedVersion` is the meeting version the facilitator's screen shows. */
export async function goToItem(
  actor: ActingUser,
  meetingId: number,
  target: GoTo,
  expectedVersion: number,
): Promise<Meeting> {
  return liveTransaction(meetingId, async (tx) => {
    const meeting = await getLiveMeeting(tx, actor, meetingId);
    checkVersion(meeting, expectedVersion);
    assertIsFacilitator(actor, meeting);
    assertLive(meeting);
    const agenda = await agendaIds(tx, meetingId);
    const at = meeting.currentItemId === null ? -1 : agenda.indexOf(meeting.currentItemId);
    let itemId: number;
    if (target === 'next') {
      if (at + 1 >= agenda.length)
        throw new ValidationError(
          { itemId: ['This is the last item on the agenda.'] },
          'This is the last item on the agenda.',
        );
      itemId = agenda[at + 1];
    } else if (target === 'previous') {
      if (at <= 0)
        throw new ValidationError(
          { itemId: ['This is the first item on the agenda.'] },
          'This is the first item on the agenda.',
        );
      itemId = agenda[at - 1];
    } else {
      await assertOnAgenda(tx, meetingId, target);
      itemId = target;
    }
    const after = await updateMeetingIfUnchanged(tx, meeting, {
      currentItemId: itemId,
      currentItemSince: new Date().toISOString(),
    });
    const eventId = await liveEvent(tx, actor, meetingId, 'live.item_changed', {
      version: after.version,
      from: meeting.currentItemId,
      currentItemId: itemId,
    });
    return { value: after, eventId };
  });
}

export async function pauseMeeting(actor: ActingUser, meetingId: number, expectedVersion?: number): Promise<Meeting> {
  return liveTransaction(meetingId, async (tx) => {
    const meeting = await getLiveMeeting(tx, actor, meetingId);
    checkVersion(meeting, expectedVersion);
    assertIsFacilitator(actor, meeting);
    assertLive(meeting);
    const after = await updateMeetingIfUnchanged(tx, meeting, { status: 'paused' });
    return { value: after, eventId: await liveEvent(tx, actor, meetingId, 'live.paused', { version: after.version }) };
  });
}

/** Facilitator (or pm/admin): paused → live, where it was. */
export async function resumeMeeting(actor: ActingUser, meetingId: number, expectedVersion?: number): Promise<Meeting> {
  return liveTransaction(meetingId, async (tx) => {
    const meeting = await getLiveMeeting(tx, actor, meetingId);
    checkVersion(meeting, expectedVersion);
    if (!isFacilitator(actor, meeting) && !can(actor, 'meeting.manage'))
      throw new ForbiddenError('Only the facilitator can resume the meeting.');
    assertNotEnded(meeting);
    if (meeting.status !== 'paused') {
      const message = meeting.status === 'live' ? 'The meeting is already live.' : 'The meeting has not started yet.';
      throw new ConflictError(message);
    }
    const after = await updateMeetingIfUnchanged(tx, meeting, { status: 'live' });
    return { value: after, eventId: await liveEvent(tx, actor, meetingId, 'live.resumed', { version: after.version }) };
  });
}

/** The facilitator hands the role to another attendee (voter or observer) who is active. */
export async function handOver(
  actor: ActingUser,
  meetingId: number,
  toUserId: number,
  expectedVersion?: number,
): Promise<Meeting> {
  return liveTransaction(meetingId, async (tx) => {
    const meeting = await getLiveMeeting(tx, actor, meetingId);
    checkVersion(meeting, expectedVersion);
    assertIsFacilitator(actor, meeting);
    assertNotEnded(meeting);
    const target = first(
      await tx.select({ id: users.id, active: users.active }).from(users).where(eq(users.id, toUserId)),
    );
    if (toUserId === actor.id || !target || !target.active || (await attendeeRole(tx, meetingId, toUserId)) === null) {
      const message = 'Hand the facilitation to another active attendee of this meeting.';
      throw new ValidationError({ toUserId: [message] }, message);
    }
    const after = await updateMeetingIfUnchanged(tx, meeting, { facilitatorId: toUserId });
    return {
      value: after,
      eventId: await liveEvent(tx, actor, meetingId, 'live.handed_over', {
        version: after.version,
        from: actor.id,
        to: toUserId,
      }),
    };
  });
}

/** A pm or admin takes over a meeting whose facilitator left. */
export async function takeOver(actor: ActingUser, meetingId: number): Promise<Meeting> {
  return liveTransaction(meetingId, async (tx) => {
    if (!can(actor, 'meeting.manage')) throw new ForbiddenError('Only a pm or admin can take over a meeting.');
    const meeting = await loadMeeting(tx, meetingId);
    assertNotEnded(meeting);
    if (isFacilitator(actor, meeting)) throw new ConflictError('You already facilitate this meeting.');
    const after = await updateMeetingIfUnchanged(tx, meeting, { facilitatorId: actor.id });
    return {
      value: after,
      eventId: await liveEvent(tx, actor, meetingId, 'live.taken_over', {
        version: after.version,
        from: meeting.facilitatorId,
        to: actor.id,
      }),
    };
  });
}

/**
 * Facilitator (or pm/admin): live|paused → closed. A second end is refused. `undecided` says what
 * becomes of each item left undecided (ending.server.ts); it must cover exactly those items.
 */
export async function endMeeting(actor: ActingUser, meetingId: number, undecided?: unknown): Promise<Meeting> {
  return liveTransaction(meetingId, async (tx) => {
    const meeting = await getLiveMeeting(tx, actor, meetingId);
    if (!isFacilitator(actor, meeting) && !can(actor, 'meeting.manage'))
      throw new ForbiddenError('Only the facilitator can end the meeting.');
    assertNotEnded(meeting);
    if (meeting.status === 'scheduled') throw new ConflictError('The meeting has not started yet.');
    await recordUndecided(tx, actor, meeting, undecided);
    const after = await updateMeetingIfUnchanged(tx, meeting, { status: 'closed', endedAt: new Date().toISOString() });
    return { value: after, eventId: await liveEvent(tx, actor, meetingId, 'live.ended', { version: after.version }) };
  });
}
