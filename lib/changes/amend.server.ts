import 'server-only';
import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { emergencySessions, items, sessionResponses, type ChangeRequest, type Displacement } from '@/db/schema';
import { assertCan } from '@/lib/auth/permissions';
import { effectiveWeeks } from '@/lib/estimates/estimates';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, type FieldErrors } from '@/lib/errors';
import type { Executor } from '@/lib/events/log.server';
import { loadCycle } from '@/lib/backlog/list.server';
import { formatMeetingTime } from '@/lib/meetings/format';
import { composeEmail } from '@/lib/notifications/email.server';
import { notify } from '@/lib/notifications/notify.server';
import { tasks } from '@/lib/notifications/tasks.server';
import { fieldErrorsOf } from '@/lib/validation';
import { changePath, changeTransaction, loadChangeRequest, updateChangeRequest } from './common.server';
import { findConflicts, pendingRequests } from './conflicts.server';
import { raiseFormOptions, type RaiseFormOptions } from './form-options.server';
import { previewProposal } from './preview';
import { confirmedOverruns } from './capacity';
import type { ChangePreview } from './requests.server';
import { loadCurrentSchedule } from './schedule-read.server';
import type { FlatValues } from './raise-input';
import { ProposalSchema } from './schema';
import { DEFAULT_DEADLINE_HOURS, inviteeIdsOf, responsesOf, sessionOf } from './sessions.server';
import type { ActingUser } from '@/lib/auth/acting-user';
import { first } from '@/db/rows';

/**
 * The raiser amends a change request after a leader dissented, instead of having it declined and
 * raising another. What comes in stays; where it goes, what makes room, why now and how urgent may
 * change. An amendment opens a new round: the earlier round's responses leave the session (the
 * rule counts this round only) but stay on the record, in the `cr.amended` event that the page
 * shows as the earlier round; the session takes responses again and the invited leaders are asked
 * to respond anew.
 */

const HOUR = 3_600_000;

export const AMEND_NEEDS_DISSENT = 'A change request can be amended once a leader has dissented in its session.';

/** The proposal without its incoming item: an amendment keeps what comes in. */
export const AmendSchema = ProposalSchema.omit({ incomingItemId: true });
const ShapeSchema = AmendSchema.pick({ incomingPosition: true, incomingPeriodId: true, displaced: true });

/** Who may amend: the raiser, while a session decides the request and someone has dissented. */
async function assertMayAmend(tx: Executor, actor: ActingUser, cr: ChangeRequest) {
  if (cr.raisedBy !== actor.id) throw new ForbiddenError('Only the person who raised a change request can amend it.');
  const session = await sessionOf(tx, cr.id);
  if (cr.status !== 'in_session' || !session) {
    throw new ConflictError(
      cr.status === 'open' || cr.status === 'needs_review'
        ? AMEND_NEEDS_DISSENT
        : `This change request is ${cr.status}.`,
    );
  }
  const responses = await responsesOf(tx, session.id);
  if (!responses.some((r) => r.response === 'dissent')) throw new ConflictError(AMEND_NEEDS_DISSENT);
  return { session, responses };
}

/** The amended proposal against today's schedule: its effect, conflicts and every field's refusal. */
async function evaluateAmendment(tx: Executor, cr: ChangeRequest, input: unknown) {
  const raw = input && typeof input === 'object' ? input : {};
  const parsed = AmendSchema.safeParse(raw);
  const shape = ShapeSchema.safeParse(raw);
  const errors: FieldErrors = parsed.success ? {} : fieldErrorsOf(parsed.error);
  if (!shape.success) return { proposal: null, effect: null, conflicts: [], errors };
  const schedule = await loadCurrentSchedule(tx, cr.cycleId);
  const item = first(await tx.select().from(items).where(eq(items.id, cr.incomingItemId)));
  if (!item) throw new NotFoundError('The item this change request brings in');
  const incoming = { id: item.id, title: item.title, weeks: effectiveWeeks(item, schedule.cycle.sizeWeeks) };
  const effect = previewProposal(schedule.items, schedule.periods, schedule.cycle.capacityWeeks, {
    ...shape.data,
    incoming,
  });
  for (const [field, messages] of Object.entries(effect.errors)) (errors[field] ??= []).push(...messages);
  const conflicts = findConflicts(
    { incomingItemId: item.id, displaced: shape.data.displaced },
    await pendingRequests(tx),
    cr.id,
  );
  return { proposal: parsed.success ? parsed.data : null, effect, conflicts, errors };
}

export type AmendmentForm = {
  changeRequest: { id: number; title: string; round: number; cycleId: number };
  incoming: { id: number; title: string };
  /** Why the request cannot be amended now (the form is not offered); null when it can. */
  refusal: string | null;
  options: RaiseFormOptions | null;
  /** The request as it stands, in the raise form's flat fields (the over-capacity tick is given anew). */
  initial: FlatValues;
};

