import 'server-only';
import { and, desc, eq, type SQL } from 'drizzle-orm';
import { db } from '@/db/client';
import {
  changeRequests,
  cycles,
  emergencySessions,
  events,
  itemModules,
  items,
  users,
  type ChangeRequest,
  type Cycle,
  type Displacement,
} from '@/db/schema';
import { assertCan, can } from '@/lib/auth/permissions';
import { effectiveWeeks } from '@/lib/backlog/estimates';
import { ItemFieldsSchema, type ItemFields } from '@/lib/backlog/item-schema';
import { STATUS_LABEL } from '@/lib/backlog/labels';
import { checkReferences } from '@/lib/backlog/references.server';
import { ConflictError, ForbiddenError, ValidationError, type FieldErrors } from '@/lib/errors';
import { logEvent, type Executor } from '@/lib/events/log.server';
import { fieldErrorsOf, parseOrThrow } from '@/lib/validation';
import { logItemChange, writeItem } from './apply.server';
import { assertMayViewChanges, changeTransaction, loadChangeRequest, updateChangeRequest } from './common.server';
import { findConflicts, pendingRequests, type Conflict } from './conflicts.server';
import { previewProposal, type Preview, type Proposal } from './preview';
import { loadCurrentSchedule } from './schedule-read.server';
import { ProposalSchema, WithdrawSchema, type ProposalInput } from './schema';
import { sessionOf } from './sessions.server';
import type { ActingUser } from '@/lib/auth/acting-user';

export { getChangeRequest, type ChangeRequestDetail } from './details.server';

/**
 * Raising a change request, and the list of them. What comes in is either
 * a deferred item (of any cycle; it moves into this cycle when the request is approved) or a new
 * item, created with the request as `curated` in the cycle: visible in the backlog, but out of the
 * schedule until the request is approved. A declined or withdrawn request defers the item it
 * created, so it can come back later.
 */

const ShapeSchema = ProposalSchema.pick({
  incomingItemId: true,
  incomingPosition: true,
  incomingPeriodId: true,
  displaced: true,
});

type Parsed = {
  shape: Pick<ProposalInput, keyof typeof ShapeSchema.shape> | null;
  proposal: ProposalInput | null;
  fields: ItemFields | null;
  errors: FieldErrors;
};

/** Both halves of the form at once, so every field's message comes back in one answer. */
function parseRaise(actor: ActingUser, input: unknown): Parsed {
  const raw = (input && typeof input === 'object' ? input : {}) as Record<string, unknown>;
  const shape = ShapeSchema.safeParse(raw);
  const proposal = ProposalSchema.safeParse(raw);
  const errors: FieldErrors = proposal.success ? {} : fieldErrorsOf(proposal.error);
  if (shape.success && shape.data.incomingItemId !== null)
    return { shape: shape.data, proposal: proposal.data ?? null, fields: null, errors };
  // A new item: its requestor is the raiser unless the form names someone, its department theirs.
  const blank = (v: unknown) => v === undefined || v === null || v === '';
  const fields = ItemFieldsSchema.safeParse({
    ...raw,
    requestorId: blank(raw.requestorId) ? actor.id : raw.requestorId,
    departmentId: blank(raw.departmentId) ? actor.departmentId : raw.departmentId,
  });
  if (!fields.success) Object.assign(errors, fieldErrorsOf(fields.error));
  return {
    shape: shape.success ? shape.data : null,
    proposal: proposal.data ?? null,
    fields: fields.data ?? null,
    errors,
  };
}

/** What comes in, as the preview shows it; refusals as field errors. */
function resolveIncoming(
  tx: Executor,
  cycle: Cycle,
  incomingItemId: number | null,
  fields: ItemFields | null,
  rawTitle: unknown,
) {
  const errors: FieldErrors = {};
  if (incomingItemId === null) {
    const title = fields?.title ?? (typeof rawTitle === 'string' && rawTitle.trim() ? rawTitle.trim() : 'New item');
    const weeks = fields ? effectiveWeeks(fields.estimate, cycle.sizeWeeks) : null;
    if (fields) Object.assign(errors, checkReferences(tx, cycle.id, fields));
    return { incoming: { id: null, title, weeks }, item: null, errors };
  }
  const item = tx.select().from(items).where(eq(items.id, incomingItemId)).get();
  if (!item) errors.incomingItemId = ['This item does not exist.'];
  else if (item.status !== 'deferred')
    errors.incomingItemId = [
      `Only a deferred item (or a new one) can come in; "${item.title}" is ${STATUS_LABEL[item.status].toLowerCase()}.`,
    ];
  const incoming = {
    id: incomingItemId,
    title: item?.title ?? `Item #${incomingItemId}`,
    weeks: item ? effectiveWeeks(item, cycle.sizeWeeks) : null,
  };
  return { incoming, item: item ?? null, errors };
}

