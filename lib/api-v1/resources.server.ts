import 'server-only';
import { asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { transaction } from '@/db/client';
import { decisions, items, users } from '@/db/schema';
import type { ActingUser } from '@/lib/auth/acting-user';
import { getItemDetail } from '@/lib/backlog/detail.server';
import { getCycle, listCycles } from '@/lib/cycles/cycles.server';
import { listThemes } from '@/lib/cycles/themes.server';
import { getVisibleMeeting } from '@/lib/meetings/access.server';
import { getMeetingOverview, listMeetings } from '@/lib/meetings/meetings.server';
import { cycleOutcome } from '@/lib/outcome/report.server';
import { listMyRequests, listTriage } from '@/lib/requests/requests.server';
import { getSchedule } from '@/lib/schedule/schedule.server';
import { statusOf } from './items.server';
import type { CycleSchema, ThemeSchema } from './schemas';
import type {
  DecisionSchema,
  MeetingSchema,
  MeetingSummary,
  OutcomeSchema,
  RequestSummary,
  ScheduleSchema,
} from './schemas-more';

/**
 * The read resources of the REST API other than items: each calls the lib/ function its page uses
 * (which checks who may read it) and reshapes the answer, with names next to ids.
 */

type Out<S extends z.ZodType> = z.infer<S>;

const cycleOf = (c: Out<typeof CycleSchema>): Out<typeof CycleSchema> => ({
  id: c.id,
  name: c.name,
  cadence: c.cadence,
  startsOn: c.startsOn,
  endsOn: c.endsOn,
  capacityWeeks: c.capacityWeeks,
  status: c.status,
});

export async function apiCycles(user: ActingUser) {
  return { data: (await listCycles(user)).map(cycleOf) };
}

export async function apiCycle(user: ActingUser, id: number) {
  return cycleOf(await getCycle(user, id));
}

export async function apiThemes(user: ActingUser, cycleId: number): Promise<{ data: Out<typeof ThemeSchema>[] }> {
  const cycle = await getCycle(user, cycleId);
  const themes = await listThemes(user, cycleId);
  return {
    data: themes.map((t) => ({
      id: t.id,
      name: t.name,
      keyOutcome: t.keyOutcome,
      position: t.position,
      itemCount: t.itemCount,
      cycle: { id: cycle.id, name: cycle.name },
    })),
  };
}

export async function apiRequests(user: ActingUser, view: 'mine' | 'triage' = 'mine') {
  const data: Out<typeof RequestSummary>[] =
    view === 'triage'
      ? (await listTriage(user)).map((r) => ({
          id: r.id,
          title: r.title,
          status: statusOf('submitted'),
          decisionReason: null,
          cycleName: null,
          requestorName: r.requestorName,
          departmentName: r.departmentName,
          createdAt: r.createdAt,
        }))
      : (await listMyRequests(user)).map((r) => ({
          id: r.id,
          title: r.title,
          status: statusOf(r.status),
          decisionReason: r.decisionReason,
          cycleName: r.cycleName,
          requestorName: user.name,
          departmentName: null,
          createdAt: r.createdAt,
        }));
  return { data };
}

/** A request is an item seen by its requestor: the same rules as the request page (getItemDetail). */
export const apiRequest = (user: ActingUser, id: number) => getItemDetail(user, id);

export async function apiMeetings(user: ActingUser, cycleId: number): Promise<{ data: Out<typeof MeetingSummary>[] }> {
  const { cycle, meetings } = await listMeetings(user, cycleId);
  return {
    data: meetings.map((m) => ({
      id: m.id,
      title: m.title,
      kind: m.kind,
      status: m.status,
      scheduledAt: m.scheduledAt,
      durationMinutes: m.durationMinutes,
      location: m.location,
      cycle: { id: cycle.id, name: cycle.name },
      agendaCount: m.agendaCount,
      attendeeCount: m.attendeeCount,
    })),
  };
}

export async function apiMeeting(user: ActingUser, id: number): Promise<Out<typeof MeetingSchema>> {
  const o = await getMeetingOverview(user, id);
  const m = o.meeting;
  return {
    id: m.id,
    title: m.title,
    kind: m.kind,
    status: m.status,
    scheduledAt: m.scheduledAt,
    durationMinutes: m.durationMinutes,
    location: m.location,
    cycle: { id: o.cycle.id, name: o.cycle.name },
    startedAt: m.startedAt,
    endedAt: m.endedAt,
    facilitator: o.facilitator,
    attendees: o.attendees.map((a) => ({
      person: { id: a.userId, name: a.name },
      department: { id: a.departmentId, name: a.departmentName },
      role: a.role,
    })),
    agenda: o.agenda.map((a) => ({
      item: { id: a.id, name: a.title },
      status: statusOf(a.status),
      theme: a.themeId === null ? null : { id: a.themeId, name: a.themeName ?? '' },
      department: { id: a.departmentId, name: a.departmentName },
      weeks: a.effectiveWeeks,
    })),
  };
}

/** The decisions of a meeting, for those who may see the meeting (getVisibleMeeting). */
export async function apiDecisions(
  user: ActingUser,
  meetingId: number,
): Promise<{ data: Out<typeof DecisionSchema>[] }> {
  return transaction(async (tx) => {
    await getVisibleMeeting(tx, user, meetingId);
    const rows = await tx
      .select({ d: decisions, title: items.title, decidedByName: users.name })
      .from(decisions)
      .innerJoin(items, eq(items.id, decisions.itemId))
      .innerJoin(users, eq(users.id, decisions.decidedBy))
      .where(eq(decisions.meetingId, meetingId))
      .orderBy(asc(decisions.id));
    return {
      data: rows.map(({ d, title, decidedByName }) => ({
        item: { id: d.itemId, name: title },
        outcome: d.outcome,
        reason: d.reason,
        notes: d.notes,
        suggested: d.suggested,
        decidedBy: { id: d.decidedBy, name: decidedByName },
        decidedAt: d.decidedAt,
      })),
    };
  });
}

export async function apiOutcome(user: ActingUser, cycleId: number): Promise<Out<typeof OutcomeSchema>> {
  const o = await cycleOutcome(user, cycleId);
  const cycle = { id: o.cycle.id, name: o.cycle.name };
  if (o.state === 'none') return { state: 'none', cycle, meeting: null, published: null, decisions: [], undecided: [] };
  return {
    state: 'ready',
    cycle,
    meeting: { id: o.meeting.id, title: o.meeting.title, endedAt: o.meeting.endedAt },
    published: o.published,
    decisions: o.decisions.map((d) => ({
      item: { id: d.itemId, name: d.title },
      theme: d.theme,
      requestor: d.requestor,
      weeks: d.weeks,
      outcome: d.outcome,
      reason: d.reason,
      position: d.position,
      aboveCut: d.aboveCut,
    })),
    undecided: o.undecided.map((u) => ({ id: u.itemId, name: u.title })),
  };
}

export async function apiSchedule(user: ActingUser, cycleId: number): Promise<Out<typeof ScheduleSchema>> {
  const s = await getSchedule(user, cycleId);
  const periodName = new Map(s.periods.map((p) => [p.id, p.name]));
  const ref = (id: number | null, name: string | null | undefined) => (id === null ? null : { id, name: name ?? '' });
  return {
    cycle: { id: s.cycle.id, name: s.cycle.name },
    lastPublication: s.lastPublication,
    periods: s.periods.map((p) => ({
      id: p.id,
      name: p.name,
      startsOn: p.startsOn,
      endsOn: p.endsOn,
      capacityWeeks: p.capacityWeeks,
      load: p.load,
    })),
    items: s.items.map((i) => ({
      item: { id: i.id, name: i.title },
      status: statusOf(i.status),
      theme: ref(i.themeId, i.theme),
      weeks: i.weeks,
      requestor: { id: i.requestorId, name: i.requestor },
      sponsor: ref(i.sponsorId, i.sponsor),
      period: ref(i.periodId, i.periodId === null ? null : periodName.get(i.periodId)),
      owner: ref(i.ownerId, i.owner),
      kickoffOn: i.kickoffOn,
    })),
  };
}
