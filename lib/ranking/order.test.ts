import { describe, expect, it } from 'vitest';
import { seededRandom } from '@/lib/testing/random';
import { initialKeys, isValidKey } from './fractional-index';
import { cutLine, moveDown, moveUp, orderByRank, planMove, STALE_MESSAGE, type MovePlan, type Ranked } from './order';

function list(n: number, weeks: (number | null)[] = []): Ranked[] {
  return initialKeys(n).map((rank, i) => ({ id: i + 1, rank, version: 1, weeks: weeks[i] ?? null }));
}

/** What the server does with an ok plan: write that one row and bump its version. */
function apply(items: Ranked[], plan: MovePlan): Ranked[] {
  if (!plan.ok) throw new Error(`expected an ok plan, got ${plan.reason}: ${plan.message}`);
  return items.map((item) =>
    item.id === plan.itemId ? { ...item, rank: plan.rank, version: item.version + 1 } : item,
  );
}

const ids = (items: Ranked[]) => orderByRank(items).map((item) => item.id);
const versionOf = (items: Ranked[], id: number) => ({ version: items.find((item) => item.id === id)!.version });

function expectRanksStrictlyIncreasing(items: Ranked[]) {
  const ranks = orderByRank(items).map((item) => item.rank);
  for (let i = 1; i < ranks.length; i++) expect(ranks[i - 1] < ranks[i], `${ranks[i - 1]} < ${ranks[i]}`).toBe(true);
  expect(ranks.every(isValidKey)).toBe(true);
}

describe('orderByRank', () => {
  it('orders by rank, then id, without mutating the input', () => {
    const items: Ranked[] = [
      { id: 3, rank: 'a1', version: 1, weeks: null },
      { id: 2, rank: 'a0', version: 1, weeks: null },
      { id: 1, rank: 'a1', version: 1, weeks: null },
    ];
    expect(ids(items)).toEqual([2, 1, 3]);
    expect(items.map((i) => i.id)).toEqual([3, 2, 1]);
  });
});

describe('planMove', () => {
  it('moves an item to every position of a 5-item list', () => {
    const expected: Record<number, number[]> = {
      0: [3, 1, 2, 4, 5],
      1: [1, 3, 2, 4, 5],
      2: [1, 2, 3, 4, 5],
      3: [1, 2, 4, 3, 5],
      4: [1, 2, 4, 5, 3],
    };
    for (let to = 0; to < 5; to++) {
      const items = list(5);
      const plan = planMove(items, 3, to);
      expect(plan.ok).toBe(true);
      expect(ids(apply(items, plan))).toEqual(expected[to]);
    }
    for (const id of [1, 5]) {
      for (let to = 0; to < 5; to++) {
        const order = [1, 2, 3, 4, 5].filter((x) => x !== id);
        order.splice(to, 0, id);
        expect(ids(apply(list(5), planMove(list(5), id, to)))).toEqual(order);
      }
    }
  });

  it('writes only the moved item, and nothing when it is already there', () => {
    const items = list(5);
    const plan = planMove(items, 2, 4);
    expect(plan).toMatchObject({ ok: true, itemId: 2, changed: true });
    const after = apply(items, plan);
    expect(after.filter((item, i) => item !== items[i]).map((item) => item.id)).toEqual([2]);
    expect(planMove(items, 2, 1)).toEqual({ ok: true, itemId: 2, rank: items[1].rank, changed: false });
  });

  it('refuses an unknown item and a position that does not exist (shown 1-based)', () => {
    const items = list(5);
    expect(planMove(items, 99, 0)).toMatchObject({ ok: false, reason: 'not-found' });
    expect(planMove(items, 1, 11)).toEqual({
      ok: false,
      reason: 'position',
      message: 'Position 12 does not exist: choose 1 to 5.',
    });
    expect(planMove(items, 1, -1)).toMatchObject({
      reason: 'position',
      message: 'Position 0 does not exist: choose 1 to 5.',
    });
    expect(planMove(items, 1, 5)).toMatchObject({ reason: 'position' });
    expect(planMove(items, 1, 1.5)).toMatchObject({ reason: 'position' });
  });

  it('two moves of the SAME item from the same version: the second is stale', () => {
    const start = list(5);
    const seen = versionOf(start, 2);
    const first = planMove(start, 2, 4, seen);
    const afterFirst = apply(start, first);
    const second = planMove(afterFirst, 2, 0, seen);
    expect(second).toEqual({ ok: false, reason: 'stale', message: STALE_MESSAGE });
    expect(ids(afterFirst)).toEqual([1, 3, 4, 5, 2]); // nothing overwritten
    // Retrying with the version from the new order succeeds.
    expect(ids(apply(afterFirst, planMove(afterFirst, 2, 0, versionOf(afterFirst, 2))))).toEqual([2, 1, 3, 4, 5]);
  });

  it('concurrent moves of DIFFERENT items from the same list both take effect', () => {
    const start = list(5);
    // Alice moves 5 to the top; Bob, looking at the same list, moves 2 between 4 and 5.
    const alice = planMove(start, 5, 0, versionOf(start, 5));
    const bob = planMove(start, 2, 3, versionOf(start, 2));
    const aliceThenBob = apply(apply(start, alice), bob);
    const bobThenAlice = apply(apply(start, bob), alice);
    expect(ids(aliceThenBob)).toEqual([5, 1, 3, 4, 2]);
    expect(ids(bobThenAlice)).toEqual(ids(aliceThenBob));
    expectRanksStrictlyIncreasing(aliceThenBob);
  });

  it('concurrent moves of different items into the SAME gap both land, with distinct ranks', () => {
    const start = list(5);
    // Both drop their item between 1 and 2.
    const alice = planMove(start, 4, 1, versionOf(start, 4));
    const bob = planMove(start, 5, 1, versionOf(start, 5));
    const after = apply(apply(start, alice), bob);
    const order = ids(after);
    expect(order[0]).toBe(1);
    expect(new Set(order.slice(1, 3))).toEqual(new Set([4, 5]));
    expect(order.slice(3)).toEqual([2, 3]);
    expectRanksStrictlyIncreasing(after);
    // So a later move between the two still works.
    const between = apply(after, planMove(after, 3, 2));
    expect(ids(between)).toEqual([1, order[1], 3, order[2], 2]);
    expectRanksStrictlyIncreasing(between);
  });

  it('500 random moves keep ranks unique, valid and strictly increasing, and the order as intended', () => {
    const random = seededRandom(42);
    let items = list(12);
    let order = ids(items);
    for (let step = 0; step < 500; step++) {
      const id = 1 + Math.floor(random() * 12);
      const to = Math.floor(random() * 12);
      items = apply(items, planMove(items, id, to, versionOf(items, id)));
      order = order.filter((x) => x !== id);
      order.splice(to, 0, id);
      expect(ids(items)).toEqual(order);
      expectRanksStrictlyIncreasing(items);
    }
    expect(new Set(items.map((i) => i.rank)).size).toBe(12);
    expect(Math.max(...items.map((i) => i.rank.length))).toBeLessThan(40);
  });

  it('random concurrent pairs of different items from the same list never lose a move', () => {
    const random = seededRandom(9);
    let items = list(8);
    for (let step = 0; step < 300; step++) {
      const a = 1 + Math.floor(random() * 8);
      const b = 1 + ((a + Math.floor(random() * 7)) % 8); // different from a
      const planA = planMove(items, a, Math.floor(random() * 8), versionOf(items, a));
      const planB = planMove(items, b, Math.floor(random() * 8), versionOf(items, b));
      items = apply(apply(items, planA), planB);
      expectRanksStrictlyIncreasing(items); // unique ranks: nothing collided
      if (planA.ok && planB.ok) {
        expect(items.find((i) => i.id === a)!.rank).toBe(planA.rank);
        expect(items.find((i) => i.id === b)!.rank).toBe(planB.rank);
      }
    }
  });

  it('keeps keys short when the same item is moved 1,000 times', () => {
    // Back and forth between the same neighbours.
    let items = list(5);
    for (let i = 0; i < 1000; i++) items = apply(items, planMove(items, 3, i % 2 === 0 ? 3 : 2));
    expect(Math.max(...items.map((item) => item.rank.length))).toBeLessThan(20);
    // Worst case: two items leapfrogging into the same gap, halving it every time.
    items = list(5);
    for (let i = 0; i < 1000; i++) items = apply(items, planMove(items, i % 2 === 0 ? 3 : 4, 1));
    expect(Math.max(...items.map((item) => item.rank.length))).toBeLessThan(200);
    expectRanksStrictlyIncreasing(items);
  });
});

