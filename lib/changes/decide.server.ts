import 'server-only';
import { and, eq } from 'drizzle-orm';
import { meetingAttendees, meetings, type ChangeRequest } from '@/db/schema';
import { assertCan } from '@/lib/auth/permissions';
import { loadCycle } from '@/lib/backlog/list.server';
import { ConflictError, ValidationError } from '@/lib/errors';
import type { Executor } from '@/lib/events/log.server';
import { composeEmail } from '@/lib/notifications/email.server';
import { notify } from '@/lib/notifications/notify.server';
import { parseOrThrow } from '@/lib/validation';
import { applyProposal, type AppliedChange } from './apply.server';
import { changePath, changeTransaction, loadChangeRequest, updateChangeRequest } from './common.server';
import { noticeLinks } from './notice-links.server';
import { findConflicts, pendingRequests } from './conflicts.server';
import { closeOpenSession, releaseIncoming } from '@/lib/changes/withdraw.server';
import { approvalGate } from './rule';
import { readPeriods } from './schedule-read.server';
import { ApproveSchema, ReasonSchema } from './schema';
import { evaluateSession, inviteeIdsOf, sessionOf } from './sessions.server';
import type { ActingUser } from '@/lib/auth/acting-user';

/**
 * The pm's decision on a change request. Approving applies the proposal to the
 * schedule, marks every other undecided request that touches the same items as needing review,
 * closes the session and tells everyone affected — all in one transaction. Declining closes the
 * request with the reason. A request is decided once: a second decision is refused.
 */

export const NEEDS_REVIEW =
  'Another approved change moved the same items: convene the session again so the leaders decide on the schedule as it is now.';
export const JUSTIFICATION_NEEDED = 'Approving against the rule needs a written justification.';

function assertUndecided(cr: ChangeRequest): void {
  if (cr.status === 'approved' || cr.status === 'declined' || cr.status === 'withdrawn') {
    throw new ConflictError(`This change request is already ${cr.status}.`);
  }
}

/** Everyone who takes part in the cycle's decisions: attendees of its regular meetings. */
async function cycleAttendeeIds(tx: Executor, cycleId: number): Promise<number[]> {
  return (
    await tx
      .selectDistinct({ userId: meetingAttendees.userId })
      .from(meetingAttendees)
      .innerJoin(meetings, eq(meetings.id, meetingAttendees.meetingId))
      .where(and(eq(meetings.cycleId, cycleId), eq(meetings.kind, 'regular')))
  ).map((r) => r.userId);
}

type Notice = {
  heading: string;
  common: string[];
  recipients: Iterable<number>;
  personal?: Map<number, string[]>;
  applied?: AppliedChange[];
};

/**
 * One notification per person (kind 'change.decided'): people with a line of their own (an item of
 * theirs moved) get it first, then what everyone is told, each linked to what they may open
 * (noticeLinks). The deciding pm is not told their own act.
 */
async function tell(tx: Executor, actor: ActingUser, cr: ChangeRequest, notice: Notice): Promise<number[]> {
  const cycle = await loadCycle(tx, cr.cycleId);
  const people = new Set(notice.recipients);
  for (const id of notice.personal?.keys() ?? []) people.add(id);
  people.delete(actor.id);
  const links = await noticeLinks(tx, cr, [...people], notice.applied);
  const groups = new Map<string, { lines: string[]; link: string; userIds: number[] }>();
  for (const userId of people) {
    const lines = [...(notice.personal?.get(userId) ?? []), ...notice.common];
    const link = links.get(userId) ?? changePath(cr.id);
    const key = `${link}\n${lines.join('\n')}`;
    const group = groups.get(key) ?? groups.set(key, { lines, link, userIds: [] }).get(key)!;
    group.userIds.push(userId);
  }
  for (const { lines, link, userIds } of groups.values()) {
    await notify(tx, {
      userIds,
      kind: 'change.decided',
      title: notice.heading,
      body: lines.join(' '),
      link,
      email: () =>
        composeEmail({
          cycleName: cycle.name,
          heading: notice.heading,
          lines,
          action: { label: link === changePath(cr.id) ? 'Open the change request' : 'Open Quorum', path: link },
        }),
    });
  }
  return [...people].sort((a, b) => a - b);
}

/** What each requestor and sponsor of a moved item is told about it. */
function personalLines(applied: AppliedChange[], periodName: (id: number | null) => string): Map<number, string[]> {
  const lines = new Map<number, string[]>();
  for (const change of applied) {
    const line =
      change.action === 'in'
        ? `"${change.title}" comes into the schedule (${periodName(change.toPeriodId)}).`
        : change.action === 'out'
          ? `"${change.title}" moves out of the schedule: it is deferred.`
          : `"${change.title}" moves later, to ${periodName(change.toPeriodId)}.`;
    for (const userId of new Set([change.requestorId, change.sponsorId])) {
      if (userId !== null) lines.set(userId, [...(lines.get(userId) ?? []), line]);
    }
  }
  return lines;
}

