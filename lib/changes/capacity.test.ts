import { describe, expect, it } from 'vitest';
import { capacityOverruns, overCapacityRefusal, overrunsText } from './capacity';

const load = (periodId: number, name: string, before: number, after: number, capacityWeeks = 10) => ({
  periodId,
  name,
  before,
  after,
  capacityWeeks,
  over: after > capacityWeeks,
});

describe('capacityOverruns', () => {
  it('lists the periods the change takes over capacity', () => {
    expect(capacityOverruns({ loadByPeriod: [load(1, 'October', 8, 9), load(2, 'November', 9, 12)] })).toEqual([
      { periodId: 2, name: 'November', weeks: 12, capacityWeeks: 10 },
    ]);
  });

  it('counts a period already over that the change loads further, not one it leaves alone or relieves', () => {
    const already = load(1, 'October', 11, 13);
    const untouched = load(2, 'November', 12, 12);
    const relieved = load(3, 'December', 14, 11);
    expect(capacityOverruns({ loadByPeriod: [already, untouched, relieved] }).map((o) => o.name)).toEqual(['October']);
  });

  it('is empty when every period stays within capacity, exactly full included', () => {
    expect(
      capacityOverruns({ loadByPeriod: [load(1, 'October', 4, 10), load(2, 'November', 0.1 + 0.2, 0.3, 0.3)] }),
    ).toEqual([]);
  });
});

describe('overrunsText and the refusal', () => {
  it('names each period, by how much and against what capacity', () => {
    const november = { periodId: 2, name: 'November', weeks: 12, capacityWeeks: 10 };
    const december = { periodId: 3, name: 'December', weeks: 11, capacityWeeks: 10 };
    expect(overrunsText([november])).toBe('November by 2 person-weeks (12 of 10)');
    expect(overrunsText([november, december])).toBe(
      'November by 2 person-weeks (12 of 10) and December by 1 person-week (11 of 10)',
    );
    expect(overCapacityRefusal([december])).toBe(
      'This change goes over capacity: December by 1 person-week (11 of 10). Tick "I confirm going over capacity" to go ahead anyway.',
    );
  });
});