function evaluate(tx: Executor, actor: ActingUser, cycleId: number, input: unknown) {
  const parsed = parseRaise(actor, input);
  const schedule = loadCurrentSchedule(tx, cycleId);
  if (!parsed.shape)
    return { parsed, schedule, effect: null, conflicts: [] as Conflict[], errors: parsed.errors, incoming: null };
  const resolved = resolveIncoming(
    tx,
    schedule.cycle,
    parsed.shape.incomingItemId,
    parsed.fields,
    (input as { title?: unknown })?.title,
  );
  const proposal: Proposal = { ...parsed.shape, incoming: resolved.incoming };
  const effect = previewProposal(schedule.items, schedule.periods, schedule.cycle.capacityWeeks, proposal);
  const conflicts = findConflicts(parsed.shape, pendingRequests(tx));
  const errors: FieldErrors = { ...parsed.errors };
  for (const [field, messages] of [...Object.entries(resolved.errors), ...Object.entries(effect.errors)])
    (errors[field] ??= []).push(...messages);
  return { parsed, schedule, effect, conflicts, errors, incoming: resolved };
}

export type ChangePreview = {
  /** Null until the position, period and displaced items are readable. */
  effect: Preview | null;
  /** Other undecided requests that displace (or bring in) the same items. */
  conflicts: Conflict[];
  errors: FieldErrors;
};

/** The effect of a request before it is submitted; writes nothing and never throws for bad input. */
export function previewChangeRequest(actor: ActingUser, cycleId: number, input: unknown): ChangePreview {
  assertCan(actor, 'change.raise');
  const { effect, conflicts, errors } = evaluate(db, actor, cycleId, input);
  return { effect, conflicts, errors };
}

export function raiseChangeRequest(
  actor: ActingUser,
  cycleId: number,
  input: unknown,
): { changeRequest: ChangeRequest; conflicts: Conflict[] } {
  assertCan(actor, 'change.raise');
  return changeTransaction((tx, emit) => {
    const { parsed, schedule, conflicts, errors, incoming } = evaluate(tx, actor, cycleId, input);
    if (schedule.cycle.status === 'closed')
      throw new ConflictError('This cycle is closed: its schedule can no longer change.');
    if (Object.keys(errors).length || !parsed.proposal || !incoming) throw new ValidationError(errors);
    const p = parsed.proposal;
    const at = new Date().toISOString();
    let item = incoming.item;
    if (!item) {
      const { estimate, moduleIds, ...rest } = parsed.fields!;
      item = tx
        .insert(items)
        .values({ ...rest, ...estimate, cycleId, status: 'curated', createdAt: at, updatedAt: at })
        .returning()
        .get();
      if (moduleIds.length)
        tx.insert(itemModules)
          .values([...new Set(moduleIds)].map((moduleId) => ({ itemId: item!.id, moduleId })))
          .run();
    }
    const displaced: Displacement[] = p.displaced.map((d) =>
      d.action === 'out'
        ? { itemId: d.itemId, action: 'out' }
        : { itemId: d.itemId, action: 'later', toPeriodId: d.toPeriodId ?? null },
    );
    const changeRequest = tx
      .insert(changeRequests)
      .values({
        cycleId,
        raisedBy: actor.id,
        title: item.title,
        whyNow: p.whyNow,
        urgency: p.urgency,
        incomingItemId: item.id,
        incomingPeriodId: p.incomingPeriodId,
        incomingPosition: p.incomingPosition,
        displaced,
        status: 'open',
        createdAt: at,
      })
      .returning()
      .get();
    if (!incoming.item) {
      logEvent(tx, {
        actorId: actor.id,
        type: 'item.created',
        subjectType: 'item',
        subjectId: item.id,
        data: { after: { title: item.title, status: 'curated', cycleId }, changeRequestId: changeRequest.id },
      });
    }
    emit(actor, changeRequest.id, 'cr.raised', {
      title: item.title,
      urgency: p.urgency,
      whyNow: p.whyNow,
      incomingItemId: item.id,
      createdItem: !incoming.item,
      incomingPosition: p.incomingPosition,
      incomingPeriodId: p.incomingPeriodId,
      displaced,
      conflictsWith: conflicts.map((c) => c.changeRequestId),
    });
    return { changeRequest, conflicts };
  });
}

export type ChangeRequestListRow = {
  id: number;
  cycleId: number;
  cycleName: string;
  title: string;
  urgency: ChangeRequest['urgency'];
  status: ChangeRequest['status'];
  raisedById: number;
  raisedByName: string;
  createdAt: string;
  decidedAt: string | null;
  ruleMet: boolean | null;
  decisionNote: string | null;
  incomingItemId: number;
  displacedCount: number;
  session: { id: number; mode: 'live' | 'async'; status: 'open' | 'closed'; deadline: string | null } | null;
};

