/**
 * Which delivery period "now" falls in, for choosing sensible defaults (a change request's target
 * period, the period an item moves later to). Periods are whole days (YYYY-MM-DD, see dates.ts),
 * compared as strings. Pure (client-safe).
 */

export type DatedPeriod = { id: number; startsOn: string; endsOn: string };

/** Today as the schedule counts days: the UTC calendar day. */
export const today = (now = new Date()) => now.toISOString().slice(0, 10);

/** A period is over once its last day has passed. */
export const hasEnded = (period: Pick<DatedPeriod, 'endsOn'>, day: string) => period.endsOn < day;

/**
 * The period to offer first on `day`: the one that contains it; between two periods (or before
 * the first), the next one to start; null when every period has ended. An ended period is never
 * the default: work cannot be planned into the past.
 */
export function currentPeriod<P extends DatedPeriod>(periods: readonly P[], day: string): P | null {
  const open = periods.filter((p) => !hasEnded(p, day)).sort((a, b) => a.startsOn.localeCompare(b.startsOn));
  return open.find((p) => p.startsOn <= day) ?? open[0] ?? null;
}
