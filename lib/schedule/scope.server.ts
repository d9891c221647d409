import 'server-only';
import { eq } from 'drizzle-orm';
import { db } from '@/db/client';
import { items, scheduleFlags, schedulePeriods } from '@/db/schema';
import { NotFoundError } from '@/lib/errors';
import { first } from '@/db/rows';

export type ScheduleRecord = { itemId: number } | { periodId: number } | { flagId: number };

/**
 * The schedule's forms name their cycle beside the record they change (the page to refresh). A
 * record of another cycle, or a cycle id that is not the record's, is a form Quorum did not make:
 * it is refused as not found before anything is read or written for it.
 */
export async function assertInCycle(cycleId: number, record: ScheduleRecord): Promise<void> {
  if ((await recordCycle(record)) !== cycleId) throw new NotFoundError('This schedule record');
}

async function recordCycle(record: ScheduleRecord): Promise<number | null | undefined> {
  if ('itemId' in record)
    return first(await db.select({ cycleId: items.cycleId }).from(items).where(eq(items.id, record.itemId)))?.cycleId;
  if ('periodId' in record)
    return first(
      await db
        .select({ cycleId: schedulePeriods.cycleId })
        .from(schedulePeriods)
        .where(eq(schedulePeriods.id, record.periodId)),
    )?.cycleId;
  return first(
    await db
      .select({ cycleId: items.cycleId })
      .from(scheduleFlags)
      .innerJoin(items, eq(items.id, scheduleFlags.itemId))
      .where(eq(scheduleFlags.id, record.flagId)),
  )?.cycleId;
}
