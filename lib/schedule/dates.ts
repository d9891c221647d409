/**
 * Calendar days (YYYY-MM-DD) as the schedule uses them: cycles, periods and kickoffs are whole days
 * with no time zone, so everything here works in UTC to keep a day from shifting. Pure (client-safe).
 */

const DAY_MS = 86_400_000;
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

const toDate = (day: string) => new Date(`${day}T00:00:00Z`);
const toDay = (date: Date) => date.toISOString().slice(0, 10);

/** A real calendar day written YYYY-MM-DD (2027-02-30 is not). */
export function isDay(value: string): boolean {
  if (!DAY_PATTERN.test(value)) return false;
  // Month 13 makes an invalid Date, whose toISOString throws: check before formatting it.
  const date = toDate(value);
  return !Number.isNaN(date.getTime()) && toDay(date) === value;
}

export function addDays(day: string, days: number): string {
  return toDay(new Date(toDate(day).getTime() + days * DAY_MS));
}

/** The last day of the month `day` is in. */
export function endOfMonth(day: string): string {
  const d = toDate(day);
  return toDay(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)));
}

/** Days from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): number {
  return Math.round((toDate(to).getTime() - toDate(from).getTime()) / DAY_MS) + 1;
}

/** Monday-to-Friday days from `from` to `to`, both included (public holidays are not known). */
export function workingDays(from: string, to: string): number {
  let count = 0;
  for (let d = toDate(from), end = toDate(to).getTime(); d.getTime() <= end; d = new Date(d.getTime() + DAY_MS)) {
    const weekday = d.getUTCDay();
    if (weekday !== 0 && weekday !== 6) count++;
  }
  return count;
}

const dayFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
const monthFormat = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "1 Feb 2027": a day means the same day everywhere, so it is shown without a time zone. */
export const formatDay = (day: string) => dayFormat.format(toDate(day));

/** "February 2027". */
export const formatMonth = (day: string) => monthFormat.format(toDate(day));
