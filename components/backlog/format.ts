import type { BacklogRow } from '@/lib/backlog/types';

// No thousands separators: the numbers stay easy to read back (e.g. from the meter's aria-valuetext).
const weeksFormat = new Intl.NumberFormat('en', { maximumFractionDigits: 1, useGrouping: false });

export function formatWeeks(weeks: number): string {
  return weeksFormat.format(weeks);
}

/** "M · 4 pw" for a size, "2.5 pw" for explicit weeks, "—" when not estimated. */
export function formatEstimate(row: Pick<BacklogRow, 'estimateSize' | 'estimateWeeks' | 'effectiveWeeks'>): string {
  if (row.estimateWeeks !== null) return `${formatWeeks(row.estimateWeeks)} pw`;
  if (row.estimateSize !== null) {
    return row.effectiveWeeks !== null
      ? `${row.estimateSize} · ${formatWeeks(row.effectiveWeeks)} pw`
      : row.estimateSize;
  }
  return '—';
}
