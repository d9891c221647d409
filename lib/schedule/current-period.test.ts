import { describe, expect, it } from 'vitest';
import { currentPeriod, hasEnded, today } from './current-period';

const october = { id: 1, startsOn: '2026-10-05', endsOn: '2026-10-30' };
const november = { id: 2, startsOn: '2026-11-02', endsOn: '2026-11-27' };
const december = { id: 3, startsOn: '2026-11-30', endsOn: '2026-12-25' };
const periods = [october, november, december];

describe('currentPeriod', () => {
  it('is the period that contains the day, its first and last day included', () => {
    expect(currentPeriod(periods, '2026-11-26')).toBe(november);
    expect(currentPeriod(periods, '2026-11-02')).toBe(november);
    expect(currentPeriod(periods, '2026-11-27')).toBe(november);
    expect(currentPeriod(periods, '2026-10-05')).toBe(october);
  });

  it('is never a period that has ended: between periods it is the next one, before them the first', () => {
    expect(currentPeriod(periods, '2026-11-28')).toBe(december); // a weekend between November and December
    expect(currentPeriod(periods, '2026-10-31')).toBe(november);
    expect(currentPeriod(periods, '2026-09-01')).toBe(october);
  });

  it('is null once every period has ended, or when there are none', () => {
    expect(currentPeriod(periods, '2026-12-26')).toBeNull();
    expect(currentPeriod([], '2026-11-26')).toBeNull();
  });

  it('does not depend on the order the periods come in', () => {
    expect(currentPeriod([december, november, october], '2026-11-26')).toBe(november);
    expect(currentPeriod([december, october], '2026-11-10')).toBe(december);
  });
});

describe('hasEnded and today', () => {
  it('counts a period as ended only after its last day', () => {
    expect(hasEnded(october, '2026-10-30')).toBe(false);
    expect(hasEnded(october, '2026-10-31')).toBe(true);
  });

  it('is the UTC calendar day', () => {
    expect(today(new Date('2026-11-26T23:30:00-05:00'))).toBe('2026-11-27');
  });
});
