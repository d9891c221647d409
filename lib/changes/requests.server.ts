import 'server-only';
import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { changeRequests, itemModules, items, type ChangeRequest, type Cycle, type Displacement } from '@/db/schema';
import { assertCan } from '@/lib/auth/permissions';
import { effectiveWeeks } from '@/lib/estimates/estimates';
import { ItemFieldsSchema, type ItemFields } from '@/lib/backlog/item-schema';
import { STATUS_LABEL } from '@/lib/backlog/labels';
import { checkReferences } from '@/lib/backlog/references.server';
import { applySmePerson } from '@/lib/backlog/sme.server';
import { ConflictError, ValidationError, type FieldErrors } from '@/lib/errors';
import { logEvent, type Executor } from '@/lib/events/log.server';
import { fieldErrorsOf } from '@/lib/validation';
import { confirmedOverruns } from './capacity';
import { changeTransaction } from './common.server';
import { findConflicts, pendingRequests, type Conflict } from './conflicts.server';
import { previewProposal, type Preview, type Proposal } from './preview';
import { loadCurrentSchedule } from './schedule-read.server';
import { ProposalSchema, type ProposalInput } from './schema';
import { alertRaised } from './pm-alerts.server';
import type { ActingUser } from '@/lib/auth/acting-user';
import { first } from '@/db/rows';

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
async function resolveIncoming(
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
    if (fields) Object.assign(errors, await checkReferences(tx, cycle.id, fields), await applySmePerson(tx, fields));
    return { incoming: { id: null, title, weeks }, item: null, errors };
  }
  const item = first(await tx.select().from(items).where(eq(items.id, incomingItemId)));
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

async function evaluate(tx: Executor, actor: ActingUser, cycleId: number, input: unknown) {
  const parsed = parseRaise(actor, input);
  const schedule = await loadCurrentSchedule(tx, cycleId);
  if (!parsed.shape)
    return { parsed, schedule, effect: null, conflicts: [] as Conflict[], errors: parsed.errors, incoming: null };
  const resolved = await resolveIncoming(
    tx,
    schedule.cycle,
    parsed.shape.incomingItemId,
    parsed.fields,
    (input as { title?: unknown })?.title,
  );
  const proposal: Proposal = { ...parsed.shape, incoming: resolved.incoming };
  const effect = previewProposal(schedule.items, schedule.periods, schedule.cycle.capacityWeeks, proposal);
  const conflicts = findConflicts(parsed.shape, await pendingRequests(tx));
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
export async function previewChangeRequest(actor: ActingUser, cycleId: number, input: unknown): Promise<ChangePreview> {
  assertCan(actor, 'change.raise');
  const { effect, conflicts, errors } = await evaluate(db, actor, cycleId, input);
  return { effect, conflicts, errors };
}

export async function raiseChangeRequest(
  actor: ActingUser,
  cycleId: number,
  input: unknown,
): Promise<{ changeRequest: ChangeRequest; conflicts: Conflict[] }> {
  assertCan(actor, 'change.raise');
  return changeTransaction(async (tx, emit) => {
    const { parsed, schedule, effect, conflicts, errors, incoming } = await evaluate(tx, actor, cycleId, input);
    if (schedule.cycle.status === 'closed')
      throw new ConflictError('This cycle is closed: its schedule can no longer change.');
    const overCapacity = effect ? confirmedOverruns(effect, parsed.proposal, errors) : null;
    if (Object.keys(errors).length || !parsed.proposal || !incoming) throw new ValidationError(errors);
    const p = parsed.proposal;
    const at = new Date().toISOString();
    let item = incoming.item;
    if (!item) {
      const { estimate, moduleIds, ...rest } = parsed.fields!;
      item = (
        await tx
          .insert(items)
          .values({ ...rest, ...estimate, cycleId, status: 'curated', createdAt: at, updatedAt: at })
          .returning()
      )[0];
      if (moduleIds.length)
        await tx
          .insert(itemModules)
          .values([...new Set(moduleIds)].map((moduleId) => ({ itemId: item!.id, moduleId })));
    }
    const displaced: Displacement[] = p.displaced.map((d) =>
      d.action === 'out'
        ? { itemId: d.itemId, action: 'out' }
        : { itemId: d.itemId, action: 'later', toPeriodId: d.toPeriodId ?? null },
    );
    const changeRequest = (
      await tx
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
          overCapacity,
          status: 'open',
          createdAt: at,
        })
        .returning()
    )[0];
    if (!incoming.item) {
      await logEvent(tx, {
        actorId: actor.id,
        type: 'item.created',
        subjectType: 'item',
        subjectId: item.id,
        data: { after: { title: item.title, status: 'curated', cycleId }, changeRequestId: changeRequest.id },
      });
    }
    await emit(actor, changeRequest.id, 'cr.raised', {
      title: item.title,
      urgency: p.urgency,
      whyNow: p.whyNow,
      incomingItemId: item.id,
      createdItem: !incoming.item,
      incomingPosition: p.incomingPosition,
      incomingPeriodId: p.incomingPeriodId,
      displaced,
      overCapacity,
      conflictsWith: conflicts.map((c) => c.changeRequestId),
    });
    await alertRaised(tx, actor, changeRequest);
    return { changeRequest, conflicts };
  });
}
