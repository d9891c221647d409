import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { deliveryRecords, scheduleEntries, type Item } from '@/db/schema';
import { first } from '@/db/rows';
import { STATUS_LABEL } from '@/lib/backlog/labels';
import { ConflictError, ValidationError } from '@/lib/errors';
import type { Executor } from '@/lib/events/log.server';
import { addDays, formatDay } from '@/lib/schedule/dates';

/** The checks every delivery record passes before it is written; they throw what the form shows. */

/** Today in UTC; a day later is still allowed, since it is already tomorrow east of UTC. */
export const latestDeliveryDay = (now = new Date()) => addDays(now.toISOString().slice(0, 10), 1);

/** Only an item that went through the schedule can be delivered: it has a cycle and was scheduled. */
export function assertOnSchedule(item: Item): void {
  if (item.status === 'delivered') {
    throw new ConflictError(
      `“${item.title}” is already delivered. To deliver it again, a product manager first undoes the delivery.`,
    );
  }
  if (item.cycleId === null || (item.status !== 'scheduled' && item.status !== 'in_delivery')) {
    throw new ConflictError(
      `“${item.title}” was never scheduled (it is ${STATUS_LABEL[item.status].toLowerCase()}): only a scheduled item can be delivered.`,
    );
  }
  if (item.status === 'scheduled') {
    throw new ConflictError(`“${item.title}” is scheduled but not in delivery yet: start its delivery first.`);
  }
}

/** The date is not beyond tomorrow, nor before the item's kickoff (when one is set). */
export async function assertDeliveryDay(tx: Executor, itemId: number, deliveredOn: string): Promise<void> {
  if (deliveredOn > latestDeliveryDay()) {
    throw new ValidationError({ deliveredOn: ['The delivery date cannot be in the future.'] });
  }
  const entry = first(
    await tx
      .select({ kickoffOn: scheduleEntries.kickoffOn })
      .from(scheduleEntries)
      .where(eq(scheduleEntries.itemId, itemId)),
  );
  if (entry?.kickoffOn && deliveredOn < entry.kickoffOn) {
    throw new ValidationError({
      deliveredOn: [`The delivery date cannot be before the kickoff on ${formatDay(entry.kickoffOn)}.`],
    });
  }
}

/** The item's final delivery that still stands (not undone), if any. */
export async function standingFinal(tx: Executor, itemId: number) {
  return first(
    await tx
      .select()
      .from(deliveryRecords)
      .where(
        and(eq(deliveryRecords.itemId, itemId), eq(deliveryRecords.kind, 'final'), isNull(deliveryRecords.undoneAt)),
      ),
  );
}
