import { describe, expect, it } from 'vitest';
import { formatDuration, formatMeetingTime, lateDistributionMessage, timeUntilText } from './format';

const HOUR = 3_600_000;

describe('meeting wording', () => {
  it('states the time with its zone', () => {
    expect(formatMeetingTime('2027-01-14T15:00:00.000Z')).toBe('Thursday 14 January 2027, 15:00 UTC');
    expect(formatMeetingTime('2027-01-14T15:00:00.000Z', 'Europe/Berlin')).toBe(
      'Thursday 14 January 2027, 16:00 Europe/Berlin',
    );
    expect(formatMeetingTime('2027-01-14T23:30:00.000Z', 'Asia/Tokyo')).toBe(
      'Friday 15 January 2027, 08:30 Asia/Tokyo',
    );
  });

  it.each([
    [72 * HOUR - 5_000, '3 days'],
    [3.5 * 24 * HOUR, '3 days and 12 hours'],
    [25 * HOUR, '1 day and 1 hour'],
    [7.2 * HOUR, '7 hours'],
    [20 * 60_000, 'less than an hour'],
  ])('says %d ms is %s away', (ms, text) => {
    expect(timeUntilText(ms)).toBe(text);
  });

  it('never says a late meeting is as far away as the lead time', () => {
    expect(lateDistributionMessage(7 * 24 * HOUR - 60_000, 7)).toBe(
      'The meeting is in 6 days and 23 hours, less than the 7-day lead time. Confirm to send it late.',
    );
  });

  it('writes durations', () => {
    expect([45, 60, 90, 480].map(formatDuration)).toEqual(['45 min', '1 h', '1 h 30 min', '8 h']);
  });
});
