import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { departments, items, leaderRankings, meetingAttendees, users, type Meeting } from '@/db/schema';
import { can } from '@/lib/auth/permissions';
import { ConflictError, ForbiddenError, ValidationError } from '@/lib/errors';
import { logEvent, type Executor } from '@/lib/events/log.server';
import { attendeeRole } from '@/lib/meetings/access.server';
import { acceptedRanking } from '@/lib/ranking/accepted.server';
import { bordaAggregate, type Ballot } from '@/lib/ranking/borda';
import { parseOrThrow } from '@/lib/validation';
import { assertNotEnded, getLiveMeeting, isFacilitator, liveEvent, liveTransaction } from './core.server';
import type { ActingUser } from '@/lib/auth/acting-user';

/**
 * Everyone ranks: each voter of a live meeting submits their own order of the accepted items; the
 * facilitator sees the Borda aggregate (lib/ranking/borda.ts) and may adopt it as the meeting's
 * ranking. Adoption is a separate, explicit step: a submission never moves the shared ranking.
 */

const ItemIds = z
  .array(z.number({ error: 'itemIds must be item ids.' }).int().positive(), {
    error: 'itemIds must be a list of item ids.',
  })
  .min(1, 'itemIds must list the accepted items in your order.')
  .max(1000, 'itemIds lists too many items.');

/** Live or paused: a leader may rank during a pause, not before the start or after the end. */
export function assertRankingOpen(meeting: Meeting): void {
  assertNotEnded(meeting);
  if (meeting.status === 'scheduled') {
    const message = 'The meeting has not started yet.';
    throw new ValidationError({ meeting: [message] }, message);
  }
}

/** Replaces the voter's own order of the accepted items; logged as `ranking.submitted` (without the order). */
export async function submitRanking(actor: ActingUser, meetingId: number, itemIds: unknown): Promise<void> {
  const order = parseOrThrow(z.object({ itemIds: ItemIds }), { itemIds }).itemIds;
  await liveTransaction(meetingId, async (tx) => {
    const meeting = await getLiveMeeting(tx, actor, meetingId);
    if ((await attendeeRole(tx, meetingId, actor.id)) !== 'voter')
      throw new ForbiddenError("Only the meeting's voters submit their own order.");
    assertRankingOpen(meeting);
    assertCompleteOrder(
      order,
      (await acceptedRanking(tx, meeting.cycleId)).map((r) => r.id),
    );
    const before = await tx
      .select({ itemId: leaderRankings.itemId })
      .from(leaderRankings)
      .where(and(eq(leaderRankings.meetingId, meetingId), eq(leaderRankings.userId, actor.id)));
    await tx
      .delete(leaderRankings)
      .where(and(eq(leaderRankings.meetingId, meetingId), eq(leaderRankings.userId, actor.id)));
    const submittedAt = new Date().toISOString();
    await tx
      .insert(leaderRankings)
      .values(
        order.map((itemId, index) => ({ meetingId, userId: actor.id, itemId, position: index + 1, submittedAt })),
      );
    // The order itself stays in leader_rankings: the event reaches every viewer's stream.
    const eventId = await logEvent(tx, {
      actorId: actor.id,
      type: 'ranking.submitted',
      subjectType: 'meeting',
      subjectId: meetingId,
      data: { itemCount: order.length, resubmitted: before.length > 0 },
    });
    return { value: undefined, eventId };
  });
}

function assertCompleteOrder(order: number[], accepted: number[]): void {
  const fail = (message: string): never => {
    throw new ValidationError({ itemIds: [message] }, message);
  };
  const seen = new Set<number>();
  const duplicates = order.filter((id) => (seen.has(id) ? true : (seen.add(id), false)));
  if (duplicates.length) fail(`itemIds lists item ${[...new Set(duplicates)].join(', ')} more than once.`);
  const acceptedSet = new Set(accepted);
  const unknown = order.filter((id) => !acceptedSet.has(id));
  if (unknown.length)
    fail(`Item ${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not accepted in this meeting's cycle.`);
  const missing = accepted.filter((id) => !seen.has(id));
  if (missing.length) fail(`Your order leaves out accepted item ${missing.join(', ')}: rank every accepted item.`);
}

