import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { items, scheduleEntries, type ChangeRequest, type Item } from '@/db/schema';

import { effectiveWeeks } from '@/lib/estimates/estimates';
import { STATUS_LABEL } from '@/lib/backlog/labels';
import { ConflictError, NotFoundError } from '@/lib/errors';
import { diff, logEvent, type Executor } from '@/lib/events/log.server';
import { keyBetween } from '@/lib/ranking/fractional-index';
import { checkProposal } from './preview';
import { loadCurrentSchedule, type ScheduleRow } from './schedule-read.server';
import type { ActingUser } from '@/lib/auth/acting-user';
import { affectedRows, first } from '@/db/rows';

/**
 * Applying an approved change request to the schedule, inside the caller's
 * transaction so that the schedule, the request's status, the events and the notifications commit
 * together or not at all.
 *
 * It reads the schedule once and writes only the rows that change: the incoming item (status
 * scheduled, ONE new fractional-index rank between its neighbours) and its entry; each displaced
 * item ('out': status deferred and its entry's period cleared; 'later': its entry's period only).
 * Every write is guarded by the version it read, and each item gets one `item.schedule_changed`
 * event carrying `changeRequestId`, so its timeline says which request moved it.
 */

export type AppliedChange = {
  itemId: number;
  title: string;
  action: 'in' | 'out' | 'later';
  fromPeriodId: number | null;
  toPeriodId: number | null;
  requestorId: number;
  sponsorId: number | null;
};

export const ITEM_CHANGED = 'An item of this change request changed meanwhile; reload and try again.';

type Changes = Record<string, { from: unknown; to: unknown }>;

/** Updates one item if its version is still the one read; returns the field changes. */
export async function writeItem(
  tx: Executor,
  before: Pick<Item, 'id' | 'version'> & Partial<Item>,
  patch: Partial<Item>,
): Promise<Changes> {
  const written = await tx
    .update(items)
    .set({ ...patch, version: before.version + 1, updatedAt: new Date().toISOString() })
    .where(and(eq(items.id, before.id), eq(items.version, before.version)));
  if (affectedRows(written) !== 1) throw new ConflictError(ITEM_CHANGED);
  return diff(before as Record<string, unknown>, patch as Record<string, unknown>);
}

/** Logs a change of one item on the item itself, naming the change request that caused it. */
export async function logItemChange(
  tx: Executor,
  actor: ActingUser,
  cr: Pick<ChangeRequest, 'id' | 'title'>,
  itemId: number,
  type: string,
  data: Record<string, unknown>,
): Promise<void> {
  await logEvent(tx, {
    actorId: actor.id,
    type,
    subjectType: 'item',
    subjectId: itemId,
    data: { ...data, changeRequestId: cr.id, changeRequestTitle: cr.title },
  });
}

/** Sets an item's period, creating its entry if it has none; guarded by the entry version read. */
async function setPeriod(
  tx: Executor,
  itemId: number,
  entryVersion: number | null,
  periodId: number | null,
): Promise<void> {
  if (entryVersion === null) {
    const inserted = await tx.insert(scheduleEntries).values({ itemId, periodId }).onConflictDoNothing();
    if (affectedRows(inserted) === 1) return;
    throw new ConflictError(ITEM_CHANGED);
  }
  const written = await tx
    .update(scheduleEntries)
    .set({ periodId, version: sql`${scheduleEntries.version} + 1` })
    .where(and(eq(scheduleEntries.itemId, itemId), eq(scheduleEntries.version, entryVersion)));
  if (affectedRows(written) !== 1) throw new ConflictError(ITEM_CHANGED);
}

/**
 * The rank that puts a new item before the item now at `position`. Unranked items sort last, so the
 * upper bound is the next ranked item's key; equal neighbouring keys (never produced by Quorum, but
 * possible in imported data) are skipped so that the bounds are strictly ordered.
 */
export function rankAt(order: readonly Pick<ScheduleRow, 'rank'>[], position: number): string {
  let lower: string | null = null;
  for (let i = position - 1; i >= 0 && lower === null; i--) lower = order[i].rank;
  let upper: string | null = null;
  for (let i = position; i < order.length && upper === null; i++) {
    const rank = order[i].rank;
    if (rank !== null && (lower === null || rank > lower)) upper = rank;
  }
  return keyBetween(lower, upper);
}

