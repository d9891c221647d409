import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { db } from '@/db/client';
import { cycles, departments, itemModules, modules, themes, users } from '@/db/schema';
import { can } from '@/lib/auth/permissions';
import { listEventsForSubject } from '@/lib/events/log.server';
import { smeName } from '@/lib/users/sme';
import { smeNamesByEmail } from '@/lib/users/sme-names.server';
import { effectiveWeeks } from './estimates';
import { itemAsSeen, visibleHistory } from './visible-status.server';
import { getItemForViewer } from './items.server';
import { TRANSITIONS } from './status-machine';
import type { ActingUser } from '@/lib/auth/acting-user';

const people = alias(users, 'people');

/**
 * One item with the names it points at, for the item page, its status and history as the actor may see
 * them (lib/backlog/visible-status.server.ts). 403/404 as getItemForViewer.
 */
export function getItemDetail(actor: ActingUser, itemId: number) {
  const { view, ...item } = itemAsSeen(actor, getItemForViewer(actor, itemId));
  const cycle = item.cycleId ? db.select().from(cycles).where(eq(cycles.id, item.cycleId)).get() : undefined;
  const name = (id: number | null) =>
    id ? (db.select({ name: people.name }).from(people).where(eq(people.id, id)).get()?.name ?? null) : null;
  const mods = db
    .select({ id: modules.id, name: modules.name })
    .from(itemModules)
    .innerJoin(modules, eq(modules.id, itemModules.moduleId))
    .where(eq(itemModules.itemId, itemId))
    .orderBy(asc(modules.name))
    .all();
  return {
    item,
    cycle: cycle ? { id: cycle.id, name: cycle.name } : null,
    themeName: item.themeId
      ? (db.select({ name: themes.name }).from(themes).where(eq(themes.id, item.themeId)).get()?.name ?? null)
      : null,
    departmentName:
      db.select({ name: departments.name }).from(departments).where(eq(departments.id, item.departmentId)).get()
        ?.name ?? '',
    sponsorName: name(item.sponsorId),
    requestorName: name(item.requestorId) ?? '',
    smeName: smeName(item.sme, smeNamesByEmail(db, [item.sme])),
    modules: mods,
    effectiveWeeks: cycle ? effectiveWeeks(item, cycle.sizeWeeks) : item.estimateWeeks,
    nextStatuses: can(actor, 'item.setStatus') && item.status !== 'under_review' ? TRANSITIONS[item.status] : [],
    canEdit: can(actor, 'item.edit'),
    history:
      can(actor, 'history.view') || item.requestorId === actor.id
        ? visibleHistory(view, listEventsForSubject('item', itemId))
        : [],
  };
}
export type ItemDetail = ReturnType<typeof getItemDetail>;

/** What the estimate field shows: the size when one is set, otherwise the weeks. */
export function estimateText(item: { estimateSize: string | null; estimateWeeks: number | null }): string {
  return item.estimateSize ?? (item.estimateWeeks !== null ? String(item.estimateWeeks) : '');
}
