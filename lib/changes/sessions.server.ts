import 'server-only';
import { and, asc, eq, inArray } from 'drizzle-orm';
import {
  emergencySessions,
  items,
  sessionInvitees,
  sessionResponses,
  users,
  type ChangeRequest,
  type EmergencySession,
  type SessionResponse,
} from '@/db/schema';
import { assertCan } from '@/lib/auth/permissions';
import { loadCycle } from '@/lib/backlog/list.server';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@/lib/errors';
import type { Executor } from '@/lib/events/log.server';
import { formatMeetingTime } from '@/lib/meetings/format';
import { composeEmail } from '@/lib/notifications/email.server';
import { notify } from '@/lib/notifications/notify.server';
import { completeTask, tasks } from '@/lib/notifications/tasks.server';
import { parseOrThrow } from '@/lib/validation';
import { recheckProposal } from './apply.server';
import { changePath, changeTransaction, loadChangeRequest, updateChangeRequest } from './common.server';
import { deadlinePassed, defaultQuorum, evaluateRule, ruleText, type RuleEvaluation } from './rule';
import { ConveneSchema, RespondSchema } from './schema';
import { alertResponse } from './pm-alerts.server';
import type { ActingUser } from '@/lib/auth/acting-user';
import { first } from '@/db/rows';

/**
 * Emergency sessions: the pm convenes one per change request, live or
 * asynchronous with a deadline; invited leaders assent or dissent (a dissent says why); a later
 * response replaces the earlier one, and every response stays in the request's event log.
 * The rule is fixed when the session is convened and shown up front (`ruleText`).
 */

export const DEFAULT_DEADLINE_HOURS = 48;
const HOUR = 3_600_000;

export const SESSION_CLOSED = 'This session is closed: responses are no longer taken.';

export async function sessionOf(tx: Executor, changeRequestId: number): Promise<EmergencySession | undefined> {
  return first(await tx.select().from(emergencySessions).where(eq(emergencySessions.changeRequestId, changeRequestId)));
}

async function loadSession(tx: Executor, sessionId: number): Promise<EmergencySession> {
  const session = first(await tx.select().from(emergencySessions).where(eq(emergencySessions.id, sessionId)));
  if (!session) throw new NotFoundError('This session');
  return session;
}

export const inviteeIdsOf = async (tx: Executor, sessionId: number) =>
  (
    await tx
      .select({ userId: sessionInvitees.userId })
      .from(sessionInvitees)
      .where(eq(sessionInvitees.sessionId, sessionId))
      .orderBy(asc(sessionInvitees.userId))
  ).map((r) => r.userId);

export const responsesOf = async (tx: Executor, sessionId: number) =>
  tx.select().from(sessionResponses).where(eq(sessionResponses.sessionId, sessionId)).orderBy(asc(sessionResponses.at));

/** Sponsors of the items a request displaces: the people a sponsor veto belongs to. */
export async function displacedSponsorIds(tx: Executor, cr: Pick<ChangeRequest, 'displaced'>): Promise<number[]> {
  const ids = cr.displaced.map((d) => d.itemId);
  if (ids.length === 0) return [];
  return (await tx.select({ sponsorId: items.sponsorId }).from(items).where(inArray(items.id, ids))).flatMap((r) =>
    r.sponsorId === null ? [] : [r.sponsorId],
  );
}

export async function evaluateSession(
  tx: Executor,
  cr: ChangeRequest,
  session: EmergencySession,
): Promise<RuleEvaluation> {
  return evaluateRule({
    invitedIds: await inviteeIdsOf(tx, session.id),
    responses: await responsesOf(tx, session.id),
    quorum: session.quorum,
    sponsorVeto: session.sponsorVeto,
    displacedSponsorIds: await displacedSponsorIds(tx, cr),
  });
}

function refuse(field: string, message: string): never {
  throw new ValidationError({ [field]: [message] }, message);
}

/**
 * Convenes the session of an open change request (or re-convenes one that needs review after
 * another request was approved: its earlier responses were given on a schedule that has since
 * changed, so the round starts afresh; they stay in the log). Invitees are told at once.
 */
