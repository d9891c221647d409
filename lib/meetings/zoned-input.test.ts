import { describe, expect, it } from 'vitest';
import { isoToZonedInput, zonedInputToIso } from './zoned-input';

describe('datetime-local values in a named zone', () => {
  it('reads and writes the wall clock of the zone', () => {
    expect(isoToZonedInput('2027-03-10T23:30:00.000Z', 'Asia/Tokyo')).toBe('2027-03-11T08:30');
    expect(zonedInputToIso('2027-03-11T08:30', 'Asia/Tokyo')).toBe('2027-03-10T23:30:00.000Z');
    expect(isoToZonedInput('2027-01-14T15:00:00.000Z', 'UTC')).toBe('2027-01-14T15:00');
    expect(zonedInputToIso('2027-01-14T15:00', 'UTC')).toBe('2027-01-14T15:00:00.000Z');
  });

  it('follows daylight saving time on both sides of a change', () => {
    // New York: UTC-5 in winter, UTC-4 from 14 March 2027.
    expect(zonedInputToIso('2027-03-13T10:00', 'America/New_York')).toBe('2027-03-13T15:00:00.000Z');
    expect(zonedInputToIso('2027-03-15T10:00', 'America/New_York')).toBe('2027-03-15T14:00:00.000Z');
    expect(isoToZonedInput('2027-03-15T14:00:00.000Z', 'America/New_York')).toBe('2027-03-15T10:00');
    for (const iso of ['2027-03-14T06:59:00.000Z', '2027-03-14T07:00:00.000Z', '2027-11-07T07:30:00.000Z']) {
      expect(zonedInputToIso(isoToZonedInput(iso, 'America/New_York'), 'America/New_York')).toBe(iso);
    }
  });

  it('reads a repeated wall time (clocks going back) as its first instant', () => {
    expect(zonedInputToIso('2027-11-07T01:30', 'America/New_York')).toBe('2027-11-07T05:30:00.000Z');
  });

  it('gives nothing for what is not a date', () => {
    expect(isoToZonedInput('soon', 'UTC')).toBe('');
    expect(zonedInputToIso('2027-01-14', 'UTC')).toBe('');
    expect(zonedInputToIso('', 'Europe/Paris')).toBe('');
  });
});
