import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { db, transaction } from '@/db/client';
import { cycles, itemModules, items, type Item, type ItemStatus } from '@/db/schema';
import { assertCan, can, canViewItem } from '@/lib/auth/permissions';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@/lib/errors';
import { diff, logEvent, type Executor } from '@/lib/events/log.server';
import { parseOrThrow } from '@/lib/validation';
import { ItemFieldsSchema, StatusSchema, VersionSchema, type ItemFields } from './item-schema';
import { checkReferences } from './references.server';
import { applySmePerson } from './sme.server';
import { plainStatusError } from './status-machine';
import type { ActingUser } from '@/lib/auth/acting-user';
import { first } from '@/db/rows';
import { isCoPerson } from '@/lib/backlog/co-people.server';

const now = () => new Date().toISOString();

export async function loadItem(tx: Executor, id: number): Promise<Item> {
  const item = first(await tx.select().from(items).where(eq(items.id, id)));
  if (!item) throw new NotFoundError('This item');
  return item;
}

export async function moduleIdsOf(tx: Executor, itemId: number): Promise<number[]> {
  return (await tx.select({ id: itemModules.moduleId }).from(itemModules).where(eq(itemModules.itemId, itemId)))
    .map((r) => r.id)
    .sort((a, b) => a - b);
}

async function setModules(tx: Executor, itemId: number, moduleIds: number[]) {
  await tx.delete(itemModules).where(eq(itemModules.itemId, itemId));
  const unique = [...new Set(moduleIds)];
  if (unique.length) await tx.insert(itemModules).values(unique.map((moduleId) => ({ itemId, moduleId })));
}

/**
 * Replaces an item's modules, logging the change when there is one. Modules are part of the item,
 * so the change moves its version, unless the caller's own patch of the same item already does.
 */
export async function replaceModules(
  tx: Executor,
  actor: ActingUser,
  itemId: number,
  moduleIds: number[],
  opts = { bumpVersion: true },
): Promise<void> {
  const before = await moduleIdsOf(tx, itemId);
  const after = [...new Set(moduleIds)].sort((a, b) => a - b);
  if (JSON.stringify(before) === JSON.stringify(after)) return;
  await setModules(tx, itemId, after);
  if (opts.bumpVersion)
    await tx
      .update(items)
      .set({ version: sql`${items.version} + 1`, updatedAt: now() })
      .where(eq(items.id, itemId));
  await logEvent(tx, {
    actorId: actor.id,
    type: 'item.updated',
    subjectType: 'item',
    subjectId: itemId,
    data: { changes: { moduleIds: { from: before, to: after } } },
  });
}

/** An item's fields as its columns (the estimate split in size and weeks; modules live in item_modules). */
export function toColumns(f: ItemFields) {
  const { estimate, moduleIds: _m, ...rest } = f;
  return { ...rest, ...estimate };
}

/** A pm's item is curated by construction; an engineer's waits for the pm like a request. */
export function createdItemStatus(actor: ActingUser): ItemStatus {
  return can(actor, 'item.setStatus') ? 'curated' : 'submitted';
}

export const REQUESTOR_NOT_YOURS = 'Only a product manager can add an item in someone else’s name.';

/**
 * Adds an item straight into a cycle's backlog (pm, admin, engineer). Its requestor is the actor,
 * unless a pm or admin names someone else (the form offers the choice to them only).
 */
export async function createItem(actor: ActingUser, cycleId: number, input: unknown): Promise<Item> {
  assertCan(actor, 'item.create');
  const raw: Record<string, unknown> = typeof input === 'object' && input !== null ? { ...input } : {};
  if (raw.requestorId === undefined || raw.requestorId === '') raw.requestorId = actor.id;
  const fields = parseOrThrow(ItemFieldsSchema, raw);
  if (fields.requestorId !== actor.id && !can(actor, 'item.edit')) {
    throw new ValidationError({ requestorId: [REQUESTOR_NOT_YOURS] }, REQUESTOR_NOT_YOURS);
  }
  return transaction(async (tx) => {
    const cycle = first(await tx.select({ id: cycles.id }).from(cycles).where(eq(cycles.id, cycleId)));
    if (!cycle) throw new NotFoundError('This cycle');
    const refErrors = { ...(await checkReferences(tx, cycleId, fields)), ...(await applySmePerson(tx, fields)) };
    if (Object.keys(refErrors).length) throw new ValidationError(refErrors);
    const status = createdItemStatus(actor);
    const at = now();
    const item = (
      await tx
        .insert(items)
        .values({ ...toColumns(fields), cycleId, status, createdAt: at, updatedAt: at })
        .returning()
    )[0];
    await setModules(tx, item.id, fields.moduleIds);
    await logEvent(tx, {
      actorId: actor.id,
      type: 'item.created',
      subjectType: 'item',
      subjectId: item.id,
      data: { after: { ...toColumns(fields), moduleIds: fields.moduleIds, status, cycleId } },
    });
    return item;
  });
}

