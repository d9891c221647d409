import { eq } from 'drizzle-orm';
import type { Db } from '../../db/handle';
import { appendEvent } from '../../db/event-chain';
import { makeMeeting } from '../../db/factories';
import { deliveryRecords, meetings, type DeliveryKind } from '../../db/schema';

/**
 * Deliveries as the delivery pages record them, written directly: the review reads these rows, and
 * its tests need them without going through that feature. Relative imports, so that the e2e
 * fixtures can call it with their own connection too.
 */
export async function recordDelivery(
  db: Db,
  opts: { itemId: number; kind: DeliveryKind; recordedBy: number; undone?: boolean; name?: string },
): Promise<number> {
  const at = new Date().toISOString();
  const row = (
    await db
      .insert(deliveryRecords)
      .values({
        itemId: opts.itemId,
        kind: opts.kind,
        name: opts.name ?? (opts.kind === 'milestone' ? 'Beta for two customers' : ''),
        deliveredOn: at.slice(0, 10),
        links: [],
        recordedBy: opts.recordedBy,
        recordedAt: at,
        undoneAt: opts.undone ? at : null,
        undoneBy: opts.undone ? opts.recordedBy : null,
      })
      .returning()
  )[0];
  return row.id;
}

/**
 * The cycle's outcome as published, with `belowCutItemIds` below the cut line: an ended meeting and
 * the event publishing records (the review reads the cut line from it).
 */
export async function publishedCut(
  db: Db,
  opts: { cycleId: number; pmId: number; belowCutItemIds: number[] },
): Promise<number> {
  const meeting = await makeMeeting(db, { cycleId: opts.cycleId, facilitatorId: opts.pmId });
  const at = new Date().toISOString();
  await db.update(meetings).set({ status: 'closed', startedAt: at, endedAt: at }).where(eq(meetings.id, meeting.id));
  await appendEvent(db, {
    at,
    actorId: opts.pmId,
    type: 'outcome.published',
    subjectType: 'meeting',
    subjectId: meeting.id,
    data: { cycleId: opts.cycleId, belowCutItemIds: opts.belowCutItemIds, seeded: true },
  });
  return meeting.id;
}
