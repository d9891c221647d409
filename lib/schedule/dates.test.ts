import { describe, expect, it } from 'vitest';
import { isDay } from './dates';

describe('isDay', () => {
  it.each(['2027-01-31', '2028-02-29', '2027-12-01'])('takes the real day %s', (day) => {
    expect(isDay(day)).toBe(true);
  });

  it.each(['2027-13-05', '2027-00-10', '2027-02-30', '2027-02-29', '2027-1-5', '27-01-05', 'tomorrow', ''])(
    'refuses %j without throwing',
    (value) => {
      expect(isDay(value)).toBe(false);
    },
  );
});
