import 'server-only';
import { asc, eq, inArray } from 'drizzle-orm';
import { db } from '@/db/client';
import {
  departments,
  items,
  scheduleEntries,
  users,
  type ChangeRequest,
  type EmergencySession,
  type ItemStatus,
  type SessionResponse,
} from '@/db/schema';
import { can } from '@/lib/auth/permissions';
import { effectiveWeeks } from '@/lib/estimates/estimates';
import { loadCycle } from '@/lib/backlog/list.server';
import { listEventsForSubject } from '@/lib/events/log.server';
import { assertMayViewChanges, loadChangeRequest } from './common.server';
import { findConflicts, pendingRequests, type Conflict } from './conflicts.server';
import { previewProposal, type Preview, type PreviewPeriod } from './preview';
import { approvalGate, deadlinePassed, evaluateRule, ruleText, type ApprovalGate, type RuleEvaluation } from './rule';
import { readPeriods, loadCurrentSchedule } from './schedule-read.server';
import { earlierResponderIds, earlierRoundsOf, type EarlierRound } from './rounds';
import { inviteeIdsOf, responsesOf, sessionOf } from './sessions.server';
import type { ActingUser } from '@/lib/auth/acting-user';

/**
 * One change request as its page shows it: the proposal and, while it is
 * undecided, its effect on the schedule as it is NOW (it may have changed since it was raised),
 * the session with its rule and every invitee's current response, the conflicts with other
 * undecided requests, what the viewer may do, and the request's event log (every response,
 * including replaced ones).
 */

type Person = { id: number; name: string };

export type InviteeRow = {
  userId: number;
  name: string;
  departmentName: string;
  /** Sponsors a displaced item: their dissent vetoes when the session gives sponsors a veto. */
  sponsorsDisplaced: boolean;
  response: SessionResponse | null;
  comment: string;
  at: string | null;
};

export type ChangeRequestDetail = {
  changeRequest: ChangeRequest;
  raisedBy: Person;
  decidedBy: Person | null;
  cycle: { id: number; name: string; capacityWeeks: number };
  incoming: {
    id: number;
    title: string;
    status: ItemStatus;
    weeks: number | null;
    requestor: Person;
    sponsor: Person | null;
  };
  displaced: {
    itemId: number;
    title: string;
    status: ItemStatus;
    action: 'out' | 'later';
    periodId: number | null;
    toPeriodId: number | null;
    sponsor: Person | null;
  }[];
  periods: PreviewPeriod[];
  /** The effect on today's schedule; null once the request is decided. */
  preview: Preview | null;
  conflicts: Conflict[];
  session:
    | (Pick<
        EmergencySession,
        'id' | 'mode' | 'status' | 'deadline' | 'quorum' | 'sponsorVeto' | 'convenedAt' | 'closedAt'
      > & {
        convenedBy: Person;
        deadlinePassed: boolean;
        ruleText: string;
      })
    | null;
  invitees: InviteeRow[];
  /** Rounds of responses before an amendment opened the current one, oldest first (from `cr.amended`). */
  earlierRounds: EarlierRound[];
  evaluation: RuleEvaluation | null;
  /** Whether the pm may approve now, and whether that would go against the rule. */
  gate: ApprovalGate | null;
  viewer: {
    mayRespond: boolean;
    myResponse: { response: SessionResponse; comment: string } | null;
    mayConvene: boolean;
    mayClose: boolean;
    mayApprove: boolean;
    mayDecline: boolean;
    mayWithdraw: boolean;
    /** The raiser, once a leader has dissented in the session deciding the request. */
    mayAmend: boolean;
  };
  log: Awaited<ReturnType<typeof listEventsForSubject>>;
};

const UNDECIDED = new Set(['open', 'in_session', 'needs_review']);

/** Who may follow a change request live: whoever may read it (without reading its schedule). */
export async function followChangeRequest(actor: ActingUser, changeRequestId: number): Promise<{ id: number }> {
  assertMayViewChanges(actor);
  return { id: (await loadChangeRequest(db, changeRequestId)).id };
}

