/**
 * The backlog by module: each module with its items and their estimate total. Pure, so its sums
 * are tested without a page. An item touching several modules is listed under each of them (and its
 * weeks count in each module's total: a module's total is the work that touches it, and the totals
 * of several modules can add up to more than the cycle's).
 */

import type { ItemStatus, Kind } from '@/db/schema/backlog';

export type ModuleRef = { id: number; name: string };

export type ModuleViewItem = {
  id: number;
  title: string;
  status: ItemStatus;
  kind: Kind;
  effectiveWeeks: number | null;
  /** The item's modules, sorted by name. */
  modules: ModuleRef[];
};

export type ModuleGroup = {
  /** null: the "No module" group. */
  moduleId: number | null;
  name: string;
  items: (ModuleViewItem & { alsoIn: string[] })[];
  totalWeeks: number;
  unestimated: number;
};

export const NO_MODULE = 'No module';

/** Modules by name (then id), "No module" last; items in the order given. */
export function groupByModule(items: readonly ModuleViewItem[]): ModuleGroup[] {
  const groups = new Map<number | null, ModuleGroup>();
  const groupOf = (id: number | null, name: string) => {
    let g = groups.get(id);
    if (!g) groups.set(id, (g = { moduleId: id, name, items: [], totalWeeks: 0, unestimated: 0 }));
    return g;
  };
  for (const item of items) {
    const homes = item.modules.length ? item.modules : [{ id: null, name: NO_MODULE }];
    for (const home of homes) {
      const g = groupOf(home.id, home.name);
      g.items.push({ ...item, alsoIn: item.modules.filter((m) => m.id !== home.id).map((m) => m.name) });
      if (item.effectiveWeeks === null) g.unestimated += 1;
      else g.totalWeeks += item.effectiveWeeks;
    }
  }
  return [...groups.values()].sort((a, b) =>
    a.moduleId === null ? 1 : b.moduleId === null ? -1 : a.name.localeCompare(b.name, 'en') || a.moduleId - b.moduleId,
  );
}
