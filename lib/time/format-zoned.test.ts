import { describe, expect, it } from 'vitest';
import { formatZoned, knownZone } from './format-zoned';

describe('formatZoned', () => {
  it('names the zone in every style', () => {
    const at = '2026-11-27T13:00:00.000Z';
    expect(formatZoned(at, 'Europe/Paris')).toBe('27 Nov 2026, 14:00 Europe/Paris');
    expect(formatZoned(at, 'Europe/Paris', 'long')).toBe('Friday 27 November 2026, 14:00 Europe/Paris');
    expect(formatZoned(at, 'Europe/Paris', 'time')).toBe('14:00 Europe/Paris');
    expect(formatZoned(at, 'UTC')).toBe('27 Nov 2026, 13:00 UTC');
  });

  it('moves to the next day where the zone is ahead, and takes ms and Dates', () => {
    const at = Date.UTC(2027, 0, 14, 23, 30);
    expect(formatZoned(at, 'Asia/Tokyo')).toBe('15 Jan 2027, 08:30 Asia/Tokyo');
    expect(formatZoned(new Date(at), 'America/Los_Angeles')).toBe('14 Jan 2027, 15:30 America/Los_Angeles');
  });

  it('follows summer time across its edges', () => {
    // Europe/Paris leaves CET for CEST at 01:00 UTC on 28 March 2027, and returns at 01:00 UTC on 31 October.
    expect(formatZoned('2027-03-28T00:59:00Z', 'Europe/Paris', 'time')).toBe('01:59 Europe/Paris');
    expect(formatZoned('2027-03-28T01:00:00Z', 'Europe/Paris', 'time')).toBe('03:00 Europe/Paris');
    expect(formatZoned('2027-10-31T00:30:00Z', 'Europe/Paris', 'time')).toBe('02:30 Europe/Paris');
    expect(formatZoned('2027-10-31T01:30:00Z', 'Europe/Paris', 'time')).toBe('02:30 Europe/Paris');
    // New York springs forward at 07:00 UTC on 14 March 2027.
    expect(formatZoned('2027-03-14T06:59:00Z', 'America/New_York', 'time')).toBe('01:59 America/New_York');
    expect(formatZoned('2027-03-14T07:00:00Z', 'America/New_York', 'time')).toBe('03:00 America/New_York');
  });

  it('shows midnight as 00:00, not 24:00', () => {
    expect(formatZoned('2027-01-14T23:00:00Z', 'Europe/Paris')).toBe('15 Jan 2027, 00:00 Europe/Paris');
  });

  it('falls back to UTC, and says so, for an unknown or missing zone', () => {
    expect(knownZone('Mars/Olympus_Mons')).toBe('UTC');
    expect(knownZone(null)).toBe('UTC');
    expect(knownZone('Asia/Tokyo')).toBe('Asia/Tokyo');
    expect(formatZoned('2026-11-27T13:00:00Z', 'Mars/Olympus_Mons')).toBe('27 Nov 2026, 13:00 UTC');
    expect(formatZoned('2026-11-27T13:00:00Z', undefined)).toBe('27 Nov 2026, 13:00 UTC');
  });

  it('gives back what it cannot read as a date rather than "Invalid Date"', () => {
    expect(formatZoned('not a date', 'UTC')).toBe('not a date');
  });
});
