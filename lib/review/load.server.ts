import 'server-only';
import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import { deliveryRecords, events, items, meetings, users, type Cycle, type Item } from '@/db/schema';
import { effectiveWeeks } from '@/lib/estimates/estimates';
import type { Executor } from '@/lib/events/log.server';
import { first } from '@/db/rows';
import { deliveryState, type DeliveryState, type ReviewItem } from './review';
import { DISPOSAL_EVENT, type Disposal } from './disposals';

const EVENT_DISPOSAL = new Map(Object.entries(DISPOSAL_EVENT).map(([k, v]) => [v, k as Disposal]));

/** Statuses of an item the meeting accepted and that may still be delivered. */
export const UNDELIVERED_STATUSES = ['accepted', 'scheduled', 'in_delivery'] as const;
const REVIEWED_STATUSES = [...UNDELIVERED_STATUSES, 'delivered'] as const;

/** The accepted items the published outcome put below the cut line (its event records them). */
async function belowCutAsPublished(tx: Executor, cycleId: number): Promise<Set<number>> {
  const ids = (await tx.select({ id: meetings.id }).from(meetings).where(eq(meetings.cycleId, cycleId))).map(
    (m) => m.id,
  );
  if (ids.length === 0) return new Set();
  const latest = first(
    await tx
      .select({ data: events.data })
      .from(events)
      .where(
        and(eq(events.type, 'outcome.published'), eq(events.subjectType, 'meeting'), inArray(events.subjectId, ids)),
      )
      .orderBy(desc(events.id))
      .limit(1),
  );
  const below = latest?.data.belowCutItemIds;
  return new Set(Array.isArray(below) ? (below as number[]) : []);
}

/**
 * Items the review already disposed of, with the theme they had here: a carried-over item has left
 * the cycle, yet it was planned in it and must still count. The events carry the cycle in their
 * data; a cycle disposes of a handful of items, so filtering them here is cheap.
 */
async function disposedFrom(
  tx: Executor,
  cycleId: number,
): Promise<Map<number, { disposal: Disposal; themeId: number | null }>> {
  const rows = await tx
    .select({ itemId: events.subjectId, type: events.type, data: events.data })
    .from(events)
    .where(and(eq(events.subjectType, 'item'), inArray(events.type, Object.values(DISPOSAL_EVENT))))
    .orderBy(asc(events.id));
  const out = new Map<number, { disposal: Disposal; themeId: number | null }>();
  for (const r of rows) {
    if (r.data.cycleId !== cycleId) continue;
    const themeId = typeof r.data.themeId === 'number' ? r.data.themeId : null;
    out.set(r.itemId, { disposal: EVENT_DISPOSAL.get(r.type)!, themeId });
  }
  return out;
}

export type LoadedItem = ReviewItem & {
  status: Item['status'];
  requestor: string;
  requestorId: number;
  /** What the review did with it, once it did. */
  disposal: Disposal | null;
  /** Still in this cycle, accepted and not delivered: the review may offer it to the next cycle. */
  undelivered: boolean;
};

/** Every item the review counts: accepted (or further) in this cycle, and those it sent elsewhere. */
export async function loadReviewItems(tx: Executor, cycle: Cycle): Promise<LoadedItem[]> {
  const disposed = await disposedFrom(tx, cycle.id);
  const columns = { item: items, requestor: users.name };
  const here = await tx
    .select(columns)
    .from(items)
    .innerJoin(users, eq(users.id, items.requestorId))
    .where(and(eq(items.cycleId, cycle.id), inArray(items.status, [...REVIEWED_STATUSES])));
  const hereIds = new Set(here.map((r) => r.item.id));
  const awayIds = [...disposed.keys()].filter((id) => !hereIds.has(id));
  const away = awayIds.length
    ? await tx
        .select(columns)
        .from(items)
        .innerJoin(users, eq(users.id, items.requestorId))
        .where(inArray(items.id, awayIds))
    : [];
  const all = [...here, ...away].sort((a, b) => a.item.id - b.item.id);
  const ids = all.map((r) => r.item.id);
  const records = ids.length
    ? await tx
        .select({ itemId: deliveryRecords.itemId, kind: deliveryRecords.kind, undoneAt: deliveryRecords.undoneAt })
        .from(deliveryRecords)
        .where(inArray(deliveryRecords.itemId, ids))
    : [];
  const below = await belowCutAsPublished(tx, cycle.id);
  return all.map(({ item, requestor }) => {
    const delivery: DeliveryState = deliveryState(records.filter((r) => r.itemId === item.id));
    const gone = disposed.get(item.id);
    const inCycle = item.cycleId === cycle.id;
    return {
      id: item.id,
      title: item.title,
      kind: item.kind,
      themeId: inCycle ? item.themeId : (gone?.themeId ?? null),
      weeks: effectiveWeeks(item, cycle.sizeWeeks),
      actualWeeks: item.actualWeeks,
      planned: !below.has(item.id),
      delivery,
      status: item.status,
      requestor,
      requestorId: item.requestorId,
      disposal: gone?.disposal ?? null,
      undelivered:
        inCycle && delivery !== 'delivered' && (UNDELIVERED_STATUSES as readonly string[]).includes(item.status),
    };
  });
}

/** Whether a final delivery of the item stands (an undone one does not). */
export async function hasFinalDelivery(tx: Executor, itemId: number): Promise<boolean> {
  const row = first(
    await tx
      .select({ id: deliveryRecords.id })
      .from(deliveryRecords)
      .where(
        and(eq(deliveryRecords.itemId, itemId), eq(deliveryRecords.kind, 'final'), isNull(deliveryRecords.undoneAt)),
      )
      .limit(1),
  );
  return row !== undefined;
}
