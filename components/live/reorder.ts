import type { RankedItem } from '@/lib/live-meeting/state.server';

/** The new order if `itemId` moved to `toIndex` (shown at once; the server's answer replaces it). */
export function reorder(items: RankedItem[], itemId: number, toIndex: number): RankedItem[] {
  const from = items.findIndex((i) => i.id === itemId);
  if (from < 0 || toIndex < 0 || toIndex >= items.length) return items;
  const next = items.slice();
  const [moved] = next.splice(from, 1);
  next.splice(toIndex, 0, moved);
  return next;
}