describe('moveUp / moveDown', () => {
  it('move one place and refuse at the ends', () => {
    const items = list(3);
    expect(ids(apply(items, moveUp(items, 2)))).toEqual([2, 1, 3]);
    expect(ids(apply(items, moveDown(items, 2)))).toEqual([1, 3, 2]);
    expect(moveUp(items, 1)).toMatchObject({ ok: false, reason: 'position', message: 'This item is already first.' });
    expect(moveDown(items, 3)).toMatchObject({ ok: false, reason: 'position', message: 'This item is already last.' });
    expect(moveUp(items, 9)).toMatchObject({ ok: false, reason: 'not-found' });
    expect(moveDown(items, 9)).toMatchObject({ ok: false, reason: 'not-found' });
    expect(moveUp(items, 2, { version: 0 })).toMatchObject({ ok: false, reason: 'stale' });
  });
});

describe('cutLine', () => {
  it('fits exactly at capacity', () => {
    expect(cutLine(list(3, [2, 3, 5]), 10)).toEqual({
      fitCount: 3,
      fittingWeeks: 10,
      acceptedCount: 3,
      totalWeeks: 10,
    });
    expect(cutLine(list(3, [2, 3, 5]), 5)).toEqual({ fitCount: 2, fittingWeeks: 5, acceptedCount: 3, totalWeeks: 10 });
  });

  it('fits nothing when the first item is too big, and never skips ahead', () => {
    expect(cutLine(list(3, [8, 1, 1]), 5)).toEqual({ fitCount: 0, fittingWeeks: 0, acceptedCount: 3, totalWeeks: 10 });
    expect(cutLine(list(4, [2, 6, 1, 1]), 5)).toEqual({
      fitCount: 1,
      fittingWeeks: 2,
      acceptedCount: 4,
      totalWeeks: 10,
    });
    expect(cutLine([], 5)).toEqual({ fitCount: 0, fittingWeeks: 0, acceptedCount: 0, totalWeeks: 0 });
  });

  it('counts unestimated items as 0 weeks but still as items', () => {
    expect(cutLine(list(4, [null, 3, null, 4]), 3)).toEqual({
      fitCount: 3,
      fittingWeeks: 3,
      acceptedCount: 4,
      totalWeeks: 7,
    });
    expect(cutLine(list(2, [null, null]), 0)).toEqual({
      fitCount: 2,
      fittingWeeks: 0,
      acceptedCount: 2,
      totalWeeks: 0,
    });
  });

  it('tolerates fractional weeks and rejects a bad capacity', () => {
    expect(cutLine(list(2, [0.1, 0.2]), 0.3).fitCount).toBe(2);
    expect(() => cutLine(list(1, [1]), -1)).toThrow();
    expect(() => cutLine(list(1, [1]), Number.NaN)).toThrow();
  });
});