export type LeaderOrder = {
  userId: number;
  name: string;
  departmentId: number;
  departmentName: string;
  submittedAt: string;
  order: number[];
};

/** Every submitted order, by leader name. Callers decide who may see them. */
export async function leaderOrders(tx: Executor, meetingId: number): Promise<LeaderOrder[]> {
  const rows = await tx
    .select({
      userId: leaderRankings.userId,
      itemId: leaderRankings.itemId,
      submittedAt: leaderRankings.submittedAt,
      name: users.name,
      departmentId: departments.id,
      departmentName: departments.name,
    })
    .from(leaderRankings)
    .innerJoin(users, eq(users.id, leaderRankings.userId))
    .innerJoin(departments, eq(departments.id, users.departmentId))
    // Only voters still attending count: someone removed from the meeting no longer has a say.
    .innerJoin(
      meetingAttendees,
      and(
        eq(meetingAttendees.meetingId, leaderRankings.meetingId),
        eq(meetingAttendees.userId, leaderRankings.userId),
        eq(meetingAttendees.role, 'voter'),
      ),
    )
    .where(eq(leaderRankings.meetingId, meetingId))
    .orderBy(asc(users.name), asc(leaderRankings.userId), asc(leaderRankings.position));
  const byUser = new Map<number, LeaderOrder>();
  for (const r of rows) {
    const entry = byUser.get(r.userId) ?? {
      userId: r.userId,
      name: r.name,
      departmentId: r.departmentId,
      departmentName: r.departmentName,
      submittedAt: r.submittedAt,
      order: [],
    };
    entry.order.push(r.itemId);
    byUser.set(r.userId, entry);
  }
  return [...byUser.values()];
}

export function ballotsOf(orders: LeaderOrder[]): Ballot[] {
  return orders.map((o) => ({
    userId: o.userId,
    departmentId: o.departmentId,
    departmentName: o.departmentName,
    order: o.order,
  }));
}

/** Facilitator, pm, admin: may see every leader's order and the aggregate, and adopt it. */
export function seesLeaderOrders(actor: ActingUser, meeting: Meeting): boolean {
  return isFacilitator(actor, meeting) || can(actor, 'meeting.manage');
}

/**
 * Rewrites the ranks of the accepted items to the Borda aggregate, in one transaction, bumping each
 * moved item's version (so a move sent from the old order is refused as stale). Facilitator only.
 */
export async function adoptAggregate(actor: ActingUser, meetingId: number): Promise<number[]> {
  return liveTransaction(meetingId, async (tx) => {
    const meeting = await getLiveMeeting(tx, actor, meetingId);
    if (!isFacilitator(actor, meeting)) throw new ForbiddenError('Only the facilitator can adopt the aggregate.');
    assertRankingOpen(meeting);
    const ranking = await acceptedRanking(tx, meeting.cycleId);
    const before = ranking.map((r) => r.id);
    const orders = await leaderOrders(tx, meetingId);
    if (orders.length === 0) {
      const message = 'No leader has submitted an order yet.';
      throw new ConflictError(message);
    }
    const after = bordaAggregate(before, ballotsOf(orders)).items.map((i) => i.itemId);
    if (after.every((id, i) => id === before[i])) return { value: after, eventId: null };
    // The same keys, handed out in the new order: only the items that change place are written.
    const keys = ranking.map((r) => r.rank);
    const current = new Map(ranking.map((r) => [r.id, r.rank]));
    for (const [index, id] of after.entries()) {
      if (current.get(id) === keys[index]) continue;
      await tx
        .update(items)
        .set({ rank: keys[index], version: sql`${items.version} + 1` })
        .where(eq(items.id, id));
    }
    const eventId = await liveEvent(tx, actor, meetingId, 'live.rank_changed', {
      adopted: 'borda',
      ballots: orders.length,
      from: before,
      to: after,
    });
    return { value: after, eventId };
  });
}
