import { describe, expect, it } from 'vitest';
import { honestCut, whatIf } from './what-if';

const items = [
  { id: 1, weeks: 4 },
  { id: 2, weeks: 4 },
  { id: 3, weeks: 6 },
  { id: 4, weeks: 1 },
  { id: 5, weeks: null },
  { id: 6, weeks: 2 },
];

describe('honestCut', () => {
  it('names the items below the line that would still fit the unused capacity, together', () => {
    // 4 + 4 = 8 of 10 fit; item 3 (6) does not; 2 weeks unused: item 4 (1), item 5 (0) fit, item 6 (2) no longer does.
    const cut = honestCut(items, 10);
    expect(cut).toMatchObject({ fitCount: 2, fittingWeeks: 8, unusedWeeks: 2, stillFitIds: [4, 5] });
  });

  it('has nothing to hint when everything fits or nothing is left over', () => {
    expect(honestCut(items, 100).stillFitIds).toEqual([]);
    expect(
      honestCut(
        [
          { id: 1, weeks: 3 },
          { id: 2, weeks: 1 },
        ],
        3,
      ),
    ).toMatchObject({ stillFitIds: [], unusedWeeks: 0 });
  });
});

describe('whatIf', () => {
  it('computes the line without the items left out, with another capacity', () => {
    const result = whatIf(items, 10, [3]);
    expect(result.keptIds).toEqual([1, 2, 4, 5, 6]);
    // 4 + 4 + 1 + 0 = 9; item 6 (2) no longer fits; 1 week unused, nothing below fits it
    expect(result).toMatchObject({ fitCount: 4, fittingWeeks: 9, stillFitIds: [] });
    expect(whatIf(items, 20, [])).toMatchObject({ fitCount: 6, acceptedCount: 6 });
  });
});
