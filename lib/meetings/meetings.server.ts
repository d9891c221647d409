import 'server-only';
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import { db, transaction } from '@/db/client';
import { agendaItems, meetingAttendees, meetings, prereadUpdates, prereads, users, type Meeting } from '@/db/schema';
import { assertCan, can } from '@/lib/auth/permissions';
import { loadCycle } from '@/lib/backlog/list.server';
import { ConflictError } from '@/lib/errors';
import { diff } from '@/lib/events/log.server';
import { parseOrThrow } from '@/lib/validation';
import { assertCanSeeMeeting, canSeeMeeting, loadMeeting } from './access.server';
import { cycleThemes, loadAgenda } from './agenda.server';
import { summariseAgenda } from './agenda-order';
import { listAttendees } from './attendees.server';
import {
  assertEligibleFacilitator,
  assertMeetingEditable,
  logMeetingEvent,
  MEETING_PEOPLE_ROLES,
} from './guards.server';
import { meetingInputSchema } from './schema';
import type { ActingUser } from '@/lib/auth/acting-user';
import { first } from '@/db/rows';

/** Schedules a meeting of a cycle. Several may be scheduled at once (e.g. a rehearsal); all are listed. */
export async function createMeeting(
  actor: ActingUser,
  cycleId: number,
  input: unknown,
  now = new Date(),
): Promise<Meeting> {
  assertCan(actor, 'meeting.manage');
  return transaction(async (tx) => {
    const cycle = await loadCycle(tx, cycleId);
    if (cycle.status === 'closed')
      throw new ConflictError(`${cycle.name} is closed: no more meetings can be scheduled in it.`);
    const data = parseOrThrow(meetingInputSchema(now), input);
    await assertEligibleFacilitator(tx, data.facilitatorId);
    const meeting = (
      await tx
        .insert(meetings)
        .values({ ...data, cycleId, createdAt: now.toISOString() })
        .returning()
    )[0];
    await logMeetingEvent(tx, actor.id, meeting, 'meeting.scheduled', { after: data });
    return meeting;
  });
}

/**
 * Changes a meeting's details. Refused once it is closed. Attendees are not told here: after the
 * pre-read went out, the pm sends an update, which lists the new date or place.
 */
export async function updateMeeting(
  actor: ActingUser,
  meetingId: number,
  input: unknown,
  now = new Date(),
): Promise<Meeting> {
  assertCan(actor, 'meeting.manage');
  return transaction(async (tx) => {
    const before = await loadMeeting(tx, meetingId);
    assertMeetingEditable(before);
    const data = parseOrThrow(meetingInputSchema(now), input);
    await assertEligibleFacilitator(tx, data.facilitatorId);
    const changes = diff(before as Record<string, unknown>, data);
    if (Object.keys(changes).length === 0) return before;
    const after = (
      await tx
        .update(meetings)
        .set({ ...data, version: before.version + 1 })
        .where(eq(meetings.id, meetingId))
        .returning()
    )[0];
    await logMeetingEvent(tx, actor.id, after, 'meeting.updated', { changes });
    return after;
  });
}

/** People who may facilitate: active pm, admin and leaders. */
export async function facilitatorOptions(actor: ActingUser) {
  assertCan(actor, 'meeting.manage');
  return db
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(and(eq(users.active, true), inArray(users.role, [...MEETING_PEOPLE_ROLES])))
    .orderBy(asc(users.name));
}

/**
 * A cycle's meetings by date, with whether the pre-read went out. Backlog roles may open the list;
 * a non-manager sees only the meetings they attend or facilitate (the others would answer 403).
 */
export async function listMeetings(actor: ActingUser, cycleId: number) {
  assertCan(actor, 'backlog.view');
  const cycle = await loadCycle(db, cycleId);
  const all = await db
    .select({ meeting: meetings, prereadSentAt: prereads.sentAt, prereadLate: prereads.late })
    .from(meetings)
    .leftJoin(prereads, eq(prereads.meetingId, meetings.id))
    .where(eq(meetings.cycleId, cycleId))
    .orderBy(asc(meetings.scheduledAt), asc(meetings.id));
  const visible = await Promise.all(all.map((r) => canSeeMeeting(db, actor, r.meeting)));
  const rows = all.filter((_, i) => visible[i]);
  const ids = rows.map((r) => r.meeting.id);
  const countBy = async (table: typeof agendaItems | typeof meetingAttendees) =>
    new Map(
      ids.length
        ? (
            await db
              .select({ id: table.meetingId, n: count() })
              .from(table)
              .where(inArray(table.meetingId, ids))
              .groupBy(table.meetingId)
          ).map((r) => [r.id, r.n])
        : [],
    );
  const agendaCounts = await countBy(agendaItems);
  const attendeeCounts = await countBy(meetingAttendees);
  return {
    cycle: { id: cycle.id, name: cycle.name, status: cycle.status },
    canManage: can(actor, 'meeting.manage'),
    meetings: rows.map(({ meeting: m, prereadSentAt, prereadLate }) => ({
      id: m.id,
      title: m.title,
      kind: m.kind,
      status: m.status,
      scheduledAt: m.scheduledAt,
      durationMinutes: m.durationMinutes,
      location: m.location,
      agendaCount: agendaCounts.get(m.id) ?? 0,
      attendeeCount: attendeeCounts.get(m.id) ?? 0,
      preread: prereadSentAt ? { sentAt: prereadSentAt, late: Boolean(prereadLate) } : null,
    })),
  };
}
export type MeetingListEntry = Awaited<ReturnType<typeof listMeetings>>['meetings'][number];

/** The meeting page's overview: details, attendees, agenda and pre-read state. 403/404 as canSeeMeeting. */
export function getMeetingOverview(actor: ActingUser, meetingId: number) {
  return transaction(async (tx) => {
    const meeting = await loadMeeting(tx, meetingId);
    await assertCanSeeMeeting(tx, actor, meeting);
    const cycle = await loadCycle(tx, meeting.cycleId);
    const facilitator = first(
      await tx.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, meeting.facilitatorId)),
    );
    const preread = first(
      await tx
        .select({ id: prereads.id, sentAt: prereads.sentAt, late: prereads.late })
        .from(prereads)
        .where(eq(prereads.meetingId, meetingId)),
    );
    const updates = preread
      ? await tx
          .select({ sentAt: prereadUpdates.sentAt, summary: prereadUpdates.summary })
          .from(prereadUpdates)
          .where(eq(prereadUpdates.prereadId, preread.id))
          .orderBy(asc(prereadUpdates.id))
      : [];
    const agenda = await loadAgenda(tx, meeting, cycle);
    return {
      meeting,
      cycle: { id: cycle.id, name: cycle.name, status: cycle.status, capacityWeeks: cycle.capacityWeeks },
      facilitator: facilitator ?? { id: meeting.facilitatorId, name: '' },
      preread: preread ? { ...preread, updates } : null,
      attendees: await listAttendees(tx, meetingId),
      agenda,
      summary: summariseAgenda(agenda, await cycleThemes(tx, cycle.id), cycle.capacityWeeks),
      canManage: can(actor, 'meeting.manage'),
    };
  });
}
export type MeetingOverview = Awaited<ReturnType<typeof getMeetingOverview>>;
