import 'server-only';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { db } from '@/db/client';
import { itemCoPeople, users, type CoPersonRole } from '@/db/schema';
import { first } from '@/db/rows';
import type { Executor } from '@/lib/events/log.server';

/**
 * The requestors and sponsors an item gained from merged duplicates. They follow the item as its own
 * requestor or sponsor would: they may open it, it is in their "My requests", and they are told at
 * publish (lib/outcome/audience.server.ts).
 */

export type CoPerson = { itemId: number; userId: number; role: CoPersonRole };

/** Every co-requestor and co-sponsor of the given items. */
export async function coPeopleOf(tx: Executor, itemIds: number[]): Promise<CoPerson[]> {
  if (itemIds.length === 0) return [];
  return tx
    .select({ itemId: itemCoPeople.itemId, userId: itemCoPeople.userId, role: itemCoPeople.role })
    .from(itemCoPeople)
    .where(inArray(itemCoPeople.itemId, itemIds));
}

/** Whether `userId` is a co-requestor or co-sponsor of the item: one lookup. */
export async function isCoPerson(tx: Executor, itemId: number, userId: number): Promise<boolean> {
  const row = first(
    await tx
      .select({ userId: itemCoPeople.userId })
      .from(itemCoPeople)
      .where(and(eq(itemCoPeople.itemId, itemId), eq(itemCoPeople.userId, userId)))
      .limit(1),
  );
  return row !== undefined;
}

/** The items `userId` co-requested. */
export async function coRequestedItemIds(userId: number, tx: Executor = db): Promise<number[]> {
  return (
    await tx
      .select({ itemId: itemCoPeople.itemId })
      .from(itemCoPeople)
      .where(and(eq(itemCoPeople.userId, userId), eq(itemCoPeople.role, 'requestor')))
  ).map((r) => r.itemId);
}

/** Adds people to an item, skipping anyone already there in that role. Returns those added. */
export async function addCoPeople(
  tx: Executor,
  itemId: number,
  people: { userId: number; role: CoPersonRole }[],
  viaItemId: number,
): Promise<{ userId: number; role: CoPersonRole }[]> {
  const existing = new Set((await coPeopleOf(tx, [itemId])).map((p) => `${p.role}:${p.userId}`));
  const added: { userId: number; role: CoPersonRole }[] = [];
  for (const p of people) {
    const key = `${p.role}:${p.userId}`;
    if (existing.has(key)) continue;
    existing.add(key);
    added.push(p);
  }
  if (added.length) {
    const addedAt = new Date().toISOString();
    await tx.insert(itemCoPeople).values(added.map((p) => ({ itemId, ...p, viaItemId, addedAt })));
  }
  return added;
}

/** The names of an item's co-requestors and co-sponsors, for its page (the caller has authorized the item). */
export async function coPeopleNames(itemId: number): Promise<{ requestors: string[]; sponsors: string[] }> {
  const rows = await db
    .select({ role: itemCoPeople.role, name: users.name })
    .from(itemCoPeople)
    .innerJoin(users, eq(users.id, itemCoPeople.userId))
    .where(eq(itemCoPeople.itemId, itemId))
    .orderBy(asc(users.name));
  const of = (role: CoPersonRole) => rows.filter((r) => r.role === role).map((r) => r.name);
  return { requestors: of('requestor'), sponsors: of('sponsor') };
}