function assertVersion(item: Item, version: number) {
  if (item.version !== version) {
    throw new ConflictError(
      'Someone else changed this item while you were editing. Reload to see their change, then try again.',
    );
  }
}

/** Full edit of every field (pm, admin). `version` guards against overwriting someone else's change. */
export async function updateItem(actor: ActingUser, itemId: number, input: unknown, version: unknown): Promise<Item> {
  assertCan(actor, 'item.edit');
  const fields = parseOrThrow(ItemFieldsSchema, input);
  const expected = parseOrThrow(VersionSchema, version);
  return transaction(async (tx) => {
    const before = await loadItem(tx, itemId);
    assertVersion(before, expected);
    const beforeModules = await moduleIdsOf(tx, itemId);
    const refErrors = {
      ...(await checkReferences(tx, before.cycleId, fields, {
        departmentId: before.departmentId,
        moduleIds: beforeModules,
      })),
      ...(await applySmePerson(tx, fields)),
    };
    if (Object.keys(refErrors).length) throw new ValidationError(refErrors);
    const cols = toColumns(fields);
    const changes = diff({ ...before, moduleIds: beforeModules } as Record<string, unknown>, {
      ...cols,
      moduleIds: [...new Set(fields.moduleIds)].sort((a, b) => a - b),
    });
    if (Object.keys(changes).length === 0) return before;
    const after = (
      await tx
        .update(items)
        .set({ ...cols, version: before.version + 1, updatedAt: now() })
        .where(eq(items.id, itemId))
        .returning()
    )[0];
    await setModules(tx, itemId, fields.moduleIds);
    await logEvent(tx, {
      actorId: actor.id,
      type: 'item.updated',
      subjectType: 'item',
      subjectId: itemId,
      data: { changes },
    });
    return after;
  });
}

/** Applies a partial change to one item inside a transaction, with version check and event. */
export async function patchItem(
  tx: Executor,
  actor: ActingUser,
  before: Item,
  patch: Partial<Item>,
  type = 'item.updated',
): Promise<Item> {
  const changes = diff(before as Record<string, unknown>, patch as Record<string, unknown>);
  if (Object.keys(changes).length === 0) return before;
  const after = (
    await tx
      .update(items)
      .set({ ...patch, version: before.version + 1, updatedAt: now() })
      .where(eq(items.id, before.id))
      .returning()
  )[0];
  await logEvent(tx, { actorId: actor.id, type, subjectType: 'item', subjectId: before.id, data: { changes } });
  return after;
}

/** Moves an item along its lifecycle; an illegal transition is refused with a message. */
export async function setItemStatus(
  actor: ActingUser,
  itemId: number,
  to: unknown,
  version?: number,
  reason?: string,
): Promise<Item> {
  assertCan(actor, 'item.setStatus');
  const status = parseOrThrow(StatusSchema, to);
  return transaction(async (tx) => {
    const before = await loadItem(tx, itemId);
    if (version !== undefined) assertVersion(before, version);
    const error = plainStatusError(before.status, status);
    if (error) throw new ValidationError({ status: [error] }, error);
    const patch: Partial<Item> = { status };
    if (reason !== undefined) patch.decisionReason = reason;
    return patchItem(tx, actor, before, patch, 'item.status_changed');
  });
}

/** One item for a viewer: 404 when it does not exist, 403 when they may not see it. */
export async function getItemForViewer(actor: ActingUser, itemId: number): Promise<Item> {
  const item = await loadItem(db, itemId);
  // Co-requestors and co-sponsors (from merged duplicates) follow the item as its requestor would.
  if (!canViewItem(actor, item) && !(await isCoPerson(db, itemId, actor.id)))
    throw new ForbiddenError('You do not have access to this item.');
  return item;
}
