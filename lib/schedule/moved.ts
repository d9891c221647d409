import type { Displacement } from '@/db/schema/schedule';

/**
 * The schedule rows approved change requests moved since the schedule was last published: marked
 * on the schedule until the next publication announces them. Pure (client-safe types).
 */

export type MovedRow = {
  itemId: number;
  changeRequestId: number;
  /** 'in': the change brought the item into the schedule; 'later': it moved the item to a later period. */
  action: 'in' | 'later';
  decidedAt: string;
};

type ApprovedChange = {
  id: number;
  decidedAt: string;
  incomingItemId: number;
  displaced: readonly Displacement[];
};

/**
 * One mark per item, from the latest change that moved it. Items a change took out are not
 * marked: they have left the schedule (the publication's summary names them).
 */
export function movedRows(approved: readonly ApprovedChange[]): MovedRow[] {
  const byItem = new Map<number, MovedRow>();
  const oldestFirst = [...approved].sort((a, b) => a.decidedAt.localeCompare(b.decidedAt) || a.id - b.id);
  for (const cr of oldestFirst) {
    const mark = (itemId: number, action: MovedRow['action']) =>
      byItem.set(itemId, { itemId, changeRequestId: cr.id, action, decidedAt: cr.decidedAt });
    mark(cr.incomingItemId, 'in');
    for (const d of cr.displaced) if (d.action === 'later') mark(d.itemId, 'later');
  }
  return [...byItem.values()].sort((a, b) => a.itemId - b.itemId);
}
