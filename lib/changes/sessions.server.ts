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
import type { ActingUser } from '@/lib/auth/acting-user';

/**
 * Emergency sessions: the pm convenes one per change request, live or
 * asynchronous with a deadline; invited leaders assent or dissent (a dissent says why); a later
 * response replaces the earlier one, and every response stays in the request's event log.
 * The rule is fixed when the session is convened and shown up front (`ruleText`).
 */

export const DEFAULT_DEADLINE_HOURS = 48;
const HOUR = 3_600_000;

export const SESSION_CLOSED = 'This session is closed: responses are no longer taken.';

export function sessionOf(tx: Executor, changeRequestId: number): EmergencySession | undefined {
  return tx.select().from(emergencySessions).where(eq(emergencySessions.changeRequestId, changeRequestId)).get();
}

function loadSession(tx: Executor, sessionId: number): EmergencySession {
  const session = tx.select().from(emergencySessions).where(eq(emergencySessions.id, sessionId)).get();
  if (!session) throw new NotFoundError('This session');
  return session;
}

export const inviteeIdsOf = (tx: Executor, sessionId: number) =>
  tx
    .select({ userId: sessionInvitees.userId })
    .from(sessionInvitees)
    .where(eq(sessionInvitees.sessionId, sessionId))
    .orderBy(asc(sessionInvitees.userId))
    .all()
    .map((r) => r.userId);

export const responsesOf = (tx: Executor, sessionId: number) =>
  tx
    .select()
    .from(sessionResponses)
    .where(eq(sessionResponses.sessionId, sessionId))
    .orderBy(asc(sessionResponses.at))
    .all();

/** Sponsors of the items a request displaces: the people a sponsor veto belongs to. */
export function displacedSponsorIds(tx: Executor, cr: Pick<ChangeRequest, 'displaced'>): number[] {
  const ids = cr.displaced.map((d) => d.itemId);
  if (ids.length === 0) return [];
  return tx
    .select({ sponsorId: items.sponsorId })
    .from(items)
    .where(inArray(items.id, ids))
    .all()
    .flatMap((r) => (r.sponsorId === null ? [] : [r.sponsorId]));
}

