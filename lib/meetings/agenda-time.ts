/**
 * The agenda's time against the meeting's length, for the agenda editor. An item without a time
 * box gets an even share of what the boxed items leave (never less than nothing). Pure.
 */

export type AgendaTime = {
  /** Minutes per item, in agenda order: the box, or the even share (rounded down to whole minutes). */
  minutes: number[];
  /** The boxed minutes plus the even shares. */
  totalMinutes: number;
  /** How far the boxed minutes alone go beyond the meeting's length; 0 when they fit. */
  overMinutes: number;
};

export function agendaTime(boxes: (number | null)[], durationMinutes: number): AgendaTime {
  const boxed = boxes.reduce<number>((sum, b) => sum + (b ?? 0), 0);
  const open = boxes.filter((b) => b === null).length;
  const left = Math.max(0, durationMinutes - boxed);
  const share = open === 0 ? 0 : Math.floor(left / open);
  const minutes = boxes.map((b) => b ?? share);
  return {
    minutes,
    totalMinutes: minutes.reduce((s, m) => s + m, 0),
    overMinutes: Math.max(0, boxed - durationMinutes),
  };
}

export const MAX_TIME_BOX_MINUTES = 480;
