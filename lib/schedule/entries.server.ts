import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { transaction } from '@/db/client';
import { scheduleEntries, schedulePeriods, users, type Item, type ItemStatus, type ScheduleEntry } from '@/db/schema';
import { assertCan } from '@/lib/auth/permissions';
import { loadItem, patchItem } from '@/lib/backlog/items.server';
import { STATUS_LABEL } from '@/lib/backlog/labels';
import { loadCycle } from '@/lib/backlog/list.server';
import { DELIVERY_NEEDS_RECORD, transitionError } from '@/lib/backlog/status-machine';
import { ConflictError, NotFoundError, ValidationError, type FieldErrors } from '@/lib/errors';
import { logEvent, type Executor } from '@/lib/events/log.server';
import { parseOrThrow } from '@/lib/validation';
import { formatDay } from './dates';
import { periodsOf } from './periods.server';
import { DeliveryMoveSchema, EntrySchema } from './schema';
import type { ActingUser } from '@/lib/auth/acting-user';
import { OWNER_ROLES, periodNames } from './schedule.server';
import { first } from '@/db/rows';
import { notifyStage } from '@/lib/schedule/stage-notify.server';

/** An item of a cycle that can be on its schedule, or the reason it cannot. */
async function scheduleItem(tx: Executor, itemId: number) {
  const item = await loadItem(tx, itemId);
  if (item.cycleId === null) throw new NotFoundError('This item');
  return { ...item, cycleId: item.cycleId };
}

const STALE = (title: string) =>
  `The schedule of “${title}” was changed by someone else meanwhile. Reload to see their change, then try again.`;

/**
 * Sets an item's period, owner and kickoff (`schedule.edit`: pm, admin, engineer). An accepted item
 * that gets a period becomes scheduled; a scheduled item keeps one (to take it off, defer it).
 * `version` is the entry version the editor saw (0: no entry yet). The owner is checked only when
 * it changes, so a kickoff can still move while its owner has left.
 */
export async function setEntry(
  actor: ActingUser,
  itemId: number,
  input: unknown,
): Promise<{ entry: ScheduleEntry; status: ItemStatus }> {
  assertCan(actor, 'schedule.edit');
  const fields = parseOrThrow(EntrySchema, input);
  return transaction(async (tx) => {
    const item = await scheduleItem(tx, itemId);
    if (item.status === 'delivered')
      throw new ConflictError(`“${item.title}” is delivered: its schedule can no longer change.`);
    if (item.status !== 'accepted' && item.status !== 'scheduled' && item.status !== 'in_delivery') {
      throw new ConflictError(
        `Only accepted items can be scheduled; “${item.title}” is ${STATUS_LABEL[item.status].toLowerCase()}.`,
      );
    }
    const entry = first(await tx.select().from(scheduleEntries).where(eq(scheduleEntries.itemId, itemId)));
    if ((entry?.version ?? 0) !== fields.version) throw new ConflictError(STALE(item.title));
    const cycle = await loadCycle(tx, item.cycleId);

    const errors: FieldErrors = {};
    const period =
      fields.periodId === null
        ? undefined
        : first(await tx.select().from(schedulePeriods).where(eq(schedulePeriods.id, fields.periodId)));
    if (fields.periodId !== null && period?.cycleId !== item.cycleId)
      errors.periodId = ['Choose a period of this cycle.'];
    if (fields.periodId === null && item.status !== 'accepted')
      errors.periodId = ['A scheduled item needs a period. To take it off the schedule, defer it.'];
    if (fields.ownerId !== null && fields.ownerId !== (entry?.ownerId ?? null)) {
      const owner = first(
        await tx
          .select({ id: users.id })
          .from(users)
          .where(and(eq(users.id, fields.ownerId), eq(users.active, true), inArray(users.role, OWNER_ROLES))),
      );
      if (!owner) errors.ownerId = ['Choose an active engineer or product manager as the owner.'];
    }
    if (fields.kickoffOn !== null && (fields.kickoffOn < cycle.startsOn || fields.kickoffOn > cycle.endsOn)) {
      errors.kickoffOn = [
        `The kickoff must be inside the cycle, from ${formatDay(cycle.startsOn)} to ${formatDay(cycle.endsOn)}.`,
      ];
    }
    if (Object.keys(errors).length) throw new ValidationError(errors);

    const before = {
      periodId: entry?.periodId ?? null,
      ownerId: entry?.ownerId ?? null,
      kickoffOn: entry?.kickoffOn ?? null,
    };
    const after = { periodId: fields.periodId, ownerId: fields.ownerId, kickoffOn: fields.kickoffOn };
    let status: ItemStatus = item.status;
    if (JSON.stringify(before) === JSON.stringify(after)) {
      return { entry: entry ?? { itemId, ...after, version: 0 }, status };
    }
    const saved = entry
      ? (
          await tx
            .update(scheduleEntries)
            .set({ ...after, version: entry.version + 1 })
            .where(eq(scheduleEntries.itemId, itemId))
            .returning()
        )[0]
      : (
          await tx
            .insert(scheduleEntries)
            .values({ itemId, ...after })
            .returning()
        )[0];
    if (item.status === 'accepted' && after.periodId !== null) {
      // Through the status machine like every status change, logged as item.status_changed.
      const refused = transitionError(item.status, 'scheduled');
      if (refused) throw new ConflictError(refused);
      const scheduled = await patchItem(tx, actor, item, { status: 'scheduled' }, 'item.status_changed');
      status = scheduled.status;
      await notifyStage(tx, actor, scheduled, { stage: 'scheduled' });
    }
    const names = periodNames(await periodsOf(tx, item.cycleId));
    const name = (id: number | null) => (id === null ? null : (names.get(id) ?? null));
    await logEvent(tx, {
      actorId: actor.id,
      type: 'item.schedule_changed',
      subjectType: 'item',
      subjectId: itemId,
      data: { before: { ...before, period: name(before.periodId) }, after: { ...after, period: name(after.periodId) } },
    });
    return { entry: saved, status };
  });
}

