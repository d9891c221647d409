import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { alias } from '@/db/alias';
import { db } from '@/db/client';
import { cycles, departments, itemModules, modules, themes, users } from '@/db/schema';
import { can } from '@/lib/auth/permissions';
import { listEventsForSubject } from '@/lib/events/log.server';
import { smeName } from '@/lib/users/sme';
import { smeNamesByEmail } from '@/lib/users/sme-names.server';
import { effectiveWeeks } from '@/lib/estimates/estimates';
import { itemAsSeen, visibleHistory } from './visible-status.server';
import { getItemForViewer } from './items.server';
import { plainStatusTargets } from './status-machine';
import type { ActingUser } from '@/lib/auth/acting-user';
import { first } from '@/db/rows';

const people = alias(users, 'people');

/**
 * One item with the names it points at, for the item page, its status and history as the actor may see
 * them (lib/backlog/visible-status.server.ts). 403/404 as getItemForViewer.
 */
export async function getItemDetail(actor: ActingUser, itemId: number) {
  const { view, ...item } = await itemAsSeen(actor, await getItemForViewer(actor, itemId));
  const cycle = item.cycleId ? first(await db.select().from(cycles).where(eq(cycles.id, item.cycleId))) : undefined;
  const name = async (id: number | null) =>
    id ? (first(await db.select({ name: people.name }).from(people).where(eq(people.id, id)))?.name ?? null) : null;
  const mods = await db
    .select({ id: modules.id, name: modules.name })
    .from(itemModules)
    .innerJoin(modules, eq(modules.id, itemModules.moduleId))
    .where(eq(itemModules.itemId, itemId))
    .orderBy(asc(modules.name));
  return {
    item,
    cycle: cycle ? { id: cycle.id, name: cycle.name } : null,
    themeName: item.themeId
      ? (first(await db.select({ name: themes.name }).from(themes).where(eq(themes.id, item.themeId)))?.name ?? null)
      : null,
    departmentName:
      first(await db.select({ name: departments.name }).from(departments).where(eq(departments.id, item.departmentId)))
        ?.name ?? '',
    sponsorName: await name(item.sponsorId),
    requestorName: (await name(item.requestorId)) ?? '',
    smeName: smeName(item.sme, await smeNamesByEmail(db, [item.sme])),
    modules: mods,
    effectiveWeeks: cycle ? effectiveWeeks(item, cycle.sizeWeeks) : item.estimateWeeks,
    // Merging, asking for information and delivering have their own steps (lib/curation, the
    // schedule's delivery controls), not a bare status change.
    nextStatuses: can(actor, 'item.setStatus') && item.status !== 'under_review' ? plainStatusTargets(item.status) : [],
    canEdit: can(actor, 'item.edit'),
    history:
      can(actor, 'history.view') || item.requestorId === actor.id
        ? visibleHistory(view, await listEventsForSubject('item', itemId))
        : [],
  };
}
export type ItemDetail = Awaited<ReturnType<typeof getItemDetail>>;

/** What the estimate field shows: the size when one is set, otherwise the weeks. */
export function estimateText(item: { estimateSize: string | null; estimateWeeks: number | null }): string {
  return item.estimateSize ?? (item.estimateWeeks !== null ? String(item.estimateWeeks) : '');
}
