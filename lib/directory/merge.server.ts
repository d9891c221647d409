import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { transaction } from '@/db/client';
import { invitations, itemModules, items, ssoGroupMappings, users } from '@/db/schema';
import type { ActingUser } from '@/lib/auth/acting-user';
import { assertCan } from '@/lib/auth/permissions';
import { ConflictError, ValidationError } from '@/lib/errors';
import { logEvent, type Executor } from '@/lib/events/log.server';
import { loadEntry, tableOf } from './directory.server';
import { KIND_LABEL, type DirectoryKind } from './schema';

/**
 * Merges `fromId` into `intoId`: whatever had A now has B, then A is archived and names B. One
 * transaction, so nobody sees half a merge. For modules an item already on B is not put on B twice.
 * Returns how many records moved.
 */
export async function mergeEntry(
  actor: ActingUser,
  kind: DirectoryKind,
  fromId: number,
  intoId: number,
): Promise<{ people: number; items: number; invitations: number; groupMappings: number }> {
  assertCan(actor, 'user.manage');
  const label = KIND_LABEL[kind];
  if (fromId === intoId) {
    const message = `Choose another ${label.one} to merge into.`;
    throw new ValidationError({ intoId: [message] }, message);
  }
  return transaction(async (tx) => {
    const from = await loadEntry(tx, kind, fromId);
    const into = await loadEntry(tx, kind, intoId);
    if (from.archivedAt !== null) throw new ConflictError(`“${from.name}” is archived: unarchive it first.`);
    if (into.archivedAt !== null) {
      const message = `“${into.name}” is archived: choose an active ${label.one} to merge into.`;
      throw new ValidationError({ intoId: [message] }, message);
    }
    const moved =
      kind === 'department' ? await moveDepartment(tx, fromId, intoId) : await moveModule(tx, fromId, intoId);
    const table = tableOf(kind);
    await tx.update(table).set({ archivedAt: Date.now(), mergedIntoId: intoId }).where(eq(table.id, fromId));
    await logEvent(tx, {
      actorId: actor.id,
      type: `${kind}.merged`,
      subjectType: kind,
      subjectId: fromId,
      data: { from: { id: fromId, name: from.name }, into: { id: intoId, name: into.name }, ...moved },
    });
    return {
      people: moved.userIds.length,
      items: moved.itemIds.length,
      invitations: moved.invitationIds.length,
      groupMappings: moved.groupMappingIds.length,
    };
  });
}

async function idsWhere<T extends { id: number }>(rows: Promise<T[]>) {
  return (await rows).map((r) => r.id);
}

async function moveDepartment(tx: Executor, fromId: number, intoId: number) {
  const userIds = await idsWhere(tx.select({ id: users.id }).from(users).where(eq(users.departmentId, fromId)));
  const itemIds = await idsWhere(tx.select({ id: items.id }).from(items).where(eq(items.departmentId, fromId)));
  const invitationIds = await idsWhere(
    tx.select({ id: invitations.id }).from(invitations).where(eq(invitations.departmentId, fromId)),
  );
  const groupMappingIds = await idsWhere(
    tx.select({ id: ssoGroupMappings.id }).from(ssoGroupMappings).where(eq(ssoGroupMappings.departmentId, fromId)),
  );
  if (userIds.length) await tx.update(users).set({ departmentId: intoId }).where(eq(users.departmentId, fromId));
  // Items are edited concurrently: a new version makes a form opened before the merge refuse a stale save.
  if (itemIds.length)
    await tx
      .update(items)
      .set({ departmentId: intoId, version: sql`${items.version} + 1` })
      .where(eq(items.departmentId, fromId));
  if (invitationIds.length)
    await tx.update(invitations).set({ departmentId: intoId }).where(eq(invitations.departmentId, fromId));
  if (groupMappingIds.length)
    await tx.update(ssoGroupMappings).set({ departmentId: intoId }).where(eq(ssoGroupMappings.departmentId, fromId));
  return { userIds, itemIds, invitationIds, groupMappingIds };
}

async function moveModule(tx: Executor, fromId: number, intoId: number) {
  const onFrom = (
    await tx.select({ itemId: itemModules.itemId }).from(itemModules).where(eq(itemModules.moduleId, fromId))
  ).map((r) => r.itemId);
  const alreadyOnInto = new Set(
    onFrom.length
      ? (
          await tx
            .select({ itemId: itemModules.itemId })
            .from(itemModules)
            .where(and(eq(itemModules.moduleId, intoId), inArray(itemModules.itemId, onFrom)))
        ).map((r) => r.itemId)
      : [],
  );
  const toAdd = onFrom.filter((id) => !alreadyOnInto.has(id));
  if (onFrom.length) await tx.delete(itemModules).where(eq(itemModules.moduleId, fromId));
  if (toAdd.length) await tx.insert(itemModules).values(toAdd.map((itemId) => ({ itemId, moduleId: intoId })));
  if (onFrom.length)
    await tx
      .update(items)
      .set({ version: sql`${items.version} + 1` })
      .where(inArray(items.id, onFrom));
  return { userIds: [] as number[], itemIds: onFrom, invitationIds: [] as number[], groupMappingIds: [] as number[] };
}
