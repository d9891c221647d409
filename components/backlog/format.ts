import type { BacklogRow } from '@/lib/backlog/types';

import { formatWeeks } from '@/lib/plural';

export { formatWeeks, personWeeks } from '@/lib/plural';

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