/** Moves a scheduled item through delivery (`schedule.edit`): scheduled → in delivery, or back to scheduled. */
export async function moveDelivery(actor: ActingUser, itemId: number, to: unknown): Promise<{ status: ItemStatus }> {
  assertCan(actor, 'schedule.edit');
  const target = parseOrThrow(DeliveryMoveSchema, to);
  return transaction(async (tx) => {
    const item = await scheduleItem(tx, itemId);
    if (item.status === 'accepted')
      throw new ConflictError(`“${item.title}” has no period yet: choose its period to schedule it.`);
    return { status: (await applyDeliveryMove(tx, actor, item, target)).status };
  });
}

/**
 * The one place an item's delivery status changes, inside the caller's transaction. "Delivered"
 * needs the final delivery record, written by lib/delivery first (`finalRecorded`). Delivered back
 * to in delivery is no lifecycle move: only undoing that record (`undo`) makes it, and the actual
 * effort recorded with it goes too. Starting delivery tells the requestors.
 */
export async function applyDeliveryMove(
  tx: Executor,
  actor: ActingUser,
  item: Item,
  target: ItemStatus,
  opts: { finalRecorded?: boolean; undo?: boolean } = {},
): Promise<Item> {
  if (opts.undo) {
    if (item.status !== 'delivered' || target !== 'in_delivery')
      throw new ConflictError(`“${item.title}” is not delivered, so there is no delivery to undo.`);
    return patchItem(tx, actor, item, { status: 'in_delivery', actualWeeks: null }, 'item.status_changed');
  }
  const refused = transitionError(item.status, target);
  if (refused) throw new ValidationError({ status: [refused] }, refused);
  if (target === 'delivered' && !opts.finalRecorded)
    throw new ValidationError({ status: [DELIVERY_NEEDS_RECORD] }, DELIVERY_NEEDS_RECORD);
  const after = await patchItem(tx, actor, item, { status: target }, 'item.status_changed');
  if (item.status === 'scheduled' && after.status === 'in_delivery')
    await notifyStage(tx, actor, after, { stage: 'in_delivery' });
  return after;
}
