import 'server-only';
import { asc, eq, inArray, and, sql } from 'drizzle-orm';
import { items, scheduleEntries, schedulePeriods, type Cycle } from '@/db/schema';
import { effectiveWeeks } from '@/lib/estimates/estimates';
import { loadCycle } from '@/lib/backlog/list.server';
import type { Executor } from '@/lib/events/log.server';
import type { PreviewPeriod, ScheduleItem } from './preview';
import { SCHEDULE_STATUSES } from '@/lib/schedule/types';

/**
 * The schedule a change request acts on, read in ONE query (the apply path must stay fast on a
 * 2,000-item cycle): the cycle's accepted, scheduled, in-delivery and delivered items with their
 * schedule entry, in rank order. Accepted items not yet given a period are in the order too.
 * Items without a rank (accepted outside a meeting) come after the ranked ones, by id.
 */

export type ScheduleRow = ScheduleItem & {
  rank: string | null;
  version: number;
  decisionReason: string | null;
  requestorId: number;
  sponsorId: number | null;
  /** Null when the item has no schedule entry yet. */
  entryVersion: number | null;
};

export type CurrentSchedule = { cycle: Cycle; periods: PreviewPeriod[]; items: ScheduleRow[] };

export async function readPeriods(tx: Executor, cycleId: number): Promise<PreviewPeriod[]> {
  return tx
    .select({
      id: schedulePeriods.id,
      name: schedulePeriods.name,
      capacityWeeks: schedulePeriods.capacityWeeks,
      position: schedulePeriods.position,
    })
    .from(schedulePeriods)
    .where(eq(schedulePeriods.cycleId, cycleId))
    .orderBy(asc(schedulePeriods.position), asc(schedulePeriods.id));
}

export async function loadCurrentSchedule(tx: Executor, cycleId: number): Promise<CurrentSchedule> {
  const cycle = await loadCycle(tx, cycleId);
  const rows = await tx
    .select({
      id: items.id,
      title: items.title,
      status: items.status,
      rank: items.rank,
      version: items.version,
      decisionReason: items.decisionReason,
      estimateSize: items.estimateSize,
      estimateWeeks: items.estimateWeeks,
      requestorId: items.requestorId,
      sponsorId: items.sponsorId,
      periodId: scheduleEntries.periodId,
      entryVersion: scheduleEntries.version,
    })
    .from(items)
    .leftJoin(scheduleEntries, eq(scheduleEntries.itemId, items.id))
    .where(and(eq(items.cycleId, cycleId), inArray(items.status, [...SCHEDULE_STATUSES])))
    // BINARY collation orders rank keys exactly as the JS `<` that fractional indexing relies on.
    .orderBy(sql`${items.rank} is null`, asc(items.rank), asc(items.id));
  const scheduleItems = rows.map(({ estimateSize, estimateWeeks, ...row }) => ({
    ...row,
    weeks: effectiveWeeks({ estimateSize, estimateWeeks }, cycle.sizeWeeks),
  }));
  return { cycle, periods: await readPeriods(tx, cycleId), items: scheduleItems };
}
