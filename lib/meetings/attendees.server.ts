import 'server-only';
import { and, asc, eq, inArray, or } from 'drizzle-orm';
import { db, transaction } from '@/db/client';
import { departments, meetingAttendees, users, type AttendeeRole } from '@/db/schema';
import { assertCan } from '@/lib/auth/permissions';
import { loadCycle } from '@/lib/backlog/list.server';
import { ValidationError } from '@/lib/errors';
import type { Executor } from '@/lib/events/log.server';
import { loadPrereadState } from '@/lib/meetings/preread-state.server';
import { getSetting } from '@/lib/settings/settings.server';
import { fieldErrorsOf } from '@/lib/validation';
import { loadMeeting } from './access.server';
import { loadAgenda } from './agenda.server';
import { departmentWarnings } from './balance';
import { assertMeetingEditable, isMeetingPerson, logMeetingEvent, MEETING_PEOPLE_ROLES } from './guards.server';
import { notifyPreread } from './preread-mail.server';
import { AttendeesSchema } from './schema';
import type { ActingUser } from '@/lib/auth/acting-user';
import { first } from '@/db/rows';

export { attendeesByDepartment, departmentWarnings } from './balance';

export type AttendeeRow = {
  userId: number;
  name: string;
  role: AttendeeRole;
  departmentId: number;
  departmentName: string;
  active: boolean;
};

const personColumns = {
  userId: users.id,
  name: users.name,
  departmentId: users.departmentId,
  departmentName: departments.name,
  active: users.active,
};

/** The meeting's attendees by department, then name. Callers authorize. */
export async function listAttendees(tx: Executor, meetingId: number): Promise<AttendeeRow[]> {
  return tx
    .select({ ...personColumns, role: meetingAttendees.role })
    .from(meetingAttendees)
    .innerJoin(users, eq(users.id, meetingAttendees.userId))
    .innerJoin(departments, eq(departments.id, users.departmentId))
    .where(eq(meetingAttendees.meetingId, meetingId))
    .orderBy(asc(departments.name), asc(users.name));
}

/**
 * For the attendee picker: every active pm, admin and leader, plus the current attendees (who may
 * since have been deactivated, or be someone else added through the API), with the current choice,
 * the departments on the agenda and the share setting, so the page can warn as boxes are ticked.
 */
export async function getAttendeePlan(actor: ActingUser, meetingId: number) {
  assertCan(actor, 'meeting.manage');
  const meeting = await loadMeeting(db, meetingId);
  const current = await listAttendees(db, meetingId);
  const currentIds = current.map((a) => a.userId);
  const people = await db
    .select(personColumns)
    .from(users)
    .innerJoin(departments, eq(departments.id, users.departmentId))
    .where(
      or(
        and(eq(users.active, true), inArray(users.role, [...MEETING_PEOPLE_ROLES])),
        currentIds.length ? inArray(users.id, currentIds) : undefined,
      ),
    )
    .orderBy(asc(departments.name), asc(users.name));
  const agenda = await loadAgenda(db, meeting, await loadCycle(db, meeting.cycleId));
  const agendaDepartments = [
    ...new Map(agenda.map((i) => [i.departmentId, { id: i.departmentId, name: i.departmentName }])).values(),
  ];
  const maxShare = await getSetting(db, 'maxDepartmentShare');
  return {
    meetingId,
    closed: meeting.status === 'closed',
    people,
    maxShare,
    agendaDepartments,
    current: current.map((a) => ({ userId: a.userId, role: a.role })),
    warnings: departmentWarnings({ attendees: current, agendaDepartments, maxShare }),
  };
}
export type AttendeePlan = Awaited<ReturnType<typeof getAttendeePlan>>;

/**
 * Replaces the attendee list. Refuses unknown and deactivated people, and a voter who is not a leader,
 * pm or admin (anyone else may only observe), all named at once. Once the
 * pre-read has gone out, people added now are sent it too, in the same transaction.
 */
export const votersOnlyMessage = (name: string) =>
  `${name} cannot vote: only leaders, pms and admins vote. Add them as an observer.`;

export async function setAttendees(
  actor: ActingUser,
  meetingId: number,
  input: unknown,
  now = new Date(),
): Promise<AttendeeRow[]> {
  assertCan(actor, 'meeting.manage');
  const parsed = AttendeesSchema.safeParse(input);
  if (!parsed.success) {
    const messages = Object.values(fieldErrorsOf(parsed.error)).flat();
    throw new ValidationError({ attendees: messages }, messages[0]);
  }
  // The last choice for a person wins: a form listing someone twice means the later row.
  const wanted = new Map(parsed.data.map((a) => [a.userId, a.role]));
  return transaction(async (tx) => {
    const meeting = await loadMeeting(tx, meetingId);
    assertMeetingEditable(meeting);
    const ids = [...wanted.keys()];
    const found = new Map(
      (ids.length
        ? await tx
            .select({ id: users.id, name: users.name, active: users.active, role: users.role })
            .from(users)
            .where(inArray(users.id, ids))
        : []
      ).map((u) => [u.id, u]),
    );
    const errors = ids.flatMap((id) => {
      const u = found.get(id);
      if (!u) return [`Person #${id} does not exist.`];
      if (!u.active) return [`${u.name} is deactivated and cannot attend.`];
      if (wanted.get(id) === 'voter' && !isMeetingPerson(u.role)) return [votersOnlyMessage(u.name)];
      return [];
    });
    if (errors.length)
      throw new ValidationError({ attendees: errors }, errors.length === 1 ? errors[0] : 'Some people cannot attend.');

    const before = new Map((await listAttendees(tx, meetingId)).map((a) => [a.userId, a.role]));
    const added = ids.filter((id) => !before.has(id));
    const removed = [...before.keys()].filter((id) => !wanted.has(id));
    const roleChanged = ids.filter((id) => before.has(id) && before.get(id) !== wanted.get(id));
    if (added.length || removed.length || roleChanged.length) {
      await tx.delete(meetingAttendees).where(eq(meetingAttendees.meetingId, meetingId));
      if (ids.length)
        await tx
          .insert(meetingAttendees)
          .values(ids.map((userId) => ({ meetingId, userId, role: wanted.get(userId)! })));
      await logMeetingEvent(tx, actor.id, meeting, 'meeting.attendees_set', {
        added: added.map((id) => ({ userId: id, role: wanted.get(id) })),
        removed,
        roleChanged: roleChanged.map((id) => ({ userId: id, from: before.get(id), to: wanted.get(id) })),
      });
    }

    const state = added.length ? await loadPrereadState(tx, meetingId) : null;
    if (state) {
      await notifyPreread(tx, {
        meeting,
        snapshot: state.snapshot,
        late: state.preread.late,
        sentAt: state.preread.sentAt,
        // Late additions get the note as it went out, signed by whoever sent it.
        note: state.preread.note,
        sender:
          first(await tx.select({ name: users.name }).from(users).where(eq(users.id, state.preread.sentBy)))?.name ??
          '',
        userIds: added,
        now,
      });
    }
    return listAttendees(tx, meetingId);
  });
}
