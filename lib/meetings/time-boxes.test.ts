import { describe, expect, it } from 'vitest';
import { formatCountdown, timeBoxes, timeLeftMs } from './time-boxes';

describe('timeBoxes', () => {
  it('shares the meeting evenly when no item has a box of its own', () => {
    const boxes = timeBoxes(
      [1, 2, 3].map((itemId) => ({ itemId, timeBoxMinutes: null })),
      90,
    );
    expect(boxes.items.map((i) => [i.minutes, i.set])).toEqual([
      [30, false],
      [30, false],
      [30, false],
    ]);
    expect(boxes).toMatchObject({ totalMinutes: 90, durationMinutes: 90, overMinutes: 0 });
  });

  it('gives the items without a box what is left after the set boxes, in whole minutes', () => {
    const boxes = timeBoxes(
      [
        { itemId: 1, timeBoxMinutes: 40 },
        { itemId: 2, timeBoxMinutes: null },
        { itemId: 3, timeBoxMinutes: null },
        { itemId: 4, timeBoxMinutes: null },
      ],
      90,
    );
    expect(boxes.items.map((i) => i.minutes)).toEqual([40, 16, 16, 16]);
    expect(boxes.items[0].set).toBe(true);
    expect(boxes.totalMinutes).toBe(88);
    expect(boxes.overMinutes).toBe(0);
  });

  it('says how far the agenda runs over, and never gives an item no time at all', () => {
    const boxes = timeBoxes(
      [
        { itemId: 1, timeBoxMinutes: 50 },
        { itemId: 2, timeBoxMinutes: 45 },
        { itemId: 3, timeBoxMinutes: null },
      ],
      90,
    );
    expect(boxes.items.map((i) => i.minutes)).toEqual([50, 45, 1]);
    expect(boxes).toMatchObject({ totalMinutes: 96, overMinutes: 6 });
  });

  it('treats a zero box as no box, and an empty agenda as needing nothing', () => {
    expect(timeBoxes([{ itemId: 1, timeBoxMinutes: 0 }], 30).items).toEqual([{ itemId: 1, minutes: 30, set: false }]);
    expect(timeBoxes([], 60)).toEqual({ items: [], totalMinutes: 0, durationMinutes: 60, overMinutes: 0 });
  });
});

describe('the countdown', () => {
  const since = '2026-01-01T10:00:00.000Z';
  const at = (iso: string) => Date.parse(iso);

  it('counts down from the moment the item became current, and past zero when over', () => {
    expect(timeLeftMs(since, 5, at('2026-01-01T10:00:00.000Z'))).toBe(300_000);
    expect(formatCountdown(timeLeftMs(since, 5, at('2026-01-01T10:01:54.500Z'))!)).toBe('3:06');
    expect(formatCountdown(timeLeftMs(since, 5, at('2026-01-01T10:06:10.000Z'))!)).toBe('-1:10');
  });

  it('has nothing to count without a start time or a box', () => {
    expect(timeLeftMs(null, 5, Date.now())).toBeNull();
    expect(timeLeftMs(since, undefined, Date.now())).toBeNull();
    expect(timeLeftMs('not a time', 5, Date.now())).toBeNull();
  });
});
