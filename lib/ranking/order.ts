/**
 * Ranking the accepted items of a live meeting. Pure: the browser uses
 * it for optimistic moves and the server for the real write, which is one row:
 *   UPDATE … SET rank = :rank, version = version + 1 WHERE id = :itemId AND version = :expected
 * Two people moving different items never lose a move (each writes only its own row, and keys are
 * made unique per item, see `keyFor`); two people moving the same item are told the second move is
 * stale instead of one silently overwriting the other.
 */
import { DIGITS as TAG_DIGITS, keyBetween } from './fractional-index';

export type Ranked = { id: number; rank: string; version: number; weeks: number | null };

export type MovePlan =
  /** `changed: false` when the item already sits at `toIndex`: nothing needs writing. */
  | { ok: true; itemId: number; rank: string; changed: boolean }
  | { ok: false; reason: 'not-found' | 'position' | 'stale'; message: string };

export const STALE_MESSAGE = 'This item was moved by someone else meanwhile; here is the new order.';

/** By rank, then by id so that equal ranks (which `planMove` never produces) still order stably. */
export function orderByRank<T extends Pick<Ranked, 'id' | 'rank'>>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : a.id - b.id));
}

// Fixed-width item tag appended to every key planMove produces (see keyFor).
const TAG_WIDTH = 5;
const MAX_TAGGED_ID = TAG_DIGITS.length ** TAG_WIDTH - 1;

function tag(id: number): string {
  if (!Number.isSafeInteger(id) || id < 0 || id > MAX_TAGGED_ID) throw new Error(`Cannot rank item id ${id}`);
  let out = '';
  for (let rest = id, i = 0; i < TAG_WIDTH; i++, rest = Math.floor(rest / TAG_DIGITS.length)) {
    out = TAG_DIGITS[rest % TAG_DIGITS.length] + out;
  }
  return out + 'V'; // never ends with '0', so the key stays valid
}

/**
 * A key strictly between `a` and `b` that no other item can get for the same gap. Two people who
 * drop different items into the same gap from the same starting list would otherwise compute the
 * same key, and a later move between those two items would be impossible. The item's fixed-width
 * tag is appended to a key that is not a prefix of `b` (so anything appended stays below `b`); with
 * a fixed width, equal results would need equal bases and equal ids.
 */
function keyFor(itemId: number, a: string | null, b: string | null): string {
  let base = keyBetween(a, b);
  while (b !== null && b.startsWith(base)) base = keyBetween(a, base);
  return base + tag(itemId);
}

/**
 * Where to put `itemId` so that it ends at 0-based `toIndex` of the ordered list, writing only that
 * item. `expected` is the version the mover saw; if the item has moved since, the move is stale.
 */
export function planMove(
  items: readonly Ranked[],
  itemId: number,
  toIndex: number,
  expected?: { version: number },
): MovePlan {
  const ordered = orderByRank(items);
  const from = ordered.findIndex((item) => item.id === itemId);
  if (from < 0) return { ok: false, reason: 'not-found', message: 'This item is not in the ranking.' };
  const item = ordered[from];
  if (!Number.isInteger(toIndex) || toIndex < 0 || toIndex >= ordered.length) {
    const shown = Number.isInteger(toIndex) ? String(toIndex + 1) : String(toIndex);
    return {
      ok: false,
      reason: 'position',
      message: `Position ${shown} does not exist: choose 1 to ${ordered.length}.`,
    };
  }
  if (expected && expected.version !== item.version) return { ok: false, reason: 'stale', message: STALE_MESSAGE };
  if (toIndex === from) return { ok: true, itemId, rank: item.rank, changed: false };
  const others = ordered.filter((other) => other.id !== itemId);
  const before = others[toIndex - 1]?.rank ?? null;
  const after = others[toIndex]?.rank ?? null;
  return { ok: true, itemId, rank: keyFor(itemId, before, after), changed: true };
}

function positionOf(items: readonly Ranked[], itemId: number): number {
  return orderByRank(items).findIndex((item) => item.id === itemId);
}

/** One place up (keyboard). Already first → a `position` refusal saying so. */
export function moveUp(items: readonly Ranked[], itemId: number, expected?: { version: number }): MovePlan {
  const from = positionOf(items, itemId);
  if (from === 0) return { ok: false, reason: 'position', message: 'This item is already first.' };
  return planMove(items, itemId, from < 0 ? from : from - 1, expected);
}

/** One place down (keyboard). Already last → a `position` refusal saying so. */
export function moveDown(items: readonly Ranked[], itemId: number, expected?: { version: number }): MovePlan {
  const from = positionOf(items, itemId);
  if (from >= 0 && from === items.length - 1)
    return { ok: false, reason: 'position', message: 'This item is already last.' };
  return planMove(items, itemId, from < 0 ? from : from + 1, expected);
}

export type CutLine = {
  /** Items above the line: the leading items whose running sum of weeks stays within capacity. */
  fitCount: number;
  fittingWeeks: number;
  acceptedCount: number;
  totalWeeks: number;
};

/**
 * The cut line over items already in rank order: items fit while the running sum of weeks (an
 * unestimated item counts as 0 weeks but still counts as an item) stays within `capacityWeeks`;
 * the first that does not fit and everything after it fall below the line — no skipping ahead.
 */
export function cutLine(ordered: readonly Pick<Ranked, 'weeks'>[], capacityWeeks: number): CutLine {
  if (!Number.isFinite(capacityWeeks) || capacityWeeks < 0) throw new Error(`Invalid capacity: ${capacityWeeks}`);
  const EPSILON = 1e-9; // 0.1 + 0.2 weeks must fit a 0.3-week capacity
  let fitCount = 0;
  let fittingWeeks = 0;
  let totalWeeks = 0;
  let open = true;
  for (const item of ordered) {
    const weeks = item.weeks ?? 0;
    totalWeeks += weeks;
    if (open && fittingWeeks + weeks <= capacityWeeks + EPSILON) {
      fitCount++;
      fittingWeeks += weeks;
    } else {
      open = false;
    }
  }
  return { fitCount, fittingWeeks, acceptedCount: ordered.length, totalWeeks };
}
