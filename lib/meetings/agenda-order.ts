/**
 * Agenda ordering and totals. Pure, so the agenda editor can reorder and re-total in the browser
 * while the pm ticks items, and the server computes the same numbers.
 */

/**
 * The default agenda order: grouped by theme in the themes' position order, items without a
 * theme (or with a theme not in the list) last; by id inside each group, i.e. oldest request first.
 */
export function defaultAgendaOrder<T extends { id: number; themeId: number | null }>(
  items: T[],
  themes: { id: number; position: number }[],
): T[] {
  const rank = new Map(themes.map((t) => [t.id, t.position]));
  const key = (item: T) =>
    item.themeId !== null && rank.has(item.themeId) ? rank.get(item.themeId)! : Number.POSITIVE_INFINITY;
  return [...items].sort((a, b) => key(a) - key(b) || a.id - b.id);
}

export type AgendaSummary = {
  itemCount: number;
  totalWeeks: number;
  capacityWeeks: number;
  /** Items with no estimate: the total understates the agenda by these. */
  unestimated: number;
  overCapacity: boolean;
  byTheme: { themeId: number | null; name: string; weeks: number; count: number }[];
};

export const NO_THEME_LABEL = 'No theme';

/** Total effective weeks of the agenda against the cycle's capacity, and per theme (theme order). */
export function summariseAgenda(
  items: { themeId: number | null; effectiveWeeks: number | null }[],
  themes: { id: number; name: string; position: number }[],
  capacityWeeks: number,
): AgendaSummary {
  const groups = new Map<number | null, { weeks: number; count: number }>();
  let total = 0;
  let unestimated = 0;
  for (const item of items) {
    const known = item.themeId !== null && themes.some((t) => t.id === item.themeId);
    const key = known ? item.themeId : null;
    const g = groups.get(key) ?? { weeks: 0, count: 0 };
    g.count += 1;
    if (item.effectiveWeeks === null) unestimated += 1;
    else {
      g.weeks += item.effectiveWeeks;
      total += item.effectiveWeeks;
    }
    groups.set(key, g);
  }
  const ordered = [...themes].sort((a, b) => a.position - b.position);
  const byTheme = [
    ...ordered.filter((t) => groups.has(t.id)).map((t) => ({ themeId: t.id, name: t.name, ...groups.get(t.id)! })),
    ...(groups.has(null) ? [{ themeId: null, name: NO_THEME_LABEL, ...groups.get(null)! }] : []),
  ];
  return {
    itemCount: items.length,
    totalWeeks: total,
    capacityWeeks,
    unestimated,
    overCapacity: total > capacityWeeks,
    byTheme,
  };
}
