import 'server-only';
import { asc, count, eq } from 'drizzle-orm';
import { db, transaction } from '@/db/client';
import { departments, itemModules, items, modules, users } from '@/db/schema';
import { first } from '@/db/rows';
import type { ActingUser } from '@/lib/auth/acting-user';
import { assertCan } from '@/lib/auth/permissions';
import { ConflictError, NotFoundError, ValidationError } from '@/lib/errors';
import { logEvent, type Executor } from '@/lib/events/log.server';
import { parseOrThrow } from '@/lib/validation';
import { EntryNameSchema, KIND_LABEL, nameKey, type DirectoryKind } from './schema';

/** The table of a kind: departments and modules have the same columns. */
export const tableOf = (kind: DirectoryKind) => (kind === 'department' ? departments : modules);

export type DirectoryEntry = {
  id: number;
  name: string;
  archived: boolean;
  mergedIntoName: string | null;
  people: number;
  items: number;
};

const countsBy = (list: { key: number; n: number }[]) => new Map(list.map((r) => [r.key, Number(r.n)]));

/** Both lists with what uses each entry, for the admin's directory page: active entries first, then by name. */
export async function listDirectory(
  actor: ActingUser,
): Promise<{ departments: DirectoryEntry[]; modules: DirectoryEntry[] }> {
  assertCan(actor, 'user.manage');
  const [deps, mods] = [
    await db.select().from(departments).orderBy(asc(departments.name)),
    await db.select().from(modules).orderBy(asc(modules.name)),
  ];
  const peopleOf = countsBy(
    await db.select({ key: users.departmentId, n: count() }).from(users).groupBy(users.departmentId),
  );
  const itemsOfDep = countsBy(
    await db.select({ key: items.departmentId, n: count() }).from(items).groupBy(items.departmentId),
  );
  const itemsOfMod = countsBy(
    await db.select({ key: itemModules.moduleId, n: count() }).from(itemModules).groupBy(itemModules.moduleId),
  );
  const shape = (
    list: { id: number; name: string; archivedAt: number | null; mergedIntoId: number | null }[],
    people: Map<number, number> | null,
    itemCounts: Map<number, number>,
  ): DirectoryEntry[] => {
    const names = new Map(list.map((e) => [e.id, e.name]));
    return list
      .map((e) => ({
        id: e.id,
        name: e.name,
        archived: e.archivedAt !== null,
        mergedIntoName: e.mergedIntoId === null ? null : (names.get(e.mergedIntoId) ?? null),
        people: people?.get(e.id) ?? 0,
        items: itemCounts.get(e.id) ?? 0,
      }))
      .sort((a, b) => Number(a.archived) - Number(b.archived));
  };
  return { departments: shape(deps, peopleOf, itemsOfDep), modules: shape(mods, null, itemsOfMod) };
}

/** Refuses a name another entry of the kind already has, in any case. */
async function assertNameFree(tx: Executor, kind: DirectoryKind, name: string, exceptId?: number) {
  const table = tableOf(kind);
  const taken = (await tx.select({ id: table.id, name: table.name }).from(table)).find(
    (e) => e.id !== exceptId && nameKey(e.name) === nameKey(name),
  );
  if (taken) {
    const message = `A ${KIND_LABEL[kind].one} named “${taken.name}” already exists.`;
    throw new ValidationError({ name: [message] }, message);
  }
}

/** Unchecked: the entry by id, or a 404 naming the kind. */
export async function loadEntry(tx: Executor, kind: DirectoryKind, id: number) {
  const table = tableOf(kind);
  const row = first(await tx.select().from(table).where(eq(table.id, id)));
  if (!row) throw new NotFoundError(`This ${KIND_LABEL[kind].one}`);
  return row;
}

export async function createEntry(actor: ActingUser, kind: DirectoryKind, input: unknown): Promise<number> {
  assertCan(actor, 'user.manage');
  const { name } = parseOrThrow(EntryNameSchema, input);
  return transaction(async (tx) => {
    await assertNameFree(tx, kind, name);
    const table = tableOf(kind);
    const [row] = await tx.insert(table).values({ name }).returning({ id: table.id });
    await logEvent(tx, {
      actorId: actor.id,
      type: `${kind}.created`,
      subjectType: kind,
      subjectId: row.id,
      data: { name },
    });
    return row.id;
  });
}

export async function renameEntry(actor: ActingUser, kind: DirectoryKind, id: number, input: unknown): Promise<void> {
  assertCan(actor, 'user.manage');
  const { name } = parseOrThrow(EntryNameSchema, input);
  await transaction(async (tx) => {
    const before = await loadEntry(tx, kind, id);
    if (before.name === name) return;
    await assertNameFree(tx, kind, name, id);
    const table = tableOf(kind);
    await tx.update(table).set({ name }).where(eq(table.id, id));
    await logEvent(tx, {
      actorId: actor.id,
      type: `${kind}.renamed`,
      subjectType: kind,
      subjectId: id,
      data: { changes: { name: { from: before.name, to: name } } },
    });
  });
}

/**
 * Archiving takes an entry out of every picker; what already has it keeps it. Unarchiving a merged
 * entry is refused: its people and items now belong to the entry it was merged into.
 */
export async function setArchived(actor: ActingUser, kind: DirectoryKind, id: number, archived: boolean) {
  assertCan(actor, 'user.manage');
  await transaction(async (tx) => {
    const before = await loadEntry(tx, kind, id);
    if ((before.archivedAt !== null) === archived) return;
    if (!archived && before.mergedIntoId !== null)
      throw new ConflictError(`“${before.name}” was merged into another ${KIND_LABEL[kind].one}: it cannot come back.`);
    const table = tableOf(kind);
    await tx
      .update(table)
      .set({ archivedAt: archived ? Date.now() : null })
      .where(eq(table.id, id));
    await logEvent(tx, {
      actorId: actor.id,
      type: archived ? `${kind}.archived` : `${kind}.unarchived`,
      subjectType: kind,
      subjectId: id,
      data: { name: before.name },
    });
  });
}

/** Active entries, for pickers; `keep` adds archived ones a record already has, so its form shows them. */
export async function activeEntries(kind: DirectoryKind, keep: number[] = []) {
  const table = tableOf(kind);
  const rows = await db
    .select({ id: table.id, name: table.name, archivedAt: table.archivedAt })
    .from(table)
    .orderBy(asc(table.name));
  return rows.filter((r) => r.archivedAt === null || keep.includes(r.id)).map(({ id, name }) => ({ id, name }));
}

/** Unchecked: refuses an id that is not an active entry of the kind (a picker offers only those). */
export async function assertActiveEntry(tx: Executor, kind: DirectoryKind, id: number, field: string) {
  const table = tableOf(kind);
  const row = first(await tx.select({ archivedAt: table.archivedAt }).from(table).where(eq(table.id, id)));
  const label = KIND_LABEL[kind];
  if (!row) throw new ValidationError({ [field]: [`Choose a ${label.one} from the list.`] });
  if (row.archivedAt !== null)
    throw new ValidationError({ [field]: [`This ${label.one} is archived: choose another.`] });
}