/** The amend page: the request's current proposal to start from. 403 for anyone but the raiser. */
export async function getAmendmentForm(
  actor: ActingUser,
  changeRequestId: number,
  now = new Date(),
): Promise<AmendmentForm> {
  assertCan(actor, 'change.raise');
  const cr = await loadChangeRequest(db, changeRequestId);
  const incomingTitle = first(
    await db.select({ title: items.title }).from(items).where(eq(items.id, cr.incomingItemId)),
  )?.title;
  const base = {
    changeRequest: { id: cr.id, title: cr.title, round: cr.round, cycleId: cr.cycleId },
    incoming: { id: cr.incomingItemId, title: incomingTitle ?? cr.title },
  };
  try {
    await assertMayAmend(db, actor, cr);
  } catch (error) {
    if (error instanceof ConflictError) return { ...base, refusal: error.message, options: null, initial: {} };
    throw error;
  }
  const options = await raiseFormOptions(actor, cr.cycleId, now);
  const initial: FlatValues = {
    incomingPosition: String(Math.min(cr.incomingPosition, options.schedule.length)),
    incomingPeriodId: cr.incomingPeriodId === null ? '' : String(cr.incomingPeriodId),
    whyNow: cr.whyNow,
    urgency: cr.urgency,
  };
  for (const d of cr.displaced) {
    initial[`change-${d.itemId}`] = d.action;
    if (d.action === 'later' && d.toPeriodId != null) initial[`later-${d.itemId}`] = String(d.toPeriodId);
  }
  return { ...base, refusal: null, options, initial };
}

/** The effect of an amendment before it is sent; writes nothing and answers bad input with its errors. */
export async function previewAmendment(
  actor: ActingUser,
  changeRequestId: number,
  input: unknown,
): Promise<ChangePreview> {
  assertCan(actor, 'change.raise');
  const cr = await loadChangeRequest(db, changeRequestId);
  await assertMayAmend(db, actor, cr);
  const { effect, conflicts, errors } = await evaluateAmendment(db, cr, input);
  return { effect, conflicts, errors };
}

export async function amendChangeRequest(
  actor: ActingUser,
  changeRequestId: number,
  input: unknown,
  now = new Date(),
): Promise<ChangeRequest> {
  assertCan(actor, 'change.raise');
  return changeTransaction(async (tx, emit) => {
    const cr = await loadChangeRequest(tx, changeRequestId);
    const { session, responses } = await assertMayAmend(tx, actor, cr);
    const { proposal, effect, errors } = await evaluateAmendment(tx, cr, input);
    const overCapacity = effect ? confirmedOverruns(effect, proposal, errors) : null;
    if (Object.keys(errors).length || !proposal) throw new ValidationError(errors);

    const displaced: Displacement[] = proposal.displaced.map((d) =>
      d.action === 'out'
        ? { itemId: d.itemId, action: 'out' }
        : { itemId: d.itemId, action: 'later', toPeriodId: d.toPeriodId ?? null },
    );
    const proposalOf = (r: Pick<ChangeRequest, 'whyNow' | 'urgency' | 'incomingPosition' | 'incomingPeriodId'>) => ({
      whyNow: r.whyNow,
      urgency: r.urgency,
      incomingPosition: r.incomingPosition,
      incomingPeriodId: r.incomingPeriodId,
    });
    const after = await updateChangeRequest(tx, cr, {
      whyNow: proposal.whyNow,
      urgency: proposal.urgency,
      incomingPosition: proposal.incomingPosition,
      incomingPeriodId: proposal.incomingPeriodId,
      displaced,
      overCapacity,
      round: cr.round + 1,
    });

    // The new round: this round's responses only count; a closed session opens again, and an
    // asynchronous one gives the leaders at least the usual time to answer the amended request.
    await tx.delete(sessionResponses).where(eq(sessionResponses.sessionId, session.id));
    const fresh = new Date(now.getTime() + DEFAULT_DEADLINE_HOURS * HOUR).toISOString();
    const deadline =
      session.mode === 'async' ? (session.deadline && session.deadline > fresh ? session.deadline : fresh) : null;
    await tx
      .update(emergencySessions)
      .set({ status: 'open', closedAt: null, deadline })
      .where(eq(emergencySessions.id, session.id));

    await emit(actor, cr.id, 'cr.amended', {
      round: after.round,
      before: { ...proposalOf(cr), displaced: cr.displaced, overCapacity: cr.overCapacity },
      after: { ...proposalOf(after), displaced, overCapacity },
      earlierResponses: responses.map(({ userId, response, comment, at }) => ({ userId, response, comment, at })),
      deadline,
    });

    const inviteeIds = await inviteeIdsOf(tx, session.id);
    const cycle = await loadCycle(tx, cr.cycleId);
    const heading = `Change request amended: "${cr.title}"`;
    // In each recipient's chosen zone (UTC when they chose none).
    const when = (r: { timeZone: string | null }) =>
      deadline
        ? `Respond by ${formatMeetingTime(deadline, r.timeZone ?? 'UTC')}.`
        : 'The session is live: respond now.';
    await notify(tx, {
      userIds: [...inviteeIds, session.convenedBy].filter((id) => id !== actor.id),
      kind: 'change.session_convened',
      title: heading,
      body: (r) =>
        `${actor.name} amended it after a dissent. Round ${after.round}: respond again; earlier responses stay on record. ${when(r)}`,
      link: changePath(cr.id),
      task: tasks.respondToChange(cr.id),
      email: (r) =>
        composeEmail({
          cycleName: cycle.name,
          heading,
          lines: [
            `${actor.name} amended the change request after a dissent; round ${after.round} of responses is open.`,
            `Why now (${after.urgency}): ${after.whyNow}`,
            'Your earlier response stays on record, but only this round counts: respond again.',
            when(r),
          ],
          action: { label: 'Open the change request', path: changePath(cr.id) },
        }),
    });
    return after;
  });
}
