/**
 * Wording of meeting times, shared by e-mails (always UTC) and pages (the viewer's zone).
 * Pure, so client components can use it with the browser's time zone.
 */
import { plural } from '@/lib/plural';
import { formatZoned } from '@/lib/time/format-zoned';

/** "Thursday 14 January 2027, 15:00 UTC": always with the zone named (see formatZoned). */
export function formatMeetingTime(at: string | Date, timeZone = 'UTC'): string {
  return formatZoned(at, timeZone, 'long');
}

/** "90 min", "2 h", "1 h 30 min". */
export function formatDuration(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m ? `${h} h ${m} min` : `${h} h`;
}

export { formatWeeks, personWeeks } from '@/lib/plural';

const HOUR = 3_600_000;

/**
 * How far away something is, to the nearest hour: "3 days", "3 days and 12 hours", "7 hours".
 * Rounded rather than truncated, so a meeting set for exactly three days out is "in 3 days" a
 * few seconds later too.
 */
export function timeUntilText(ms: number): string {
  const hours = Math.round(ms / HOUR);
  if (hours < 1) return 'less than an hour';
  if (hours < 24) return plural(hours, 'hour');
  const days = Math.floor(hours / 24);
  const rest = hours % 24;
  return rest ? `${plural(days, 'day')} and ${plural(rest, 'hour')}` : plural(days, 'day');
}

/**
 * Why a distribution needs confirming; one wording for the refusal and the page's warning.
 * Capped an hour below the lead time, so rounding never says "in 7 days, less than the 7-day lead time".
 */
export function lateDistributionMessage(aheadMs: number, leadDays: number): string {
  const shown = Math.min(aheadMs, leadDays * 24 * HOUR - HOUR);
  return `The meeting is in ${timeUntilText(shown)}, less than the ${leadDays}-day lead time. Confirm to send it late.`;
}