export type ApproveResult = {
  changeRequest: ChangeRequest;
  ruleMet: boolean;
  applied: AppliedChange[];
  /** Other requests now marked as needing review. */
  needsReview: number[];
  /** Who was notified. */
  notified: number[];
};

export async function approveChangeRequest(
  actor: ActingUser,
  changeRequestId: number,
  input: unknown = {},
  now = new Date(),
): Promise<ApproveResult> {
  assertCan(actor, 'change.decide');
  const { justification } = parseOrThrow(ApproveSchema, input ?? {});
  return changeTransaction(async (tx, emit) => {
    const cr = await loadChangeRequest(tx, changeRequestId);
    assertUndecided(cr);
    // The leaders answered about a schedule that another approved change has since altered.
    if (cr.status === 'needs_review') throw new ConflictError(NEEDS_REVIEW);
    const session = await sessionOf(tx, cr.id);
    if (!session) throw new ConflictError('Convene an emergency session before deciding on this change request.');
    const evaluation = await evaluateSession(tx, cr, session);
    const gate = approvalGate(session, evaluation, now);
    if (!gate.allowed) throw new ConflictError(gate.message);
    if (gate.againstRule && !justification)
      throw new ValidationError({ justification: [JUSTIFICATION_NEEDED] }, JUSTIFICATION_NEEDED);

    const applied = await applyProposal(tx, actor, cr);
    const after = await updateChangeRequest(tx, cr, {
      status: 'approved',
      decidedAt: now.toISOString(),
      decidedBy: actor.id,
      ruleMet: evaluation.met,
      decisionNote: justification || null,
    });
    await closeOpenSession(tx, cr, now);

    const others = (await pendingRequests(tx)).filter(
      (other) => other.status === 'open' || other.status === 'in_session',
    );
    const needsReview = findConflicts(cr, others, cr.id);
    for (const conflict of needsReview) {
      await updateChangeRequest(tx, await loadChangeRequest(tx, conflict.changeRequestId), { status: 'needs_review' });
      await emit(actor, conflict.changeRequestId, 'cr.needs_review', {
        causedBy: cr.id,
        causedByTitle: cr.title,
        itemIds: conflict.itemIds,
      });
    }

    const periods = new Map((await readPeriods(tx, cr.cycleId)).map((p) => [p.id, p.name]));
    const common = [`Why now: ${cr.whyNow}`];
    if (!evaluation.met)
      common.push(`Approved against the rule (${evaluation.explanation}) Justification: ${justification}`);
    const notified = await tell(tx, actor, cr, {
      heading: `Change request approved: "${cr.title}"`,
      common,
      recipients: [...(await cycleAttendeeIds(tx, cr.cycleId)), ...(await inviteeIdsOf(tx, session.id)), cr.raisedBy],
      applied,
      personal: personalLines(applied, (id) => (id === null ? 'no period yet' : (periods.get(id) ?? 'a period'))),
    });
    await emit(actor, cr.id, 'cr.approved', {
      ruleMet: evaluation.met,
      explanation: evaluation.explanation,
      justification: justification || null,
      applied: applied.map(({ itemId, action, fromPeriodId, toPeriodId }) => ({
        itemId,
        action,
        fromPeriodId,
        toPeriodId,
      })),
      needsReview: needsReview.map((c) => c.changeRequestId),
      notified,
    });
    return {
      changeRequest: after,
      ruleMet: evaluation.met,
      applied,
      needsReview: needsReview.map((c) => c.changeRequestId),
      notified,
    };
  });
}

export async function declineChangeRequest(
  actor: ActingUser,
  changeRequestId: number,
  input: unknown,
  now = new Date(),
): Promise<ChangeRequest> {
  assertCan(actor, 'change.decide');
  const { reason } = parseOrThrow(ReasonSchema, input ?? {});
  return changeTransaction(async (tx, emit) => {
    const cr = await loadChangeRequest(tx, changeRequestId);
    assertUndecided(cr);
    const session = await sessionOf(tx, cr.id);
    const ruleMet = session ? (await evaluateSession(tx, cr, session)).met : null;
    const after = await updateChangeRequest(tx, cr, {
      status: 'declined',
      decidedAt: now.toISOString(),
      decidedBy: actor.id,
      ruleMet,
      decisionNote: reason,
    });
    await closeOpenSession(tx, cr, now);
    await releaseIncoming(tx, actor, cr, `Change request "${cr.title}" was declined: ${reason}`);
    const notified = await tell(tx, actor, cr, {
      heading: `Change request declined: "${cr.title}"`,
      common: [`Reason: ${reason}`],
      recipients: [...(session ? await inviteeIdsOf(tx, session.id) : []), cr.raisedBy],
    });
    await emit(actor, cr.id, 'cr.declined', { reason, ruleMet, notified });
    return after;
  });
}
