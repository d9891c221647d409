import 'server-only';
import { and, desc, eq, inArray, notInArray } from 'drizzle-orm';
import { db, transaction } from '@/db/client';
import {
  agendaItems,
  changeRequests,
  comments,
  decisions,
  departments,
  importItems,
  imports,
  invitations,
  itemModules,
  items,
  modules,
  ssoGroupMappings,
  themes,
  users,
} from '@/db/schema';
import { first } from '@/db/rows';
import type { ActingUser } from '@/lib/auth/acting-user';
import { ConflictError, NotFoundError } from '@/lib/errors';
import { logEvent, type Executor } from '@/lib/events/log.server';
import { assertCanImport } from './preview.server';

/** The statuses an imported item may still have for its import to be undone: nobody has decided on it. */
const UNDECIDED = ['submitted', 'curated'] as const;

export type ImportHistoryRow = {
  id: number;
  createdAt: number;
  actorName: string;
  fileName: string;
  source: string;
  itemCount: number;
  skippedCount: number;
  undoneAt: number | null;
};

/** The cycle's imports, newest first, for its import page. */
export async function listImports(actor: ActingUser, cycleId: number): Promise<ImportHistoryRow[]> {
  assertCanImport(actor);
  return db
    .select({
      id: imports.id,
      createdAt: imports.createdAt,
      actorName: users.name,
      fileName: imports.fileName,
      source: imports.source,
      itemCount: imports.itemCount,
      skippedCount: imports.skippedCount,
      undoneAt: imports.undoneAt,
    })
    .from(imports)
    .innerJoin(users, eq(users.id, imports.actorId))
    .where(eq(imports.cycleId, cycleId))
    .orderBy(desc(imports.id));
}

/** The imported items that something has happened to since: decided, on an agenda, discussed, or in a change request. */
async function touchedItems(tx: Executor, itemIds: number[]): Promise<{ id: number; title: string }[]> {
  if (itemIds.length === 0) return [];
  const touched = new Set<number>();
  const chunks = Array.from({ length: Math.ceil(itemIds.length / 500) }, (_, i) =>
    itemIds.slice(i * 500, i * 500 + 500),
  );
  for (const ids of chunks) {
    const found = [
      ...(await tx
        .select({ id: items.id })
        .from(items)
        .where(and(inArray(items.id, ids), notInArray(items.status, [...UNDECIDED])))),
      ...(await tx.select({ id: decisions.itemId }).from(decisions).where(inArray(decisions.itemId, ids))),
      ...(await tx.select({ id: agendaItems.itemId }).from(agendaItems).where(inArray(agendaItems.itemId, ids))),
      ...(await tx.select({ id: comments.itemId }).from(comments).where(inArray(comments.itemId, ids))),
      ...(await tx
        .select({ id: changeRequests.incomingItemId })
        .from(changeRequests)
        .where(inArray(changeRequests.incomingItemId, ids))),
    ];
    for (const f of found) touched.add(f.id);
  }
  if (touched.size === 0) return [];
  return tx
    .select({ id: items.id, title: items.title })
    .from(items)
    .where(inArray(items.id, [...touched].slice(0, 500)));
}

/**
 * Undoes an import as a whole: deletes its items (and their modules), then the themes, departments
 * and modules it created that nothing else uses. Refused, naming the items, once any of them has
 * been decided, put on an agenda, discussed or pulled into a change request: those have a history
 * of their own that deleting would lose.
 */
export async function undoImport(actor: ActingUser, cycleId: number, importId: number): Promise<{ itemCount: number }> {
  assertCanImport(actor);
  return transaction(async (tx) => {
    const record = first(
      await tx
        .select()
        .from(imports)
        .where(and(eq(imports.id, importId), eq(imports.cycleId, cycleId))),
    );
    if (!record) throw new NotFoundError('This import');
    if (record.undoneAt !== null) {
      throw new ConflictError(
        `This import was already undone on ${new Date(record.undoneAt).toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
      );
    }
    const itemIds = (
      await tx.select({ id: importItems.itemId }).from(importItems).where(eq(importItems.importId, importId))
    ).map((r) => r.id);
    const touched = await touchedItems(tx, itemIds);
    if (touched.length) {
      const names = touched.slice(0, 5).map((i) => `“${i.title}” (#${i.id})`);
      const more = touched.length > 5 ? ` and ${touched.length - 5} more` : '';
      throw new ConflictError(
        `This import cannot be undone: ${names.join(', ')}${more} ${touched.length === 1 ? 'has' : 'have'} been decided, put on a meeting agenda or discussed since.`,
      );
    }
    for (let i = 0; i < itemIds.length; i += 500) {
      const ids = itemIds.slice(i, i + 500);
      const gone = await tx.select({ id: items.id, title: items.title }).from(items).where(inArray(items.id, ids));
      await tx.delete(itemModules).where(inArray(itemModules.itemId, ids));
      await tx.delete(importItems).where(inArray(importItems.itemId, ids));
      await tx.delete(items).where(inArray(items.id, ids));
      for (const item of gone) {
        await logEvent(tx, {
          actorId: actor.id,
          type: 'item.deleted',
          subjectType: 'item',
          subjectId: item.id,
          data: { title: item.title, importId, reason: 'import undone' },
        });
      }
    }
    const removed = await removeUnused(tx, record.created);
    const at = Date.now();
    await tx.update(imports).set({ undoneAt: at, undoneById: actor.id }).where(eq(imports.id, importId));
    await logEvent(tx, {
      actorId: actor.id,
      type: 'import.undone',
      subjectType: 'import',
      subjectId: importId,
      data: { cycleId, itemCount: itemIds.length, removed },
    });
    return { itemCount: itemIds.length };
  });
}

/** Deletes what the import created unless something else (another item, a person) has come to use it. */
async function removeUnused(tx: Executor, created: Record<string, number[]>) {
  const removed: Record<string, number[]> = { themes: [], departments: [], modules: [] };
  for (const id of created.themes ?? []) {
    if (first(await tx.select({ id: items.id }).from(items).where(eq(items.themeId, id)).limit(1))) continue;
    await tx.delete(themes).where(eq(themes.id, id));
    removed.themes.push(id);
  }
  for (const id of created.modules ?? []) {
    if (
      first(await tx.select({ id: itemModules.itemId }).from(itemModules).where(eq(itemModules.moduleId, id)).limit(1))
    )
      continue;
    await tx.delete(modules).where(eq(modules.id, id));
    removed.modules.push(id);
  }
  for (const id of created.departments ?? []) {
    if (first(await tx.select({ id: items.id }).from(items).where(eq(items.departmentId, id)).limit(1))) continue;
    if (first(await tx.select({ id: users.id }).from(users).where(eq(users.departmentId, id)).limit(1))) continue;
    if (
      first(await tx.select({ id: invitations.id }).from(invitations).where(eq(invitations.departmentId, id)).limit(1))
    )
      continue;
    if (
      first(
        await tx
          .select({ id: ssoGroupMappings.id })
          .from(ssoGroupMappings)
          .where(eq(ssoGroupMappings.departmentId, id))
          .limit(1),
      )
    )
      continue;
    await tx.delete(departments).where(eq(departments.id, id));
    removed.departments.push(id);
  }
  return removed;
}