/**
 * The proposal checked against the schedule as it is NOW (it may have changed since the request was
 * raised); a ConflictError says what no longer holds. Convening and approving both call it.
 */
export async function recheckProposal(tx: Executor, cr: ChangeRequest) {
  const schedule = await loadCurrentSchedule(tx, cr.cycleId);
  const incoming = first(await tx.select().from(items).where(eq(items.id, cr.incomingItemId)));
  if (!incoming) throw new NotFoundError('The incoming item');
  // A new item waits as curated in the cycle; a deferred one (of any cycle) waits where it is.
  const waiting = incoming.status === 'deferred' || (incoming.status === 'curated' && incoming.cycleId === cr.cycleId);
  if (!waiting)
    throw new ConflictError(
      `"${incoming.title}" is now ${STATUS_LABEL[incoming.status].toLowerCase()}: it can no longer come in through this request.`,
      'incomingItemId',
    );

  // The schedule may have shrunk since the request was raised: the end is the furthest it can go.
  const position = Math.min(cr.incomingPosition, schedule.items.length);
  const weeks = effectiveWeeks(incoming, schedule.cycle.sizeWeeks);
  const errors = checkProposal(schedule.items, schedule.periods, {
    incoming: { id: incoming.id, title: incoming.title, weeks },
    incomingPosition: position,
    incomingPeriodId: cr.incomingPeriodId,
    displaced: cr.displaced,
  });
  const messages = Object.values(errors).flat();
  if (messages.length)
    throw new ConflictError(
      `The schedule changed since this request was raised: ${messages.join(' ')}`,
      Object.keys(errors)[0],
    );
  return { schedule, incoming, position };
}

/** Re-checks the proposal and applies it; returns what changed. */
export async function applyProposal(tx: Executor, actor: ActingUser, cr: ChangeRequest): Promise<AppliedChange[]> {
  const { schedule, incoming, position } = await recheckProposal(tx, cr);
  const reason = (verb: string) => `${verb} by change request "${cr.title}": ${cr.whyNow}`;
  const entryOf = first(
    await tx
      .select({ version: scheduleEntries.version, periodId: scheduleEntries.periodId })
      .from(scheduleEntries)
      .where(eq(scheduleEntries.itemId, incoming.id)),
  );
  const fromPeriodId = entryOf?.periodId ?? null;
  const incomingChanges = await writeItem(tx, incoming, {
    status: 'scheduled',
    cycleId: cr.cycleId,
    rank: rankAt(schedule.items, position),
    decisionReason: reason('Brought in'),
  });
  await setPeriod(tx, incoming.id, entryOf?.version ?? null, cr.incomingPeriodId);
  await logItemChange(tx, actor, cr, incoming.id, 'item.schedule_changed', {
    action: 'in',
    changes: { ...incomingChanges, periodId: { from: fromPeriodId, to: cr.incomingPeriodId } },
  });
  const applied: AppliedChange[] = [
    {
      itemId: incoming.id,
      title: incoming.title,
      action: 'in',
      fromPeriodId,
      toPeriodId: cr.incomingPeriodId,
      requestorId: incoming.requestorId,
      sponsorId: incoming.sponsorId,
    },
  ];

  const byId = new Map(schedule.items.map((row) => [row.id, row]));
  for (const d of cr.displaced) {
    const row = byId.get(d.itemId)!; // checkProposal refused anything not in the schedule
    const toPeriodId = d.action === 'out' ? null : d.toPeriodId!;
    const changes: Changes =
      d.action === 'out' ? await writeItem(tx, row, { status: 'deferred', decisionReason: reason('Moved out') }) : {};
    if (row.entryVersion !== null || toPeriodId !== null) await setPeriod(tx, row.id, row.entryVersion, toPeriodId);
    if (row.periodId !== toPeriodId) changes.periodId = { from: row.periodId, to: toPeriodId };
    await logItemChange(tx, actor, cr, row.id, 'item.schedule_changed', { action: d.action, changes });
    applied.push({
      itemId: row.id,
      title: row.title,
      action: d.action,
      fromPeriodId: row.periodId,
      toPeriodId,
      requestorId: row.requestorId,
      sponsorId: row.sponsorId,
    });
  }
  return applied;
}
