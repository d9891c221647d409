import 'server-only';
import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import { mapCards, mapSlices } from '@/db/schema';
import type { Executor } from '@/lib/events/log.server';

/** Items on a cycle's "This cycle" slice (not culled): what the agenda editor offers first. */
export async function thisCycleItemIds(tx: Executor, cycleId: number): Promise<number[]> {
  const rows = await tx
    .select({ itemId: mapCards.itemId })
    .from(mapCards)
    .innerJoin(mapSlices, eq(mapSlices.id, mapCards.sliceId))
    .where(
      and(
        eq(mapCards.cycleId, cycleId),
        eq(mapSlices.role, 'this_cycle'),
        eq(mapSlices.cycleId, cycleId),
        isNull(mapCards.culledAt),
        isNotNull(mapCards.stepId),
      ),
    );
  return rows.map((r) => r.itemId);
}
