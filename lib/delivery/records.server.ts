import 'server-only';
import { eq } from 'drizzle-orm';
import { transaction } from '@/db/client';
import { deliveryRecords, type DeliveryRecord, type ItemStatus } from '@/db/schema';
import { first } from '@/db/rows';
import { assertCan } from '@/lib/auth/permissions';
import type { ActingUser } from '@/lib/auth/acting-user';
import { loadItem, patchItem } from '@/lib/backlog/items.server';
import { ConflictError, NotFoundError } from '@/lib/errors';
import { logEvent } from '@/lib/events/log.server';
import { applyDeliveryMove } from '@/lib/schedule/entries.server';
import { parseOrThrow } from '@/lib/validation';
import { assertDeliveryDay, assertOnSchedule, standingFinal } from './rules.server';
import { FinalDeliverySchema, MilestoneSchema } from './schema';
import { notifyStage } from '@/lib/schedule/stage-notify.server';

/**
 * Delivery records: milestones (partial deliveries) and the final delivery that makes an item
 * delivered. Recording is for those who edit the schedule (pm, admin, engineer); undoing a delivery
 * is a product decision, so only pm and admin may. Records are never deleted: an undone record
 * stays, marked, so the history keeps what happened.
 */

const now = () => new Date().toISOString();

/** The record written or undone, the item's status after it, and its cycle (whose schedule shows it). */
export type Recorded = { record: DeliveryRecord; status: ItemStatus; cycleId: number | null };

/** Records a milestone of an item in delivery; the item stays in delivery. */
export async function recordMilestone(actor: ActingUser, itemId: number, input: unknown): Promise<Recorded> {
  assertCan(actor, 'schedule.edit');
  const fields = parseOrThrow(MilestoneSchema, input);
  return transaction(async (tx) => {
    const item = await loadItem(tx, itemId);
    assertOnSchedule(item);
    await assertDeliveryDay(tx, itemId, fields.deliveredOn);
    const [record] = await tx
      .insert(deliveryRecords)
      .values({ itemId, kind: 'milestone', ...fields, recordedBy: actor.id, recordedAt: now() })
      .returning();
    await logEvent(tx, {
      actorId: actor.id,
      type: 'item.milestone_delivered',
      subjectType: 'item',
      subjectId: itemId,
      data: { recordId: record.id, name: record.name, deliveredOn: record.deliveredOn, links: record.links },
    });
    await notifyStage(tx, actor, item, { stage: 'milestone', name: record.name, deliveredOn: record.deliveredOn });
    return { record, status: item.status, cycleId: item.cycleId };
  });
}

/** Records the final delivery and makes the item delivered, with its actual effort when given. */
export async function markDelivered(actor: ActingUser, itemId: number, input: unknown): Promise<Recorded> {
  assertCan(actor, 'schedule.edit');
  const { actualWeeks, ...fields } = parseOrThrow(FinalDeliverySchema, input);
  return transaction(async (tx) => {
    const item = await loadItem(tx, itemId);
    assertOnSchedule(item);
    // The status says in delivery, but a standing final record would make this a second delivery.
    if (await standingFinal(tx, itemId)) throw new ConflictError(`“${item.title}” is already delivered.`);
    await assertDeliveryDay(tx, itemId, fields.deliveredOn);
    const [record] = await tx
      .insert(deliveryRecords)
      .values({ itemId, kind: 'final', name: '', ...fields, recordedBy: actor.id, recordedAt: now() })
      .returning();
    await logEvent(tx, {
      actorId: actor.id,
      type: 'item.delivered',
      subjectType: 'item',
      subjectId: itemId,
      data: { recordId: record.id, deliveredOn: record.deliveredOn, links: record.links },
    });
    let after = await applyDeliveryMove(tx, actor, item, 'delivered', { finalRecorded: true });
    if (actualWeeks !== undefined) {
      after = await patchItem(tx, actor, after, { actualWeeks }, 'item.actual_effort_set');
    }
    await notifyStage(tx, actor, after, { stage: 'delivered', deliveredOn: record.deliveredOn });
    return { record, status: after.status, cycleId: item.cycleId };
  });
}

/**
 * Undoes a delivery record (pm, admin). Undoing the final delivery moves the item back to in
 * delivery and clears its actual effort (it is recorded again with the next delivery); a milestone
 * is only marked undone.
 */
export async function undoDelivery(actor: ActingUser, recordId: number): Promise<Recorded> {
  assertCan(actor, 'item.setStatus');
  return transaction(async (tx) => {
    const record = first(await tx.select().from(deliveryRecords).where(eq(deliveryRecords.id, recordId)));
    if (!record) throw new NotFoundError('This delivery record');
    if (record.undoneAt !== null) throw new ConflictError('This delivery was already undone.');
    const item = await loadItem(tx, record.itemId);
    if (record.kind === 'final' && item.status !== 'delivered') {
      throw new ConflictError(`“${item.title}” is not delivered, so there is no delivery to undo.`);
    }
    const [undone] = await tx
      .update(deliveryRecords)
      .set({ undoneAt: now(), undoneBy: actor.id })
      .where(eq(deliveryRecords.id, recordId))
      .returning();
    await logEvent(tx, {
      actorId: actor.id,
      type: 'item.delivery_undone',
      subjectType: 'item',
      subjectId: item.id,
      data: { recordId, kind: record.kind, name: record.name, deliveredOn: record.deliveredOn },
    });
    const after =
      record.kind === 'final' ? await applyDeliveryMove(tx, actor, item, 'in_delivery', { undo: true }) : item;
    return { record: undone, status: after.status, cycleId: item.cycleId };
  });
}
