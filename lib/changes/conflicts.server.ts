import 'server-only';
import { inArray } from 'drizzle-orm';
import { changeRequests, type ChangeRequest, type ChangeRequestStatus, type Displacement } from '@/db/schema';
import type { Executor } from '@/lib/events/log.server';

/**
 * Two undecided change requests conflict when they displace the same item, or bring in the same
 * (deferred) item: approving one would change what the other was assented to. A conflict never
 * blocks raising (the second raiser is shown it before submitting); approving one marks the others
 * as needing review.
 */

/** Change requests that are not decided yet. */
export const PENDING_STATUSES = [
  'open',
  'in_session',
  'needs_review',
] as const satisfies readonly ChangeRequestStatus[];

export type PendingRequest = Pick<ChangeRequest, 'id' | 'title' | 'status' | 'incomingItemId' | 'displaced'>;

export type Conflict = {
  changeRequestId: number;
  title: string;
  status: ChangeRequestStatus;
  /** The items both requests displace or bring in. */
  itemIds: number[];
};

export function findConflicts(
  proposal: { incomingItemId: number | null; displaced: readonly Pick<Displacement, 'itemId'>[] },
  others: readonly PendingRequest[],
  excludeId: number | null = null,
): Conflict[] {
  const mine = new Set(proposal.displaced.map((d) => d.itemId));
  const conflicts: Conflict[] = [];
  for (const other of others) {
    if (other.id === excludeId) continue;
    const shared = new Set(other.displaced.map((d) => d.itemId).filter((id) => mine.has(id)));
    if (proposal.incomingItemId !== null && other.incomingItemId === proposal.incomingItemId)
      shared.add(proposal.incomingItemId);
    if (shared.size)
      conflicts.push({
        changeRequestId: other.id,
        title: other.title,
        status: other.status,
        itemIds: [...shared].sort((a, b) => a - b),
      });
  }
  return conflicts;
}

/** Every undecided change request (a handful at any time, so reading them all is cheap). */
export async function pendingRequests(tx: Executor): Promise<PendingRequest[]> {
  return tx
    .select({
      id: changeRequests.id,
      title: changeRequests.title,
      status: changeRequests.status,
      incomingItemId: changeRequests.incomingItemId,
      displaced: changeRequests.displaced,
    })
    .from(changeRequests)
    .where(inArray(changeRequests.status, [...PENDING_STATUSES]));
}
