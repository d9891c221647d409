import 'server-only';
import { and, eq } from 'drizzle-orm';
import { transaction } from '@/db/client';
import { affectedRows } from '@/db/rows';
import { itemMerges, items, type Item } from '@/db/schema';
import { assertCan } from '@/lib/auth/permissions';
import type { ActingUser } from '@/lib/auth/acting-user';
import { ConflictError } from '@/lib/errors';
import { diff, logEvent, type Executor } from '@/lib/events/log.server';
import { moduleIdsOf, replaceModules } from '@/lib/backlog/items.server';
import { parseOrThrow } from '@/lib/validation';
import { addCoPeople, coPeopleOf } from '@/lib/backlog/co-people.server';
import { fieldsTaken, MergeConfirmSchema, type MergeField } from './merge-schema';
import { loadMergePair } from './merge-rules.server';
import { notifyMerged } from './notify.server';

/** The columns each mergeable field stands for. */
const COLUMNS: Record<MergeField, (keyof Item)[]> = {
  title: ['title'],
  description: ['description'],
  businessBenefit: ['businessBenefit'],
  estimate: ['estimateSize', 'estimateWeeks'],
  sme: ['sme', 'smeUserId'],
  sponsor: ['sponsorId'],
  theme: ['themeId'],
  kind: ['kind'],
};

/** What the survivor becomes: its own columns, with the taken fields' columns from the merged item. */
export function survivorPatch(merged: Item, taken: MergeField[]): Partial<Item> {
  const patch: Record<string, unknown> = {};
  for (const field of taken) for (const col of COLUMNS[field]) patch[col] = merged[col];
  return patch as Partial<Item>;
}

/**
 * The people the survivor gains: the merged item's requestor and co-requestors become its
 * co-requestors, its sponsor and co-sponsors its co-sponsors, and a sponsor the survivor gives up
 * (when it takes the merged item's) stays on as a co-sponsor. Nobody is added in a role they hold.
 */
async function peopleGained(tx: Executor, survivor: Item, merged: Item, sponsorId: number | null) {
  const theirs = await coPeopleOf(tx, [merged.id]);
  const requestors = [merged.requestorId, ...theirs.filter((p) => p.role === 'requestor').map((p) => p.userId)];
  const sponsors = [
    merged.sponsorId,
    ...theirs.filter((p) => p.role === 'sponsor').map((p) => p.userId),
    sponsorId !== survivor.sponsorId ? survivor.sponsorId : null,
  ];
  return [
    ...requestors.filter((id) => id !== survivor.requestorId).map((userId) => ({ userId, role: 'requestor' as const })),
    ...sponsors
      .filter((id): id is number => id !== null && id !== sponsorId)
      .map((userId) => ({ userId, role: 'sponsor' as const })),
  ];
}

/** Writes `patch` only if the row is still at `version`: the second of two racing merges finds it moved. */
async function guardedUpdate(tx: Executor, item: Item, patch: Partial<Item>, at: string): Promise<void> {
  const result = await tx
    .update(items)
    .set({ ...patch, version: item.version + 1, updatedAt: at })
    .where(and(eq(items.id, item.id), eq(items.version, item.version)));
  if (affectedRows(result) !== 1)
    throw new ConflictError('Someone changed these items just now. Review the merge again.');
}

/**
 * Folds a duplicate into the surviving item (pm, admin: `request.triage`, since merging is curation).
 * The survivor takes the chosen fields and gains the duplicate's people and modules; the duplicate
 * becomes 'merged', pointing at the survivor; both histories record it; the duplicate's requestors are
 * told where their request went. Refusals write nothing (merge-rules.server.ts).
 */
export async function mergeItems(actor: ActingUser, input: unknown): Promise<{ survivor: Item; merged: Item }> {
  assertCan(actor, 'request.triage');
  const choice = parseOrThrow(MergeConfirmSchema, input);
  const taken = fieldsTaken(choice);
  return transaction(async (tx) => {
    const { survivor, merged } = await loadMergePair(tx, choice, choice);
    const at = new Date().toISOString();
    const patch = survivorPatch(merged, taken);
    const sponsorId = taken.includes('sponsor') ? merged.sponsorId : survivor.sponsorId;
    const gained = await peopleGained(tx, survivor, merged, sponsorId);

    await guardedUpdate(tx, survivor, patch, at);
    await guardedUpdate(tx, merged, { status: 'merged', mergedIntoId: survivor.id }, at);
    // The unique index on merged_id is the last guard: an item is merged once.
    await tx.insert(itemMerges).values({
      survivorId: survivor.id,
      mergedId: merged.id,
      fieldsTaken: taken,
      mergedBy: actor.id,
      mergedAt: at,
    });
    const added = await addCoPeople(tx, survivor.id, gained, merged.id);
    const modules = [...(await moduleIdsOf(tx, survivor.id)), ...(await moduleIdsOf(tx, merged.id))];
    await replaceModules(tx, actor, survivor.id, modules, { bumpVersion: false });

    await logEvent(tx, {
      actorId: actor.id,
      type: 'item.merged',
      subjectType: 'item',
      subjectId: survivor.id,
      data: {
        mergedId: merged.id,
        mergedTitle: merged.title,
        fieldsTaken: taken,
        changes: diff(survivor as Record<string, unknown>, patch as Record<string, unknown>),
        coRequestorIds: added.filter((p) => p.role === 'requestor').map((p) => p.userId),
        coSponsorIds: added.filter((p) => p.role === 'sponsor').map((p) => p.userId),
      },
    });
    await logEvent(tx, {
      actorId: actor.id,
      type: 'item.merged_into',
      subjectType: 'item',
      subjectId: merged.id,
      data: {
        survivorId: survivor.id,
        survivorTitle: survivor.title,
        changes: { status: { from: merged.status, to: 'merged' } },
      },
    });
    const requestors = [
      merged.requestorId,
      ...(await coPeopleOf(tx, [merged.id])).filter((p) => p.role === 'requestor').map((p) => p.userId),
    ];
    const after = { ...survivor, ...patch, version: survivor.version + 1 };
    await notifyMerged(tx, { actorId: actor.id, userIds: requestors, merged, survivor: after });
    return { survivor: after, merged: { ...merged, status: 'merged' as const, mergedIntoId: survivor.id } };
  });
}
