import 'server-only';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { itemCoPeople, items, users, type ItemStatus } from '@/db/schema';
import type { Executor } from '@/lib/events/log.server';
import { ValidationError } from '@/lib/errors';

/** Only work that has been planned or done can be shown: scheduled, in delivery or delivered. */
export const DEMO_ITEM_STATUSES: readonly ItemStatus[] = ['scheduled', 'in_delivery', 'delivered'];

/** A cycle's items that a demo may show, in title order. */
export async function eligibleItems(tx: Executor, cycleId: number) {
  return tx
    .select({
      id: items.id,
      title: items.title,
      status: items.status,
      requestorId: items.requestorId,
      sponsorId: items.sponsorId,
    })
    .from(items)
    .where(and(eq(items.cycleId, cycleId), inArray(items.status, [...DEMO_ITEM_STATUSES])))
    .orderBy(asc(items.title), asc(items.id));
}

/**
 * Refuses items that are not the cycle's, or not yet scheduled, naming them; returns them in the
 * order chosen.
 */
export async function checkDemoItems(tx: Executor, cycleId: number, itemIds: number[]) {
  const ids = [...new Set(itemIds)];
  const found = await tx
    .select({ id: items.id, title: items.title, cycleId: items.cycleId, status: items.status })
    .from(items)
    .where(inArray(items.id, ids));
  const byId = new Map(found.map((i) => [i.id, i]));
  const messages: string[] = [];
  for (const id of ids) {
    const item = byId.get(id);
    if (!item || item.cycleId !== cycleId) messages.push(`Item #${id} is not in this cycle.`);
    else if (!DEMO_ITEM_STATUSES.includes(item.status))
      messages.push(
        `"${item.title}" is not scheduled yet: only scheduled, in-delivery or delivered items can be shown.`,
      );
  }
  if (messages.length) throw new ValidationError({ itemIds: messages }, messages[0]);
  return ids.map((id) => byId.get(id)!);
}

/**
 * Who is invited unless the organiser changes it: the items' requestors and sponsors, and the
 * co-requestors and co-sponsors that merged duplicates brought along. Each person once; only
 * active people.
 */
export async function defaultInviteeIds(tx: Executor, itemIds: number[]): Promise<number[]> {
  if (itemIds.length === 0) return [];
  const main = await tx
    .select({ requestorId: items.requestorId, sponsorId: items.sponsorId })
    .from(items)
    .where(inArray(items.id, itemIds));
  const co = await tx
    .select({ userId: itemCoPeople.userId })
    .from(itemCoPeople)
    .where(inArray(itemCoPeople.itemId, itemIds));
  const ids = new Set<number>();
  for (const m of main) {
    ids.add(m.requestorId);
    if (m.sponsorId !== null) ids.add(m.sponsorId);
  }
  for (const c of co) ids.add(c.userId);
  return activeIds(tx, [...ids]);
}

/** The given ids that are active people, in name order. */
export async function activeIds(tx: Executor, ids: number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, ids), eq(users.active, true)))
    .orderBy(asc(users.name), asc(users.id));
  return rows.map((r) => r.id);
}

/** Refuses invitees or a presenter who are unknown or deactivated. */
export async function checkPeople(tx: Executor, presenterId: number, inviteeIds: number[]) {
  const wanted = [...new Set(inviteeIds)];
  const active = new Set(await activeIds(tx, [...wanted, presenterId]));
  const errors: Record<string, string[]> = {};
  if (!active.has(presenterId)) errors.presenterId = ['Choose an active person as the presenter.'];
  const missing = wanted.filter((id) => !active.has(id));
  if (missing.length) errors.inviteeIds = [`${missing.length} of the invitees are unknown or deactivated.`];
  if (Object.keys(errors).length) throw new ValidationError(errors);
  return wanted;
}
