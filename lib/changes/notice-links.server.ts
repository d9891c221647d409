import 'server-only';
import { inArray } from 'drizzle-orm';
import { users, type ChangeRequest } from '@/db/schema';
import { can } from '@/lib/auth/permissions';
import type { Executor } from '@/lib/events/log.server';
import { lastPublication, schedulePath } from '@/lib/schedule/access.server';
import type { AppliedChange } from './apply.server';
import { changePath } from './common.server';

/**
 * Where a decided change request's notification sends each recipient: somewhere they may open.
 * People who read change requests (`backlog.view`) go to it; a requestor of a moved item, who may not,
 * goes to their own request; anyone else to the cycle's schedule once it is published, or else to
 * their inbox, which holds the whole message.
 */
export async function noticeLinks(
  tx: Executor,
  cr: Pick<ChangeRequest, 'id' | 'cycleId'>,
  userIds: number[],
  applied: Pick<AppliedChange, 'itemId' | 'requestorId'>[] = [],
): Promise<Map<number, string>> {
  const links = new Map<number, string>();
  if (userIds.length === 0) return links;
  const roles = await tx.select({ id: users.id, role: users.role }).from(users).where(inArray(users.id, userIds));
  const fallback = (await lastPublication(tx, cr.cycleId)) ? schedulePath(cr.cycleId) : '/notifications';
  for (const { id, role } of roles) {
    const own = applied.find((c) => c.requestorId === id);
    links.set(id, can({ role }, 'backlog.view') ? changePath(cr.id) : own ? `/requests/${own.itemId}` : fallback);
  }
  return links;
}
