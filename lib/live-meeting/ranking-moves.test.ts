import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { makeItem } from '@/db/factories';
import { cycles, items as itemsTable } from '@/db/schema';
import { ForbiddenError, ValidationError } from '@/lib/errors';
import { db, eventsOf, readItem, userWithRole } from '@/lib/testing/db';
import { plannedMeeting } from '@/lib/meetings/test-helpers';
import { cutLine } from '@/lib/ranking/order';
import { endMeeting, startMeeting } from './session.server';
import { acceptedRanking } from '@/lib/ranking/accepted.server';
import { changeCapacity, moveAccepted, RankConflictError } from './ranking-moves.server';
import { recordDecision } from './decisions.server';
import { first } from '@/db/rows';
import { inOrder } from '@/lib/testing/in-order';

/** A live meeting whose four agenda items were all accepted, in agenda order. */
async function ranked() {
  const setup = await plannedMeeting({ items: 4 });
  await startMeeting(setup.pm, setup.meeting.id, {
    votesVisibility: 'live',
    weighted: false,
    confirm: ['no_preread', 'early'],
  });
  for (const item of setup.items) await recordDecision(setup.pm, setup.meeting.id, item.id, { outcome: 'accepted' });
  const ids = setup.items.map((i) => i.id);
  return { ...setup, ids };
}

const order = async (cycleId: number) => (await acceptedRanking(db, cycleId)).map((r) => r.id);
const version = async (id: number) => (await readItem(id)).version;

describe('moveAccepted', () => {
  it('moves one item, writing only that row, and records live.rank_changed', async () => {
    const { pm, meeting, cycle, ids } = await ranked();
    const before = Object.fromEntries(await inOrder(ids, async (id) => [id, await readItem(id)]));
    const result = await moveAccepted(pm, meeting.id, ids[3], 0, before[ids[3]].version);
    expect(result.order).toEqual([ids[3], ids[0], ids[1], ids[2]]);
    expect(await order(cycle.id)).toEqual(result.order);
    for (const id of ids.slice(0, 3)) expect(await readItem(id)).toEqual(before[id]);
    expect((await readItem(ids[3])).version).toBe(before[ids[3]].version + 1);
    expect((await eventsOf('meeting', meeting.id)).at(-1)).toMatchObject({
      type: 'live.rank_changed',
      data: { itemId: ids[3], toIndex: 0 },
    });
  });

  it('keeps both of two concurrent moves of different items', async () => {
    const { pm, meeting, cycle, ids } = await ranked();
    const admin = await userWithRole('admin');
    // Both movers saw the same list with the same versions.
    const seen = Object.fromEntries(await inOrder(ids, async (id) => [id, await version(id)]));
    await moveAccepted(pm, meeting.id, ids[0], 3, seen[ids[0]]); // first to last
    await moveAccepted(admin, meeting.id, ids[3], 0, seen[ids[3]]); // last to first
    expect(await order(cycle.id)).toEqual([ids[3], ids[1], ids[2], ids[0]]);
    expect((await eventsOf('meeting', meeting.id)).filter((e) => e.type === 'live.rank_changed')).toHaveLength(2);
  });

  it('refuses a stale move of the same item with the new order, and overwrites nothing', async () => {
    const { pm, meeting, cycle, ids } = await ranked();
    const admin = await userWithRole('admin');
    const seen = await version(ids[2]);
    await moveAccepted(pm, meeting.id, ids[2], 0, seen);
    const after = await readItem(ids[2]);
    let error: unknown;
    try {
      await moveAccepted(admin, meeting.id, ids[2], 3, seen);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RankConflictError);
    expect((error as RankConflictError).message).toBe(
      'This item was moved by someone else meanwhile; here is the new order.',
    );
    expect((error as RankConflictError).order).toEqual([ids[2], ids[0], ids[1], ids[3]]);
    expect(await readItem(ids[2])).toEqual(after);
    expect(await order(cycle.id)).toEqual([ids[2], ids[0], ids[1], ids[3]]);
  });

  it('refuses a position that does not exist, a rejected item, and people who may not rank', async () => {
    const { pm, leaders, meeting, ids, cycle, departments } = await ranked();
    await expect(moveAccepted(pm, meeting.id, ids[0], 4, await version(ids[0]))).rejects.toThrow(
      'Position 5 does not exist: choose 1 to 4.',
    );
    await expect(moveAccepted(pm, meeting.id, ids[0], -1, await version(ids[0]))).rejects.toThrow(ValidationError);
    const rejected = await makeItem(db, {
      cycleId: cycle.id,
      requestorId: pm.id,
      departmentId: departments.sales.id,
      status: 'rejected',
    });
    await expect(moveAccepted(pm, meeting.id, rejected.id, 0, rejected.version)).rejects.toThrow(
      'Only accepted items of this cycle can be ranked.',
    );
    await expect(moveAccepted(leaders[0], meeting.id, ids[0], 1, await version(ids[0]))).rejects.toThrow(
      ForbiddenError,
    );
    await endMeeting(pm, meeting.id);
    await expect(moveAccepted(pm, meeting.id, ids[0], 1, await version(ids[0]))).rejects.toThrow(
      'The meeting has already ended.',
    );
  });

  it('gives an accepted item without a rank a place at the bottom without bumping its version', async () => {
    const { pm, cycle, ids, departments } = await ranked();
    const loose = await makeItem(db, {
      cycleId: cycle.id,
      requestorId: pm.id,
      departmentId: departments.sales.id,
      status: 'accepted',
    });
    expect(await order(cycle.id)).toEqual([...ids, loose.id]);
    expect((await readItem(loose.id)).version).toBe(loose.version);
  });
});

describe('changeCapacity', () => {
  it("is the facilitator's way to move the cut line, and is recorded", async () => {
    const { pm, leaders, meeting, cycle } = await ranked();
    const before = cutLine(await acceptedRanking(db, cycle.id), 20); // 4 × M (3 weeks) = 12 weeks
    expect(before.fitCount).toBe(4);
    expect((await acceptedRanking(db, cycle.id)).map((r) => r.weeks)).toEqual([3, 3, 3, 3]);
    expect(await changeCapacity(pm, meeting.id, '7')).toBe(7);
    const capacity = first(await db.select().from(cycles).where(eq(cycles.id, cycle.id)))!.capacityWeeks;
    expect(capacity).toBe(7);
    expect(cutLine(await acceptedRanking(db, cycle.id), capacity).fitCount).toBe(2);
    expect((await eventsOf('meeting', meeting.id)).at(-1)).toMatchObject({
      type: 'live.capacity_changed',
      data: { from: 20, to: 7 },
    });
    await expect(changeCapacity(leaders[0], meeting.id, 30)).rejects.toThrow(ForbiddenError);
    await expect(changeCapacity(pm, meeting.id, -1)).rejects.toThrow('Capacity cannot be negative.');
    await expect(changeCapacity(pm, meeting.id, 'lots')).rejects.toThrow(ValidationError);
    const events = (await eventsOf('meeting', meeting.id)).length;
    await changeCapacity(pm, meeting.id, 7); // unchanged: nothing recorded
    expect(await eventsOf('meeting', meeting.id)).toHaveLength(events);
    expect(await db.select().from(itemsTable).where(eq(itemsTable.cycleId, cycle.id))).toHaveLength(4);
  });
});
