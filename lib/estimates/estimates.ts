import type { Size, SizeWeeks } from '@/db/schema';
import { SIZES } from '@/db/schema/backlog';

export const DEFAULT_SIZE_WEEKS: SizeWeeks = { XS: 0.5, S: 1, M: 3, L: 6, XL: 12 };

export function effectiveWeeks(
  item: { estimateSize: Size | null; estimateWeeks: number | null },
  sizeWeeks: SizeWeeks,
): number | null {
  if (item.estimateWeeks !== null) return item.estimateWeeks;
  if (item.estimateSize !== null) return sizeWeeks[item.estimateSize];
  return null;
}

/** Statuses whose estimate counts against the cycle's capacity (a merged duplicate's work is its survivor's). */
const NOT_COUNTED = new Set(['rejected', 'withdrawn', 'deferred', 'draft', 'merged']);

export function countsAgainstCapacity(status: string): boolean {
  return !NOT_COUNTED.has(status);
}

/** Total person-weeks and per-theme sums (key null = no theme). */
export function sumEstimates(rows: { status: string; themeId: number | null; effectiveWeeks: number | null }[]): {
  total: number;
  byTheme: Map<number | null, number>;
} {
  let total = 0;
  const byTheme = new Map<number | null, number>();
  for (const r of rows) {
    if (r.effectiveWeeks === null || !countsAgainstCapacity(r.status)) continue;
    total += r.effectiveWeeks;
    byTheme.set(r.themeId, (byTheme.get(r.themeId) ?? 0) + r.effectiveWeeks);
  }
  return { total, byTheme };
}

/**
 * Parses what a user typed as an estimate: a size ("M"), a number of weeks ("2.5"), or "" to clear.
 * Returns an error message naming the problem when it is neither.
 */
export function parseEstimate(
  raw: string,
): { ok: true; estimateSize: Size | null; estimateWeeks: number | null } | { ok: false; error: string } {
  const value = raw.trim();
  if (value === '') return { ok: true, estimateSize: null, estimateWeeks: null };
  const upper = value.toUpperCase();
  if ((SIZES as readonly string[]).includes(upper))
    return { ok: true, estimateSize: upper as Size, estimateWeeks: null };
  if (!/^-?\d+(\.\d+)?$/.test(value)) {
    return { ok: false, error: 'Estimate must be a size (XS, S, M, L, XL) or a number of person-weeks.' };
  }
  const weeks = Number(value);
  if (weeks <= 0) return { ok: false, error: 'Estimate must be more than 0 person-weeks.' };
  if (weeks > 1000) return { ok: false, error: 'Estimate must be at most 1000 person-weeks.' };
  return { ok: true, estimateSize: null, estimateWeeks: weeks };
}
