/**
 * How long each agenda item may take. An item's own box (agenda_items.time_box_minutes) wins; the
 * items without one share what is left of the meeting's length evenly, so that by default the
 * agenda fills the meeting exactly and a box set on one item takes time from the others, not from
 * the end of the meeting. Pure: the console, the presenter view and the agenda editor all use it.
 */

/** The longest box an item may have: a working day. */
export const MAX_TIME_BOX_MINUTES = 480;

export type TimeBoxInput = { itemId: number; timeBoxMinutes: number | null };

export type TimeBox = {
  itemId: number;
  minutes: number;
  /** True when the minutes are the item's own box, false when they are its share of what is left. */
  set: boolean;
};

export type TimeBoxes = {
  items: TimeBox[];
  /** The sum of every item's box: what the agenda needs. */
  totalMinutes: number;
  durationMinutes: number;
  /** How far the agenda runs past the meeting's end (0 when it fits). */
  overMinutes: number;
};

/** The boxes of `agenda` (in order) within a meeting of `durationMinutes`. */
export function timeBoxes(agenda: readonly TimeBoxInput[], durationMinutes: number): TimeBoxes {
  const duration = Math.max(0, Math.floor(durationMinutes));
  const set = agenda.filter((a) => a.timeBoxMinutes !== null && a.timeBoxMinutes > 0);
  const setTotal = set.reduce((sum, a) => sum + a.timeBoxMinutes!, 0);
  const unset = agenda.length - set.length;
  // Whole minutes, never less than one: an item with no time at all could not be discussed.
  const share = unset === 0 ? 0 : Math.max(1, Math.floor(Math.max(0, duration - setTotal) / unset));
  const items = agenda.map((a) =>
    a.timeBoxMinutes !== null && a.timeBoxMinutes > 0
      ? { itemId: a.itemId, minutes: a.timeBoxMinutes, set: true }
      : { itemId: a.itemId, minutes: share, set: false },
  );
  const totalMinutes = items.reduce((sum, i) => sum + i.minutes, 0);
  return { items, totalMinutes, durationMinutes: duration, overMinutes: Math.max(0, totalMinutes - duration) };
}

/**
 * Milliseconds left in the current item's box at `now` (negative once it has run over), or null
 * when the item has no start time (the meeting predates time boxes) or no box.
 */
export function timeLeftMs(since: string | null, minutes: number | undefined, now: number): number | null {
  if (!since || minutes === undefined) return null;
  const start = Date.parse(since);
  if (Number.isNaN(start)) return null;
  return start + minutes * 60_000 - now;
}

/** "4:05" for 245 s, "-1:10" once over; whole seconds, rounded towards the end of the box. */
export function formatCountdown(ms: number): string {
  const over = ms < 0;
  const seconds = over ? Math.floor(-ms / 1000) : Math.ceil(ms / 1000);
  const text = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  return over ? `-${text}` : text;
}
