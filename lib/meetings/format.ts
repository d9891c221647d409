/**
 * Wording of meeting times, shared by e-mails (always UTC) and pages (the viewer's zone).
 * Pure, so client components can use it with the browser's time zone.
 */

const partsCache = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = partsCache.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone,
    });
    partsCache.set(timeZone, f);
  }
  return f;
}

/**
 * "Thursday 14 January 2027, 15:00 UTC": built from parts because en-GB's own pattern puts a
 * comma after the weekday and "at" before the time, and the zone must always be named.
 */
export function formatMeetingTime(at: string | Date, timeZone = 'UTC'): string {
  const date = typeof at === 'string' ? new Date(at) : at;
  const p = Object.fromEntries(formatter(timeZone).formatToParts(date).map((x) => [x.type, x.value]));
  return `${p.weekday} ${p.day} ${p.month} ${p.year}, ${p.hour}:${p.minute} ${timeZone}`;
}

/** "90 min", "2 h", "1 h 30 min". */
export function formatDuration(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m ? `${h} h ${m} min` : `${h} h`;
}

// No thousands separators, one decimal: the same as the backlog's capacity bar.
const weeksFormat = new Intl.NumberFormat('en', { maximumFractionDigits: 1, useGrouping: false });
export const formatWeeks = (weeks: number) => weeksFormat.format(weeks);

/** How far away something is, in whole days, or in hours when under a day ("3 days", "5 hours"). */
export function timeUntilText(ms: number): string {
  const day = 86_400_000;
  if (ms >= day) {
    const days = Math.floor(ms / day);
    return `${days} day${days === 1 ? '' : 's'}`;
  }
  const hours = Math.floor(ms / 3_600_000);
  if (hours >= 1) return `${hours} hour${hours === 1 ? '' : 's'}`;
  return 'less than an hour';
}
