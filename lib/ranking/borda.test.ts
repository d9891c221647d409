import { describe, expect, it } from 'vitest';
import { bordaAggregate, type Ballot } from './borda';

const sales = { departmentId: 1, departmentName: 'Sales' };
const finance = { departmentId: 2, departmentName: 'Finance' };
const ballot = (userId: number, order: number[], dept = sales): Ballot => ({ userId, ...dept, order });

describe('bordaAggregate', () => {
  it('gives n−1 points for a first place down to 0 for last, and orders by points', () => {
    const a = bordaAggregate([10, 20, 30], [ballot(1, [30, 10, 20]), ballot(2, [30, 20, 10])]);
    expect(a.items.map((i) => [i.itemId, i.points])).toEqual([
      [30, 4],
      [10, 1],
      [20, 1],
    ]);
    expect(a.ballots).toBe(2);
  });

  it('breaks a tie on points by the better mean position, then by the current order', () => {
    // 10 and 20 both get 1 point; both have mean position 2.5 → the current order decides.
    const tie = bordaAggregate([20, 10, 30], [ballot(1, [30, 10, 20]), ballot(2, [30, 20, 10])]);
    expect(tie.items.map((i) => i.itemId)).toEqual([30, 20, 10]);
    // Three items, points tie 3–3 with different means is impossible with full ballots; with a partial one:
    const partial = bordaAggregate([1, 2, 3], [ballot(1, [1, 2, 3]), ballot(2, [2])]);
    // 1: 2 + (3−1−1)/2 = 2.5; 2: 1 + 2 = 3; 3: 0 + 0.5 = 0.5
    expect(partial.items.map((i) => [i.itemId, i.points])).toEqual([
      [2, 3],
      [1, 2.5],
      [3, 0.5],
    ]);
  });

  it('lets the items a partial ballot lacks share the points of the places left', () => {
    const a = bordaAggregate([1, 2, 3, 4], [ballot(1, [4, 3])]);
    // 4: 3, 3: 2, and 1, 2 share places 3 and 4 (1 and 0 points): 0.5 each
    expect(Object.fromEntries(a.items.map((i) => [i.itemId, i.points]))).toEqual({ 4: 3, 3: 2, 1: 0.5, 2: 0.5 });
    const one = a.items.find((i) => i.itemId === 1)!;
    expect(one).toMatchObject({ rankedBy: 0, meanPosition: null, range: null, stdDev: null });
  });

  it('ignores ids no longer in the ranking and duplicates on a ballot', () => {
    const a = bordaAggregate([1, 2], [ballot(1, [99, 2, 2, 1])]);
    expect(a.items.map((i) => [i.itemId, i.points, i.meanPosition])).toEqual([
      [2, 1, 1],
      [1, 0, 2],
    ]);
  });

  it('with one leader, is that leader’s order with no spread', () => {
    const a = bordaAggregate([1, 2, 3], [ballot(7, [3, 1, 2])]);
    expect(a.items.map((i) => i.itemId)).toEqual([3, 1, 2]);
    expect(a.items.every((i) => i.range === 0 && i.stdDev === 0)).toBe(true);
  });

  it('with no ballots, keeps the current order with zero points', () => {
    const a = bordaAggregate([5, 6], []);
    expect(a.items.map((i) => [i.itemId, i.points])).toEqual([
      [5, 0],
      [6, 0],
    ]);
    expect(a.byDepartment).toEqual([]);
  });

  it('measures the spread as the range and standard deviation of the positions', () => {
    const a = bordaAggregate([1, 2, 3], [ballot(1, [1, 2, 3]), ballot(2, [3, 2, 1]), ballot(3, [1, 3, 2])]);
    const one = a.items.find((i) => i.itemId === 1)!;
    // positions 1, 3, 1: range 2, mean 5/3, sd sqrt(((2/3)²·2 + (4/3)²)/3) = 0.94
    expect(one).toMatchObject({ range: 2, meanPosition: 1.67, stdDev: 0.94, rankedBy: 3 });
    const two = a.items.find((i) => i.itemId === 2)!;
    expect(two).toMatchObject({ range: 1, meanPosition: 2.33, stdDev: 0.47 });
  });

  it('scores each department over its own leaders, in the overall order, departments by name', () => {
    const a = bordaAggregate(
      [1, 2, 3],
      [ballot(1, [1, 2, 3], sales), ballot(2, [1, 3, 2], sales), ballot(3, [3, 2, 1], finance)],
    );
    expect(a.items.map((i) => i.itemId)).toEqual([1, 3, 2]);
    expect(a.byDepartment.map((d) => [d.departmentName, d.ballots])).toEqual([
      ['Finance', 1],
      ['Sales', 2],
    ]);
    const finScores = a.byDepartment[0].scores;
    expect(finScores.map((s) => [s.itemId, s.points])).toEqual([
      [1, 0],
      [3, 2],
      [2, 1],
    ]);
    const salesScores = a.byDepartment[1].scores;
    expect(salesScores.map((s) => [s.itemId, s.points, s.range])).toEqual([
      [1, 4, 0],
      [3, 1, 1],
      [2, 1, 1],
    ]);
  });
});
