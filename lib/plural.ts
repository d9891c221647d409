/** "1 item", "3 items"; `many` for words whose plural is not `one` + "s" ("1 person", "2 people"). */
export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

// No thousands separators, one decimal at most: the numbers stay easy to read back (also from a
// meter's aria-valuetext), and the backlog, the meeting and the schedule all show them alike.
const weeksFormat = new Intl.NumberFormat('en', { maximumFractionDigits: 1, useGrouping: false });

/** "2.5", "12". */
export const formatWeeks = (weeks: number) => weeksFormat.format(weeks);

/** "1 person-week", "0.5 person-weeks", "12 person-weeks": singular only for what reads as exactly 1. */
export function personWeeks(weeks: number): string {
  const shown = formatWeeks(weeks);
  return `${shown} person-week${shown === '1' ? '' : 's'}`;
}

/** "1 falls below the cut line", "3 fall below the cut line". */
export function belowCutText(count: number): string {
  return `${count} ${count === 1 ? 'falls' : 'fall'} below the cut line`;
}
