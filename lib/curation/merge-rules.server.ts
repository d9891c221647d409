import 'server-only';
import { and, asc, eq, inArray, isNull, ne } from 'drizzle-orm';
import { db } from '@/db/client';
import { itemMerges, items, users, type Item, type ItemStatus } from '@/db/schema';
import { first } from '@/db/rows';
import { ConflictError, ValidationError } from '@/lib/errors';
import type { Executor } from '@/lib/events/log.server';
import { loadItem } from '@/lib/backlog/items.server';
import { STATUS_LABEL } from '@/lib/backlog/labels';

/**
 * Which items may be merged. Only items still being shaped: a decided item (accepted, rejected,
 * deferred, scheduled, in delivery, delivered) has an outcome people were told about, a withdrawn or
 * merged one is closed, a draft was never submitted, and one waiting for its requestor's answer
 * (needs information) is the requestor's to finish first.
 */
export const MERGEABLE: readonly ItemStatus[] = ['submitted', 'curated'];

const quote = (s: string) => `“${s}”`;

/** "This item was just merged into “X” by Y." — what the loser of a race between two pms reads. */
async function alreadyMerged(tx: Executor, item: Item): Promise<ConflictError> {
  const row = first(
    await tx
      .select({ survivorTitle: items.title, byName: users.name })
      .from(itemMerges)
      .innerJoin(items, eq(items.id, itemMerges.survivorId))
      .innerJoin(users, eq(users.id, itemMerges.mergedBy))
      .where(eq(itemMerges.mergedId, item.id)),
  );
  const into = row ? ` into ${quote(row.survivorTitle)} by ${row.byName}` : '';
  return new ConflictError(`${quote(item.title)} was just merged${into}. Reload to see it.`, 'mergedId');
}

function refuse(field: 'mergedId' | 'survivorId', message: string): never {
  throw new ValidationError({ [field]: [message] }, message);
}

/**
 * Loads both items and refuses, with a message naming the item, anything a merge may not do:
 * an item with itself, items of different cycles (or a request with a backlog item), and an item
 * that is not being shaped any more. A versions pair, when given, must be what the pm reviewed.
 */
export async function loadMergePair(
  tx: Executor,
  ids: { survivorId: number; mergedId: number },
  versions?: { survivorVersion: number; mergedVersion: number },
): Promise<{ survivor: Item; merged: Item }> {
  if (ids.survivorId === ids.mergedId) refuse('mergedId', 'An item cannot be merged with itself: choose another item.');
  const survivor = await loadItem(tx, ids.survivorId);
  const merged = await loadItem(tx, ids.mergedId);
  for (const [field, item] of [
    ['survivorId', survivor],
    ['mergedId', merged],
  ] as const) {
    if (item.status === 'merged') throw await alreadyMerged(tx, item);
    if (!MERGEABLE.includes(item.status)) {
      refuse(
        field,
        `${quote(item.title)} is ${STATUS_LABEL[item.status].toLowerCase()}: only submitted or curated items can be merged.`,
      );
    }
  }
  if (survivor.cycleId !== merged.cycleId) {
    refuse(
      'mergedId',
      survivor.cycleId === null || merged.cycleId === null
        ? 'A new request can only be merged with another new request; triage it into the cycle first.'
        : 'These items are in different cycles: only items of the same cycle can be merged.',
    );
  }
  if (versions && (survivor.version !== versions.survivorVersion || merged.version !== versions.mergedVersion)) {
    throw new ConflictError('One of these items changed since you reviewed the merge. Review it again.');
  }
  return { survivor, merged };
}

/** Items that could be merged with `item`: the same cycle's (or the untriaged requests), still being shaped. */
export async function mergeCandidates(item: Item): Promise<{ id: number; title: string }[]> {
  if (!MERGEABLE.includes(item.status)) return [];
  const sameCycle = item.cycleId === null ? isNull(items.cycleId) : eq(items.cycleId, item.cycleId);
  return db
    .select({ id: items.id, title: items.title })
    .from(items)
    .where(and(sameCycle, ne(items.id, item.id), inArray(items.status, [...MERGEABLE])))
    .orderBy(asc(items.title), asc(items.id));
}
