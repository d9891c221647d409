import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { cycles, itemCoPeople, users, type Item } from '@/db/schema';
import { first } from '@/db/rows';
import type { ActingUser } from '@/lib/auth/acting-user';
import { visibleStatuses } from '@/lib/backlog/visible-status.server';
import type { Executor } from '@/lib/events/log.server';
import { composeEmail } from '@/lib/notifications/email.server';
import { notify } from '@/lib/notifications/notify.server';
import { formatDay } from '@/lib/schedule/dates';

/** A step of delivery the requestors hear about. */
export type StageNews =
  | { stage: 'scheduled' }
  | { stage: 'in_delivery' }
  | { stage: 'milestone'; name: string; deliveredOn: string }
  | { stage: 'delivered'; deliveredOn: string }
  | { stage: 'feedback'; demoTitle: string };

export const requestPath = (itemId: number) => `/requests/${itemId}`;

function headline(title: string, news: StageNews): { heading: string; line: string } {
  switch (news.stage) {
    case 'scheduled':
      return { heading: `“${title}” is scheduled`, line: 'It has a place on the delivery schedule.' };
    case 'in_delivery':
      return { heading: `“${title}” is in delivery`, line: 'The work on it has started.' };
    case 'milestone':
      return {
        heading: `A milestone of “${title}” is delivered`,
        line: `${news.name}, delivered on ${formatDay(news.deliveredOn)}.`,
      };
    case 'delivered':
      return { heading: `“${title}” is delivered`, line: `It was delivered on ${formatDay(news.deliveredOn)}.` };
    case 'feedback':
      return {
        heading: `“${title}” has feedback`,
        line: `It was shown at ${news.demoTitle}, and the first feedback on it is in.`,
      };
  }
}

/** The requestor and the co-requestors of an item (merged requests bring theirs along). */
async function requestorsOf(tx: Executor, item: Item) {
  const co = await tx
    .select({ id: itemCoPeople.userId })
    .from(itemCoPeople)
    .where(and(eq(itemCoPeople.itemId, item.id), eq(itemCoPeople.role, 'requestor')));
  const ids = [...new Set([item.requestorId, ...co.map((r) => r.id)])];
  return tx
    .select({ id: users.id, name: users.name, email: users.email, role: users.role, timeZone: users.timeZone })
    .from(users)
    .where(inArray(users.id, ids));
}

/**
 * Tells an item's requestors that it moved on, in the transaction of the move. Someone who may not
 * see the new status yet (the outcome or the schedule is not published) is not told: the
 * publication tells them. The actor is not told of their own change. `notify` applies each
 * person's e-mail preference for this kind.
 */
export async function notifyStage(tx: Executor, actor: ActingUser, item: Item, news: StageNews): Promise<void> {
  if (item.cycleId === null) return;
  const told: number[] = [];
  for (const person of await requestorsOf(tx, item)) {
    if (person.id === actor.id) continue;
    const viewer: ActingUser = { ...person, departmentId: 0, departmentName: '' };
    const view = (await visibleStatuses(viewer, [item], tx)).get(item.id)!;
    if (view.hidden === null) told.push(person.id);
  }
  if (told.length === 0) return;
  const cycle = first(await tx.select({ name: cycles.name }).from(cycles).where(eq(cycles.id, item.cycleId)));
  const { heading, line } = headline(item.title, news);
  const link = requestPath(item.id);
  await notify(tx, {
    userIds: told,
    kind: 'item.stage_changed',
    title: heading,
    body: line,
    link,
    email: () =>
      composeEmail({
        cycleName: cycle?.name ?? 'Quorum',
        heading,
        lines: [line],
        action: { label: 'Follow your request', path: link },
      }),
  });
}
