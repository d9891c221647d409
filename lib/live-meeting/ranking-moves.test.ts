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

/** A live meeting whose four agenda items were all accepted, in agenda order. */
async function ranked() {
  const setup = await plannedMeeting({ items: 4 });
  startMeeting(setup.pm, setup.meeting.id, {
    votesVisibility: 'live',
    weighted: false,
    confirm: ['no_preread', 'early'],
  });
  for (const item of setup.items) recordDecision(setup.pm, setup.meeting.id, item.id, { outcome: 'accepted' });
  const ids = setup.items.map((i) => i.id);
  return { ...setup, ids };
}

const order = (cycleId: number) => acceptedRanking(db, cycleId).map((r) => r.id);
const version = (id: number) => readItem(id).version;

describe('moveAccepted', () => {
  it('moves one item, writing only that row, and records live.rank_changed', async () => {
    const { pm, meeting, cycle, ids } = await ranked();
    const before = Object.fromEntries(ids.map((id) => [id, readItem(id)]));
    const result = moveAccepted(pm, meeting.id, ids[3], 0, before[ids[3]].version);
    expect(result.order).toEqual([ids[3], ids[0], ids[1], ids[2]]);
    expect(order(cycle.id)).toEqual(result.order);
    for (const id of ids.slice(0, 3)) expect(readItem(id)).toEqual(before[id]);
    expect(readItem(ids[3]).version).toBe(before[ids[3]].version + 1);
    expect(eventsOf('meeting', meeting.id).at(-1)).toMatchObject({
      type: 'live.rank_changed',
      data: { itemId: ids[3], toIndex: 0 },
    });
  });

  it('keeps both of two concurrent moves of different items', async () => {
    const { pm, meeting, cycle, ids } = await ranked();
    const admin = await userWithRole('admin');
    // Both movers saw the same list with the same versions.
    const seen = Object.fromEntries(ids.map((id) => [id, version(id)]));
    moveAccepted(pm, meeting.id, ids[0], 3, seen[ids[0]]); // first to last
    moveAccepted(admin, meeting.id, ids[3], 0, seen[ids[3]]); // last to first
    expect(order(cycle.id)).toEqual([ids[3], ids[1], ids[2], ids[0]]);
    expect(eventsOf('meeting', meeting.id).filter((e) => e.type === 'live.rank_changed')).toHaveLength(2);
  });

  it('refuses a stale move of the same item with the new order, and overwrites nothing', async () => {
    const { pm, meeting, cycle, ids } = await ranked();
    const admin = await userWithRole('admin');
    const seen = version(ids[2]);
    moveAccepted(pm, meeting.id, ids[2], 0, seen);
    const after = readItem(ids[2]);
    let error: unknown;
    try {
      moveAccepted(admin, meeting.id, ids[2], 3, seen);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RankConflictError);
    expect((error as RankConflictError).message).toBe(
      'This item was moved by someone else meanwhile; here is the new order.',
    );
    expect((error as RankConflictError).order).toEqual([ids[2], ids[0], ids[1], ids[3]]);
    expect(readItem(ids[2])).toEqual(after);
    expect(order(cycle.id)).toEqual([ids[2], ids[0], ids[1], ids[3]]);
  });

  it('refuses a position that does not exist, a rejected item, and people who may not rank', async () => {
    const { pm, leaders, meeting, ids, cycle, departments } = await ranked();
    expect(() => moveAccepted(pm, meeting.id, ids[0], 4, version(ids[0]))).toThrow(
      'Position 5 does not exist: choose 1 to 4.',
    );
    expect(() => moveAccepted(pm, meeting.id, ids[0], -1, version(ids[0]))).toThrow(ValidationError);
    const rejected = makeItem(db, {
      cycleId: cycle.id,
      requestorId: pm.id,
      departmentId: departments.sales.id,
      status: 'rejected',
    });
    expect(() => moveAccepted(pm, meeting.id, rejected.id, 0, rejected.version)).toThrow(
      'Only accepted items of this cycle can be ranked.',
    );
    expect(() => moveAccepted(leaders[0], meeting.id, ids[0], 1, version(ids[0]))).toThrow(ForbiddenError);
    endMeeting(pm, meeting.id);
    expect(() => moveAccepted(pm, meeting.id, ids[0], 1, version(ids[0]))).toThrow('The meeting has already ended.');
  });

  it('gives an accepted item without a rank a place at the bottom without bumping its version', async () => {
    const { pm, cycle, ids, departments } = await ranked();
    const loose = makeItem(db, {
      cycleId: cycle.id,
      requestorId: pm.id,
      departmentId: departments.sales.id,
      status: 'accepted',
    });
    expect(order(cycle.id)).toEqual([...ids, loose.id]);
    expect(readItem(loose.id).version).toBe(loose.version);
  });
});

describe('changeCapacity', () => {
  it("is the facilitator's way to move the cut line, and is recorded", async () => {
    const { pm, leaders, meeting, cycle } = await ranked();
    const before = cutLine(acceptedRanking(db, cycle.id), 20); // 4 × M (3 weeks) = 12 weeks
    expect(before.fitCount).toBe(4);
    expect(acceptedRanking(db, cycle.id).map((r) => r.weeks)).toEqual([3, 3, 3, 3]);
    expect(changeCapacity(pm, meeting.id, '7')).toBe(7);
    const capacity = db.select().from(cycles).where(eq(cycles.id, cycle.id)).get()!.capacityWeeks;
    expect(capacity).toBe(7);
    expect(cutLine(acceptedRanking(db, cycle.id), capacity).fitCount).toBe(2);
    expect(eventsOf('meeting', meeting.id).at(-1)).toMatchObject({
      type: 'live.capacity_changed',
      data: { from: 20, to: 7 },
    });
    expect(() => changeCapacity(leaders[0], meeting.id, 30)).toThrow(ForbiddenError);
    expect(() => changeCapacity(pm, meeting.id, -1)).toThrow('Capacity cannot be negative.');
    expect(() => changeCapacity(pm, meeting.id, 'lots')).toThrow(ValidationError);
    const events = eventsOf('meeting', meeting.id).length;
    changeCapacity(pm, meeting.id, 7); // unchanged: nothing recorded
    expect(eventsOf('meeting', meeting.id)).toHaveLength(events);
    expect(db.select().from(itemsTable).where(eq(itemsTable.cycleId, cycle.id)).all()).toHaveLength(4);
  });
});
