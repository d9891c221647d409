import 'server-only';
import { and, asc, eq, inArray, notInArray } from 'drizzle-orm';
import { db } from '@/db/client';
import { itemModules, items, modules } from '@/db/schema';
import { assertCan } from '@/lib/auth/permissions';
import type { ActingUser } from '@/lib/auth/acting-user';
import { effectiveWeeks } from '@/lib/estimates/estimates';
import { loadCycle } from '@/lib/backlog/list.server';
import type { Executor } from '@/lib/events/log.server';
import { groupByModule, type ModuleGroup, type ModuleRef } from './by-module';

/**
 * Statuses the module view leaves out: work nobody plans to do this cycle (as on the capacity bar),
 * duplicates folded into another item, and drafts, which stay private to their author.
 */
export const NOT_IN_MODULE_VIEW = ['draft', 'rejected', 'withdrawn', 'deferred', 'merged'] as const;

/** Each item's modules, sorted by name. Callers authorize. */
export async function modulesOfItems(tx: Executor, itemIds: number[]): Promise<Map<number, ModuleRef[]>> {
  const out = new Map<number, ModuleRef[]>();
  if (itemIds.length === 0) return out;
  const rows = await tx
    .select({ itemId: itemModules.itemId, id: modules.id, name: modules.name })
    .from(itemModules)
    .innerJoin(modules, eq(modules.id, itemModules.moduleId))
    .where(inArray(itemModules.itemId, itemIds))
    .orderBy(asc(modules.name), asc(modules.id));
  for (const { itemId, id, name } of rows) out.set(itemId, [...(out.get(itemId) ?? []), { id, name }]);
  return out;
}

export type CycleModulesView = { cycle: { id: number; name: string }; groups: ModuleGroup[] };

/** The cycle's planned items grouped by module, with each module's estimate total. */
export async function cycleModulesView(actor: ActingUser, cycleId: number): Promise<CycleModulesView> {
  assertCan(actor, 'backlog.view');
  const cycle = await loadCycle(db, cycleId);
  const rows = await db
    .select({
      id: items.id,
      title: items.title,
      status: items.status,
      kind: items.kind,
      estimateSize: items.estimateSize,
      estimateWeeks: items.estimateWeeks,
    })
    .from(items)
    .where(and(eq(items.cycleId, cycleId), notInArray(items.status, [...NOT_IN_MODULE_VIEW])))
    .orderBy(asc(items.id));
  const byItem = await modulesOfItems(
    db,
    rows.map((r) => r.id),
  );
  const groups = groupByModule(
    rows.map(({ estimateSize, estimateWeeks, ...r }) => ({
      ...r,
      effectiveWeeks: effectiveWeeks({ estimateSize, estimateWeeks }, cycle.sizeWeeks),
      modules: byItem.get(r.id) ?? [],
    })),
  );
  return { cycle: { id: cycle.id, name: cycle.name }, groups };
}

/** Each item's first module (by name) as `{ itemId: moduleId }`, for "Keep modules together". Callers authorize. */
export async function firstModules(tx: Executor, itemIds: number[]): Promise<Record<number, number>> {
  const out: Record<number, number> = {};
  for (const [itemId, refs] of await modulesOfItems(tx, itemIds)) out[itemId] = refs[0].id;
  return out;
}