export async function getChangeRequest(
  actor: ActingUser,
  changeRequestId: number,
  now = new Date(),
): Promise<ChangeRequestDetail> {
  assertMayViewChanges(actor);
  const cr = await loadChangeRequest(db, changeRequestId);
  const undecided = UNDECIDED.has(cr.status);
  // The whole schedule is read only while the effect still matters.
  const schedule = undecided ? await loadCurrentSchedule(db, cr.cycleId) : null;
  const cycle = schedule?.cycle ?? (await loadCycle(db, cr.cycleId));
  const periods = schedule?.periods ?? (await readPeriods(db, cr.cycleId));

  const itemIds = [cr.incomingItemId, ...cr.displaced.map((d) => d.itemId)];
  const rows = new Map(
    (
      await db
        .select({
          id: items.id,
          title: items.title,
          status: items.status,
          estimateSize: items.estimateSize,
          estimateWeeks: items.estimateWeeks,
          requestorId: items.requestorId,
          sponsorId: items.sponsorId,
          periodId: scheduleEntries.periodId,
        })
        .from(items)
        .leftJoin(scheduleEntries, eq(scheduleEntries.itemId, items.id))
        .where(inArray(items.id, itemIds))
    ).map((r) => [r.id, r]),
  );
  const incomingRow = rows.get(cr.incomingItemId)!;
  const displacedSponsors = cr.displaced.flatMap((d) => rows.get(d.itemId)?.sponsorId ?? []);

  const session = await sessionOf(db, cr.id);
  const invitedIds = session ? await inviteeIdsOf(db, session.id) : [];
  const responses = session ? await responsesOf(db, session.id) : [];
  const log = await listEventsForSubject('change_request', cr.id);
  const personIds = [
    ...earlierResponderIds(log),
    cr.raisedBy,
    cr.decidedBy,
    incomingRow.requestorId,
    incomingRow.sponsorId,
    session?.convenedBy,
    ...invitedIds,
    ...displacedSponsors,
  ].filter((id): id is number => typeof id === 'number');
  const people = new Map(
    (
      await db
        .select({ id: users.id, name: users.name, departmentName: departments.name })
        .from(users)
        .innerJoin(departments, eq(departments.id, users.departmentId))
        .where(inArray(users.id, personIds))
        .orderBy(asc(users.name))
    ).map((p) => [p.id, p]),
  );
  const person = (id: number | null | undefined): Person | null => {
    const p = id == null ? undefined : people.get(id);
    return p ? { id: p.id, name: p.name } : null;
  };

  const weeks = effectiveWeeks(incomingRow, cycle.sizeWeeks);
  const preview = schedule
    ? previewProposal(schedule.items, schedule.periods, cycle.capacityWeeks, {
        incoming: { id: cr.incomingItemId, title: incomingRow.title, weeks },
        incomingPosition: Math.min(cr.incomingPosition, schedule.items.length),
        incomingPeriodId: cr.incomingPeriodId,
        displaced: cr.displaced,
      })
    : null;

  const evaluation = session
    ? evaluateRule({
        invitedIds,
        responses,
        quorum: session.quorum,
        sponsorVeto: session.sponsorVeto,
        displacedSponsorIds: displacedSponsors,
      })
    : null;
  const gate = session && evaluation && undecided ? approvalGate(session, evaluation, now) : null;
  const byUser = new Map(responses.map((r) => [r.userId, r]));
  const sponsorSet = new Set(displacedSponsors);
  const invitees: InviteeRow[] = invitedIds
    .map((userId) => {
      const r = byUser.get(userId);
      return {
        userId,
        name: people.get(userId)?.name ?? `User #${userId}`,
        departmentName: people.get(userId)?.departmentName ?? '',
        sponsorsDisplaced: sponsorSet.has(userId),
        response: r?.response ?? null,
        comment: r?.comment ?? '',
        at: r?.at ?? null,
      };
    })
    .sort((a, b) => a.departmentName.localeCompare(b.departmentName) || a.name.localeCompare(b.name));

  const decide = can(actor, 'change.decide');
  const sessionOpen = session?.status === 'open' && cr.status === 'in_session';
  const mine = byUser.get(actor.id);
  return {
    changeRequest: cr,
    raisedBy: person(cr.raisedBy)!,
    decidedBy: person(cr.decidedBy),
    cycle: { id: cycle.id, name: cycle.name, capacityWeeks: cycle.capacityWeeks },
    incoming: {
      id: incomingRow.id,
      title: incomingRow.title,
      status: incomingRow.status,
      weeks,
      requestor: person(incomingRow.requestorId)!,
      sponsor: person(incomingRow.sponsorId),
    },
    displaced: cr.displaced.map((d) => {
      const row = rows.get(d.itemId);
      return {
        itemId: d.itemId,
        title: row?.title ?? `Item #${d.itemId}`,
        status: row?.status ?? 'withdrawn',
        action: d.action,
        periodId: row?.periodId ?? null,
        toPeriodId: d.toPeriodId ?? null,
        sponsor: person(row?.sponsorId),
      };
    }),
    periods,
    preview,
    conflicts: undecided ? findConflicts(cr, await pendingRequests(db), cr.id) : [],
    session: session
      ? {
          id: session.id,
          mode: session.mode,
          status: session.status,
          deadline: session.deadline,
          quorum: session.quorum,
          sponsorVeto: session.sponsorVeto,
          convenedAt: session.convenedAt,
          closedAt: session.closedAt,
          convenedBy: person(session.convenedBy)!,
          deadlinePassed: deadlinePassed(session, now),
          ruleText: ruleText({ quorum: session.quorum, invited: invitedIds.length, sponsorVeto: session.sponsorVeto }),
        }
      : null,
    invitees,
    earlierRounds: earlierRoundsOf(log, (id) => people.get(id)?.name ?? `User #${id}`),
    evaluation,
    gate,
    viewer: {
      mayRespond: sessionOpen && invitedIds.includes(actor.id) && !deadlinePassed(session!, now),
      myResponse: mine ? { response: mine.response, comment: mine.comment } : null,
      mayConvene: decide && (cr.status === 'open' || cr.status === 'needs_review'),
      mayClose: decide && sessionOpen && session!.mode === 'live',
      mayApprove: decide && undecided && cr.status !== 'needs_review' && gate !== null && gate.allowed,
      mayDecline: decide && undecided,
      mayWithdraw: (cr.raisedBy === actor.id || decide) && (cr.status === 'open' || cr.status === 'needs_review'),
      mayAmend:
        cr.raisedBy === actor.id &&
        can(actor, 'change.raise') &&
        cr.status === 'in_session' &&
        responses.some((r) => r.response === 'dissent'),
    },
    log,
  };
}