export function evaluateSession(tx: Executor, cr: ChangeRequest, session: EmergencySession): RuleEvaluation {
  return evaluateRule({
    invitedIds: inviteeIdsOf(tx, session.id),
    responses: responsesOf(tx, session.id),
    quorum: session.quorum,
    sponsorVeto: session.sponsorVeto,
    displacedSponsorIds: displacedSponsorIds(tx, cr),
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
export function conveneSession(
  actor: ActingUser,
  changeRequestId: number,
  input: unknown,
  now = new Date(),
): EmergencySession {
  assertCan(actor, 'change.decide');
  const parsed = parseOrThrow(ConveneSchema, input);
  return changeTransaction((tx, emit) => {
    const cr = loadChangeRequest(tx, changeRequestId);
    if (cr.status === 'in_session') throw new ConflictError('A session is already convened for this change request.');
    if (cr.status !== 'open' && cr.status !== 'needs_review')
      throw new ConflictError(`This change request is already ${cr.status}.`);
    // Leaders should not be asked about a proposal that can no longer be applied; the pm declines it instead.
    recheckProposal(tx, cr);

    const inviteeIds = [...new Set(parsed.inviteeIds)].sort((a, b) => a - b);
    const leaders = new Set(
      tx
        .select({ id: users.id })
        .from(users)
        .where(and(inArray(users.id, inviteeIds), eq(users.role, 'leader'), eq(users.active, true)))
        .all()
        .map((u) => u.id),
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

    const previous = sessionOf(tx, cr.id);
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
      tx.delete(sessionResponses).where(eq(sessionResponses.sessionId, previous.id)).run();
      tx.delete(sessionInvitees).where(eq(sessionInvitees.sessionId, previous.id)).run();
      session = tx.update(emergencySessions).set(values).where(eq(emergencySessions.id, previous.id)).returning().get();
    } else {
      session = tx
        .insert(emergencySessions)
        .values({ ...values, changeRequestId: cr.id })
        .returning()
        .get();
    }
    tx.insert(sessionInvitees)
      .values(inviteeIds.map((userId) => ({ sessionId: session.id, userId })))
      .run();
    updateChangeRequest(tx, cr, { status: 'in_session' });
    const rule = ruleText({ quorum, invited: inviteeIds.length, sponsorVeto: parsed.sponsorVeto });
    emit(actor, cr.id, 'cr.session_convened', {
      sessionId: session.id,
      mode: parsed.mode,
      deadline,
      quorum,
      sponsorVeto: parsed.sponsorVeto,
      inviteeIds,
      rule,
      reconvened: Boolean(previous),
    });

    const cycle = loadCycle(tx, cr.cycleId);
    const when = deadline ? `Respond by ${formatMeetingTime(deadline)}.` : 'The session is live: join it now.';
    const heading = `Emergency session: "${cr.title}"`;
    notify(tx, {
      userIds: inviteeIds,
      kind: 'change.session_convened',
      title: heading,
      body: `${when} ${rule}`,
      link: changePath(cr.id),
      task: tasks.respondToChange(cr.id),
      email: () =>
        composeEmail({
          cycleName: cycle.name,
          heading,
          lines: [
            `Why now (${cr.urgency}): ${cr.whyNow}`,
            rule,
            when,
            'Assent or dissent with a comment; a dissent needs one.',
          ],
          action: { label: 'Open the change request', path: changePath(cr.id) },
        }),
    });
    return session;
  });
}

/** An invited leader's assent or dissent; a later response replaces the earlier one. */
export function respond(
  actor: ActingUser,
  sessionId: number,
  input: unknown,
  now = new Date(),
): { response: SessionResponse; comment: string; at: string; replaced: boolean } {
  return changeTransaction((tx, emit) => {
    const session = loadSession(tx, sessionId);
    if (!inviteeIdsOf(tx, sessionId).includes(actor.id))
      throw new ForbiddenError('Only the leaders invited to this session can respond.');
    const { response, comment } = parseOrThrow(RespondSchema, input);
    const cr = loadChangeRequest(tx, session.changeRequestId);
    if (session.status === 'closed') throw new ConflictError(SESSION_CLOSED);
    if (cr.status !== 'in_session')
      throw new ConflictError(`This change request is ${cr.status.replace('_', ' ')}: responses are no longer taken.`);
    if (deadlinePassed(session, now))
      throw new ConflictError(
        `The deadline (${formatMeetingTime(session.deadline!)}) has passed: responses are no longer taken.`,
      );

    const earlier = tx
      .select()
      .from(sessionResponses)
      .where(and(eq(sessionResponses.sessionId, sessionId), eq(sessionResponses.userId, actor.id)))
      .get();
    const at = now.toISOString();
    tx.insert(sessionResponses)
      .values({ sessionId, userId: actor.id, response, comment, at })
      .onConflictDoUpdate({
        target: [sessionResponses.sessionId, sessionResponses.userId],
        set: { response, comment, at },
      })
      .run();
    completeTask(tx, tasks.respondToChange(cr.id), actor.id, now);
    emit(actor, cr.id, 'cr.response', {
      sessionId,
      round: cr.round,
      userId: actor.id,
      response,
      comment,
      replaces: earlier ? { response: earlier.response, comment: earlier.comment, at: earlier.at } : null,
    });
    return { response, comment, at, replaced: Boolean(earlier) };
  });
}

/** The pm ends a live session: no more responses; the pm then approves or declines. */
export function closeSession(actor: ActingUser, sessionId: number, now = new Date()): RuleEvaluation {
  assertCan(actor, 'change.decide');
  return changeTransaction((tx, emit) => {
    const session = loadSession(tx, sessionId);
    if (session.mode !== 'live') throw new ConflictError('An asynchronous session closes at its deadline.');
    if (session.status === 'closed') throw new ConflictError('This session is already closed.');
    tx.update(emergencySessions)
      .set({ status: 'closed', closedAt: now.toISOString() })
      .where(eq(emergencySessions.id, sessionId))
      .run();
    const cr = loadChangeRequest(tx, session.changeRequestId);
    const evaluation = evaluateSession(tx, cr, session);
    emit(actor, cr.id, 'cr.session_closed', {
      sessionId,
      ruleMet: evaluation.met,
      explanation: evaluation.explanation,
    });
    return evaluation;
  });
}
