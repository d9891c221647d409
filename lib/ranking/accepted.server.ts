import 'server-only';
import { and, asc, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import { cycles, items, type Item } from '@/db/schema';
import { effectiveWeeks } from '@/lib/estimates/estimates';
import type { Executor } from '@/lib/events/log.server';
import { keyBetween } from './fractional-index';
import { orderByRank, type Ranked } from './order';
import { first } from '@/db/rows';

/**
 * The accepted items of a cycle in rank order. An accepted item without a rank (accepted outside a
 * meeting) is first given a key below the others; that write does not bump its version, since
 * nobody can have moved an unranked item yet.
 */
export async function acceptedRanking(tx: Executor, cycleId: number): Promise<Ranked[]> {
  const accepted = and(eq(items.cycleId, cycleId), eq(items.status, 'accepted'));
  const unranked = await tx
    .select({ id: items.id })
    .from(items)
    .where(and(accepted, isNull(items.rank)))
    .orderBy(asc(items.id));
  if (unranked.length) {
    let last =
      orderByRank(
        (await tx.select({ id: items.id, rank: items.rank }).from(items).where(accepted)).filter(
          (r): r is { id: number; rank: string } => r.rank !== null,
        ),
      ).at(-1)?.rank ?? null;
    for (const { id } of unranked) {
      last = keyBetween(last, null);
      await tx.update(items).set({ rank: last }).where(eq(items.id, id));
    }
  }
  return inRankOrder(tx, cycleId, await tx.select().from(items).where(accepted));
}

/** Ranked items (every one has a rank) with their weeks from the cycle's size table, in rank order. */
async function inRankOrder(tx: Executor, cycleId: number, rows: Item[]): Promise<Ranked[]> {
  const sizes = first(
    await tx.select({ sizeWeeks: cycles.sizeWeeks }).from(cycles).where(eq(cycles.id, cycleId)),
  )?.sizeWeeks;
  return orderByRank(
    rows.map((r) => ({
      id: r.id,
      rank: r.rank!,
      version: r.version,
      weeks: sizes ? effectiveWeeks(r, sizes) : r.estimateWeeks,
    })),
  );
}

/**
 * What a cycle's meeting prioritised, as it stands now: its accepted items and those that have gone
 * on into delivery (scheduled, in delivery, delivered), which keep their rank as the schedule's order.
 * The outcome of a quarter in delivery still lists what was accepted, not an empty list.
 */
export async function prioritisedRanking(tx: Executor, cycleId: number): Promise<Ranked[]> {
  await acceptedRanking(tx, cycleId); // gives any unranked accepted item its key first
  const rows = await tx
    .select()
    .from(items)
    .where(
      and(
        eq(items.cycleId, cycleId),
        inArray(items.status, ['accepted', 'scheduled', 'in_delivery', 'delivered']),
        isNotNull(items.rank),
      ),
    );
  return inRankOrder(tx, cycleId, rows);
}
