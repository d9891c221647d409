import { describe, expect, it } from 'vitest';
import {
  nfrShare,
  nfrShareAboveCut,
  nfrShareMatters,
  nfrShareText,
  nfrUnestimatedText,
  type NfrShareItem,
} from './nfr-share';

const feature = (weeks: number | null): NfrShareItem => ({ kind: 'feature', weeks });
const debt = (weeks: number | null): NfrShareItem => ({ kind: 'tech_debt', weeks });
const nfr = (weeks: number | null): NfrShareItem => ({ kind: 'non_functional', weeks });

describe('nfrShare', () => {
  it('counts non-functional and tech-debt weeks against capacity, never features or fixes', () => {
    const share = nfrShare([feature(5), debt(1), nfr(1), { kind: 'fix', weeks: 2 }], 10, 30);
    expect(share).toMatchObject({ nfrWeeks: 2, percent: 20, short: true, shortByWeeks: 1, unestimated: 0 });
    expect(nfrShareText(share, 'above the cut line')).toBe(
      'Non-functional work above the cut line: 2 of 10 person-weeks (20 %) — short of the 30 % target by 1 person-week.',
    );
  });

  it('is never short without a target, and says no more than the share', () => {
    const share = nfrShare([feature(8)], 10, null);
    expect(share).toMatchObject({ nfrWeeks: 0, percent: 0, short: false, shortByWeeks: 0 });
    expect(nfrShareText(share, 'on the agenda')).toBe('Non-functional work on the agenda: 0 of 10 person-weeks (0 %).');
  });

  it('meets the target exactly, floating-point sums included', () => {
    const share = nfrShare([debt(0.1), nfr(0.2)], 1, 30);
    expect(share.short).toBe(false);
    expect(nfrShareText(share, 'planned')).toBe(
      'Non-functional work planned: 0.3 of 1 person-week (30 %) — meets the 30 % target.',
    );
  });

  it('leaves unestimated items out of the weeks and says so', () => {
    const share = nfrShare([debt(null), nfr(2), nfr(null), feature(null)], 10, 10);
    expect(share).toMatchObject({ nfrWeeks: 2, unestimated: 2, short: false });
    expect(nfrUnestimatedText(share)).toBe('2 non-functional items have no estimate and are not counted.');
    expect(nfrUnestimatedText(nfrShare([debt(null)], 10, 10))).toBe(
      '1 non-functional item has no estimate and is not counted.',
    );
    expect(nfrUnestimatedText(nfrShare([debt(1)], 10, 10))).toBeNull();
  });

  it('goes above 100 % when the work exceeds capacity, and a capacity of 0 asks for nothing', () => {
    expect(nfrShare([debt(15)], 10, 30)).toMatchObject({ percent: 150, short: false });
    expect(nfrShare([debt(2)], 0, 30)).toMatchObject({ capacityWeeks: 0, percent: 0, short: false });
  });
});

describe('nfrShareAboveCut', () => {
  it('counts only the items above the cut line, which moves as the ranking does', () => {
    const ranking = [feature(4), debt(3), feature(4), nfr(2)];
    // 4 + 3 fit in 8; the next feature (4) does not, and nothing after it counts.
    expect(nfrShareAboveCut(ranking, 8, 30)).toMatchObject({ nfrWeeks: 3, percent: 38, short: false });
    const moved = [feature(4), feature(4), debt(3), nfr(2)];
    const share = nfrShareAboveCut(moved, 8, 30);
    expect(share).toMatchObject({ nfrWeeks: 0, short: true });
    expect(share.shortByWeeks).toBeCloseTo(2.4);
    expect(nfrShareText(share, 'above the cut line')).toContain('short of the 30 % target by 2.4 person-weeks');
  });

  it('counts an unestimated item above the line as not counted', () => {
    expect(nfrShareAboveCut([debt(null), feature(10), debt(1)], 10, null)).toMatchObject({
      nfrWeeks: 0,
      unestimated: 1,
    });
  });
});

describe('nfrShareMatters', () => {
  it('is silent without a target and without non-functional work, and speaks otherwise', () => {
    expect(nfrShareMatters(nfrShare([feature(3)], 10, null))).toBe(false);
    expect(nfrShareMatters(nfrShare([feature(3)], 10, 0))).toBe(true);
    expect(nfrShareMatters(nfrShare([debt(1)], 10, null))).toBe(true);
    expect(nfrShareMatters(nfrShare([nfr(null)], 10, null))).toBe(true);
  });
});