export async function conveneSession(
  actor: ActingUser,
  changeRequestId: number,
  input: unknown,
  now = new Date(),
): Promise<EmergencySession> {
  assertCan(actor, 'change.decide');
  const parsed = parseOrThrow(ConveneSchema, input);
  return changeTransaction(async (tx, emit) => {
    const cr = await loadChangeRequest(tx, changeRequestId);
    if (cr.status === 'in_session') throw new ConflictError('A session is already convened for this change request.');
    if (cr.status !== 'open' && cr.status !== 'needs_review')
      throw new ConflictError(`This change request is already ${cr.status}.`);
    // Leaders should not be asked about a proposal that can no longer be applied; the pm declines it instead.
    await recheckProposal(tx, cr);

    const inviteeIds = [...new Set(parsed.inviteeIds)].sort((a, b) => a - b);
    const leaders = new Set(
      (
        await tx
          .select({ id: users.id })
          .from(users)
          .where(and(inArray(users.id, inviteeIds), eq(users.role, 'leader'), eq(users.active, true)))
      ).map((u) => u.id),
    );
    if (inviteeIds.some((id) => !leaders.has(id))) refuse('inviteeIds', 'Only active leaders can be invited.');
    const quorum = parsed.quorum ?? defaultQuorum(inviteeIds.length);
    if (quorum > inviteeIds.length)
      refuse('quorum', `The quorum cannot be more than the ${inviteeIds.length} invited leaders.`);
    let deadline: string | null = null;
    if (parsed.mode === 'async') {
      const at = parsed.deadline ?? new Date(now.getTime() + DEFAULT_DEADLINE_HOURS * HOUR);
      if (at.getTime() <= now.getTime()) refuse('deadline', 'The deadline is in the past: choose a time after now.');
      deadline = at.toISOString();
    }

    const previous = await sessionOf(tx, cr.id);
    const values = {
      mode: parsed.mode,
      status: 'open' as const,
      deadline,
      quorum,
      sponsorVeto: parsed.sponsorVeto,
      convenedBy: actor.id,
      convenedAt: now.toISOString(),
      closedAt: null,
    };
    let session: EmergencySession;
    if (previous) {
      // One session per request (unique index): a re-convened round reuses the row with a fresh list.
      await tx.delete(sessionResponses).where(eq(sessionResponses.sessionId, previous.id));
      await tx.delete(sessionInvitees).where(eq(sessionInvitees.sessionId, previous.id));
      session = (
        await tx.update(emergencySessions).set(values).where(eq(emergencySessions.id, previous.id)).returning()
      )[0];
    } else {
      session = (
        await tx
          .insert(emergencySessions)
          .values({ ...values, changeRequestId: cr.id })
          .returning()
      )[0];
    }
    await tx.insert(sessionInvitees).values(inviteeIds.map((userId) => ({ sessionId: session.id, userId })));
    await updateChangeRequest(tx, cr, { status: 'in_session' });
    const rule = ruleText({ quorum, invited: inviteeIds.length, sponsorVeto: parsed.sponsorVeto });
    await emit(actor, cr.id, 'cr.session_convened', {
      sessionId: session.id,
      mode: parsed.mode,
      deadline,
      quorum,
      sponsorVeto: parsed.sponsorVeto,
      inviteeIds,
      rule,
      reconvened: Boolean(previous),
    });

    const cycle = await loadCycle(tx, cr.cycleId);
    // In each invitee's chosen zone (UTC when they chose none).
    const when = (r: { timeZone: string | null }) =>
      deadline
        ? `Respond by ${formatMeetingTime(deadline, r.timeZone ?? 'UTC')}.`
        : 'The session is live: join it now.';
    const heading = `Emergency session: "${cr.title}"`;
    await notify(tx, {
      userIds: inviteeIds,
      kind: 'change.session_convened',
      title: heading,
      body: (r) => `${when(r)} ${rule}`,
      link: changePath(cr.id),
      task: tasks.respondToChange(cr.id),
      email: (r) =>
        composeEmail({
          cycleName: cycle.name,
          heading,
          lines: [
            `Why now (${cr.urgency}): ${cr.whyNow}`,
            rule,
            when(r),
            'Assent or dissent with a comment; a dissent needs one.',
          ],
          action: { label: 'Open the change request', path: changePath(cr.id) },
        }),
    });
    return session;
  });
}

/** An invited leader's assent or dissent; a later response replaces the earlier one. */
export async function respond(
  actor: ActingUser,
  sessionId: number,
  input: unknown,
  now = new Date(),
): Promise<{ response: SessionResponse; comment: string; at: string; replaced: boolean }> {
  return changeTransaction(async (tx, emit) => {
    const session = await loadSession(tx, sessionId);
    if (!(await inviteeIdsOf(tx, sessionId)).includes(actor.id))
      throw new ForbiddenError('Only the leaders invited to this session can respond.');
    const { response, comment } = parseOrThrow(RespondSchema, input);
    const cr = await loadChangeRequest(tx, session.changeRequestId);
    if (session.status === 'closed') throw new ConflictError(SESSION_CLOSED);
    if (cr.status !== 'in_session')
      throw new ConflictError(`This change request is ${cr.status.replace('_', ' ')}: responses are no longer taken.`);
    if (deadlinePassed(session, now))
      throw new ConflictError(
        `The deadline (${formatMeetingTime(session.deadline!, actor.timeZone ?? undefined)}) has passed: responses are no longer taken.`,
      );

    const earlier = first(
      await tx
        .select()
        .from(sessionResponses)
        .where(and(eq(sessionResponses.sessionId, sessionId), eq(sessionResponses.userId, actor.id))),
    );
    const at = now.toISOString();
    await tx
      .insert(sessionResponses)
      .values({ sessionId, userId: actor.id, response, comment, at })
      .onConflictDoUpdate({
        target: [sessionResponses.sessionId, sessionResponses.userId],
        set: { response, comment, at },
      });
    await completeTask(tx, tasks.respondToChange(cr.id), actor.id, now);
    await emit(actor, cr.id, 'cr.response', {
      sessionId,
      round: cr.round,
      userId: actor.id,
      response,
      comment,
      replaces: earlier ? { response: earlier.response, comment: earlier.comment, at: earlier.at } : null,
    });
    await alertResponse(tx, actor, cr, session, { response, comment }, await evaluateSession(tx, cr, session));
    return { response, comment, at, replaced: Boolean(earlier) };
  });
}

/** The pm ends a live session: no more responses; the pm then approves or declines. */
export async function closeSession(actor: ActingUser, sessionId: number, now = new Date()): Promise<RuleEvaluation> {
  assertCan(actor, 'change.decide');
  return changeTransaction(async (tx, emit) => {
    const session = await loadSession(tx, sessionId);
    if (session.mode !== 'live') throw new ConflictError('An asynchronous session closes at its deadline.');
    if (session.status === 'closed') throw new ConflictError('This session is already closed.');
    await tx
      .update(emergencySessions)
      .set({ status: 'closed', closedAt: now.toISOString() })
      .where(eq(emergencySessions.id, sessionId));
    const cr = await loadChangeRequest(tx, session.changeRequestId);
    const evaluation = await evaluateSession(tx, cr, session);
    await emit(actor, cr.id, 'cr.session_closed', {
      sessionId,
      ruleMet: evaluation.met,
      explanation: evaluation.explanation,
    });
    return evaluation;
  });
}