/** Change requests, newest first: of one cycle, or of every cycle when `cycleId` is omitted. */
export function listChangeRequests(actor: ActingUser, cycleId?: number): ChangeRequestListRow[] {
  assertMayViewChanges(actor);
  const where: SQL | undefined = cycleId === undefined ? undefined : eq(changeRequests.cycleId, cycleId);
  return db
    .select({
      cr: changeRequests,
      cycleName: cycles.name,
      raisedByName: users.name,
      sessionId: emergencySessions.id,
      mode: emergencySessions.mode,
      sessionStatus: emergencySessions.status,
      deadline: emergencySessions.deadline,
    })
    .from(changeRequests)
    .innerJoin(cycles, eq(cycles.id, changeRequests.cycleId))
    .innerJoin(users, eq(users.id, changeRequests.raisedBy))
    .leftJoin(emergencySessions, eq(emergencySessions.changeRequestId, changeRequests.id))
    .where(where)
    .orderBy(desc(changeRequests.createdAt), desc(changeRequests.id))
    .all()
    .map(({ cr, cycleName, raisedByName, sessionId, mode, sessionStatus, deadline }) => ({
      id: cr.id,
      cycleId: cr.cycleId,
      cycleName,
      title: cr.title,
      urgency: cr.urgency,
      status: cr.status,
      raisedById: cr.raisedBy,
      raisedByName,
      createdAt: cr.createdAt,
      decidedAt: cr.decidedAt,
      ruleMet: cr.ruleMet,
      decisionNote: cr.decisionNote,
      incomingItemId: cr.incomingItemId,
      displacedCount: cr.displaced.length,
      session: sessionId === null ? null : { id: sessionId, mode: mode!, status: sessionStatus!, deadline },
    }));
}

/**
 * When a request ends without being approved, the item it created (still curated, untouched since)
 * is deferred with the reason, so it leaves the cycle's count and can come in again later.
 * A deferred item that was to come in stays where it was: the request never moved it.
 */
export function releaseIncoming(tx: Executor, actor: ActingUser, cr: ChangeRequest, reason: string): void {
  const item = tx.select().from(items).where(eq(items.id, cr.incomingItemId)).get();
  if (!item || item.status !== 'curated') return;
  const createdByThis = tx
    .select({ data: events.data })
    .from(events)
    .where(and(eq(events.subjectType, 'item'), eq(events.subjectId, item.id), eq(events.type, 'item.created')))
    .all()
    .some((e) => e.data.changeRequestId === cr.id);
  if (!createdByThis) return;
  const changes = writeItem(tx, item, { status: 'deferred', decisionReason: reason });
  logItemChange(tx, actor, cr, item.id, 'item.status_changed', { changes });
}

/** Closes an undecided request's session, if it has an open one. */
export function closeOpenSession(tx: Executor, cr: ChangeRequest, now: Date): void {
  const session = sessionOf(tx, cr.id);
  if (session?.status === 'open')
    tx.update(emergencySessions)
      .set({ status: 'closed', closedAt: now.toISOString() })
      .where(eq(emergencySessions.id, session.id))
      .run();
}

/** The raiser (or a pm/admin) takes back a request that no session is deciding. */
export function withdrawChangeRequest(
  actor: ActingUser,
  changeRequestId: number,
  input: unknown = {},
  now = new Date(),
): ChangeRequest {
  assertMayViewChanges(actor);
  const { reason } = parseOrThrow(WithdrawSchema, input ?? {});
  return changeTransaction((tx, emit) => {
    const cr = loadChangeRequest(tx, changeRequestId);
    if (cr.raisedBy !== actor.id && !can(actor, 'change.decide'))
      throw new ForbiddenError('Only the person who raised it, a pm or an admin can withdraw a change request.');
    if (cr.status !== 'open' && cr.status !== 'needs_review') {
      throw new ConflictError(
        cr.status === 'in_session'
          ? 'A session is deciding this change request: ask the pm to decline it instead.'
          : `This change request is already ${cr.status}.`,
      );
    }
    const after = updateChangeRequest(tx, cr, {
      status: 'withdrawn',
      decidedAt: now.toISOString(),
      decidedBy: actor.id,
      decisionNote: reason || null,
    });
    closeOpenSession(tx, cr, now);
    releaseIncoming(tx, actor, cr, `Change request "${cr.title}" was withdrawn.${reason ? ` ${reason}` : ''}`);
    emit(actor, cr.id, 'cr.withdrawn', { reason });
    return after;
  });
}
