import { describe, expect, it } from 'vitest';
import type { SizeWeeks } from '@/db/schema';
import { effectiveWeeks, parseEstimate, sumEstimates } from './estimates';

describe('parseEstimate', () => {
  it.each([
    ['M', 'M'],
    ['m', 'M'],
    ['xs', 'XS'],
    ['Xl', 'XL'],
    ['  l ', 'L'],
  ])('reads %j as size %s, whatever the case', (raw, size) => {
    expect(parseEstimate(raw)).toEqual({ ok: true, estimateSize: size, estimateWeeks: null });
  });

  it.each([
    ['2.5', 2.5],
    ['1', 1],
    [' 40 ', 40],
    ['1000', 1000],
    ['0.5', 0.5],
  ])('reads %j as %d person-weeks', (raw, weeks) => {
    expect(parseEstimate(raw)).toEqual({ ok: true, estimateSize: null, estimateWeeks: weeks });
  });

  it.each(['', '   '])('reads %j as clearing the estimate', (raw) => {
    expect(parseEstimate(raw)).toEqual({ ok: true, estimateSize: null, estimateWeeks: null });
  });

  it.each([
    ['-1', /more than 0/],
    ['0', /more than 0/],
    ['0.0', /more than 0/],
    ['1001', /at most 1000/],
    ['abc', /size \(XS, S, M, L, XL\) or a number/],
    ['XXL', /size/],
    ['1e3', /size/],
    ['2,5', /size/],
    ['M3', /size/],
  ])('refuses %j with a message', (raw, message) => {
    const result = parseEstimate(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });
});

describe('effectiveWeeks', () => {
  const table: SizeWeeks = { XS: 0.25, S: 2, M: 4, L: 8, XL: 16 };

  it("takes a size from the cycle's size table", () => {
    expect(effectiveWeeks({ estimateSize: 'M', estimateWeeks: null }, table)).toBe(4);
    expect(effectiveWeeks({ estimateSize: 'XS', estimateWeeks: null }, table)).toBe(0.25);
  });

  it('prefers explicit weeks over a size', () => {
    expect(effectiveWeeks({ estimateSize: 'XL', estimateWeeks: 3 }, table)).toBe(3);
    expect(effectiveWeeks({ estimateSize: null, estimateWeeks: 7.5 }, table)).toBe(7.5);
  });

  it('is null when the item is not estimated', () => {
    expect(effectiveWeeks({ estimateSize: null, estimateWeeks: null }, table)).toBeNull();
  });
});

describe('sumEstimates', () => {
  it('sums counted items in total and per theme, null theme included', () => {
    const { total, byTheme } = sumEstimates([
      { status: 'curated', themeId: 1, effectiveWeeks: 3 },
      { status: 'accepted', themeId: 1, effectiveWeeks: 2 },
      { status: 'submitted', themeId: 2, effectiveWeeks: 6 },
      { status: 'scheduled', themeId: null, effectiveWeeks: 1.5 },
      { status: 'curated', themeId: null, effectiveWeeks: 0.5 },
    ]);
    expect(total).toBe(13);
    expect(byTheme.get(1)).toBe(5);
    expect(byTheme.get(2)).toBe(6);
    expect(byTheme.get(null)).toBe(2);
    expect(byTheme.size).toBe(3);
  });

  it.each(['rejected', 'withdrawn', 'deferred'])('does not count a %s item', (status) => {
    const { total, byTheme } = sumEstimates([
      { status: 'curated', themeId: 1, effectiveWeeks: 3 },
      { status, themeId: 1, effectiveWeeks: 100 },
      { status, themeId: 9, effectiveWeeks: 100 },
    ]);
    expect(total).toBe(3);
    expect(byTheme.get(1)).toBe(3);
    expect(byTheme.has(9)).toBe(false);
  });

  it('skips unestimated items', () => {
    const { total, byTheme } = sumEstimates([
      { status: 'curated', themeId: 4, effectiveWeeks: null },
      { status: 'curated', themeId: null, effectiveWeeks: 2 },
    ]);
    expect(total).toBe(2);
    expect(byTheme.has(4)).toBe(false);
  });

  it('is zero for an empty backlog', () => {
    const { total, byTheme } = sumEstimates([]);
    expect(total).toBe(0);
    expect(byTheme.size).toBe(0);
  });
});
