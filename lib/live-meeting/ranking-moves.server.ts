import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { cycles, items } from '@/db/schema';
import { can } from '@/lib/auth/permissions';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@/lib/errors';
import { acceptedRanking } from '@/lib/ranking/accepted.server';
import { orderByRank, planMove, STALE_MESSAGE } from '@/lib/ranking/order';
import {
  assertIsFacilitator,
  assertLive,
  isFacilitator,
  liveEvent,
  liveTransaction,
  getLiveMeeting,
} from './core.server';
import type { ActingUser } from '@/lib/auth/acting-user';
import { affectedRows, first } from '@/db/rows';

/** A refused move; `order` is the current ranking (item ids, top first) so the client can show it at once. */
export class RankConflictError extends ConflictError {
  constructor(
    message: string,
    public order: number[],
  ) {
    super(message, 'rank');
  }
}

function assertMayRank(actor: ActingUser, meeting: Parameters<typeof isFacilitator>[1]): void {
  if (!isFacilitator(actor, meeting) && !can(actor, 'meeting.manage'))
    throw new ForbiddenError('Only the facilitator, a pm or an admin can rank.');
}

/**
 * Moves one accepted item to 0-based `toIndex` of the cycle's ranking, writing only that item:
 *   UPDATE items SET rank = ?, version = version + 1 WHERE id = ? AND version = ?
 * `expectedVersion` is the item version the mover saw; a move of the same item by someone else
 * meanwhile refuses this one (RankConflictError with the current order). Moves of different items
 * never conflict.
 */
export async function moveAccepted(
  actor: ActingUser,
  meetingId: number,
  itemId: number,
  toIndex: number,
  expectedVersion: number,
): Promise<{ rank: string; order: number[] }> {
  return liveTransaction(meetingId, async (tx) => {
    const meeting = await getLiveMeeting(tx, actor, meetingId);
    assertMayRank(actor, meeting);
    assertLive(meeting);
    const item = first(
      await tx
        .select({ id: items.id, status: items.status, cycleId: items.cycleId })
        .from(items)
        .where(eq(items.id, itemId)),
    );
    if (!item) throw new NotFoundError('This item');
    if (item.cycleId !== meeting.cycleId || item.status !== 'accepted') {
      const message = 'Only accepted items of this cycle can be ranked.';
      throw new ValidationError({ itemId: [message] }, message);
    }
    const ranking = await acceptedRanking(tx, meeting.cycleId);
    const plan = planMove(ranking, itemId, toIndex, { version: expectedVersion });
    if (!plan.ok) {
      if (plan.reason === 'stale')
        throw new RankConflictError(
          STALE_MESSAGE,
          ranking.map((r) => r.id),
        );
      throw new ValidationError({ toIndex: [plan.message] }, plan.message);
    }
    if (plan.changed) {
      const written = await tx
        .update(items)
        .set({ rank: plan.rank, version: sql`${items.version} + 1` })
        .where(and(eq(items.id, itemId), eq(items.version, expectedVersion)));
      if (affectedRows(written) === 0)
        throw new RankConflictError(
          STALE_MESSAGE,
          ranking.map((r) => r.id),
        );
    }
    const order = orderByRank(ranking.map((r) => (r.id === itemId ? { ...r, rank: plan.rank } : r))).map((r) => r.id);
    const eventId = plan.changed
      ? await liveEvent(tx, actor, meetingId, 'live.rank_changed', {
          itemId,
          rank: plan.rank,
          toIndex,
          version: expectedVersion + 1,
        })
      : null;
    return { value: { rank: plan.rank, order }, eventId };
  });
}

const CapacitySchema = z.coerce
  .number({ error: 'Enter the capacity in person-weeks.' })
  .refine(Number.isFinite, 'Enter the capacity in person-weeks.')
  .min(0, 'Capacity cannot be negative.')
  .max(10_000, 'Capacity must be at most 10,000 person-weeks.');

/** Facilitator: the only way to move the cut line. Recorded as `live.capacity_changed` with before and after. */
export async function changeCapacity(actor: ActingUser, meetingId: number, weeks: unknown): Promise<number> {
  const parsed = CapacitySchema.safeParse(weeks);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? 'Enter the capacity in person-weeks.';
    throw new ValidationError({ capacityWeeks: [message] }, message);
  }
  return liveTransaction(meetingId, async (tx) => {
    const meeting = await getLiveMeeting(tx, actor, meetingId);
    assertIsFacilitator(actor, meeting);
    assertLive(meeting);
    const cycle = first(
      await tx.select({ capacityWeeks: cycles.capacityWeeks }).from(cycles).where(eq(cycles.id, meeting.cycleId)),
    )!;
    if (cycle.capacityWeeks === parsed.data) return { value: parsed.data, eventId: null };
    await tx.update(cycles).set({ capacityWeeks: parsed.data }).where(eq(cycles.id, meeting.cycleId));
    const eventId = await liveEvent(tx, actor, meetingId, 'live.capacity_changed', {
      cycleId: meeting.cycleId,
      from: cycle.capacityWeeks,
      to: parsed.data,
    });
    return { value: parsed.data, eventId };
  });
}
