import type { PrereadSnapshot } from '@/db/schema';

export type CapacitySummary = {
  totalWeeks: number;
  capacityWeeks: number;
  overBy: number;
  /** Items on the pre-read with no estimate: the total leaves them out, the reader should know. */
  unestimated: number;
  themes: { id: number | null; name: string; weeks: number; items: number }[];
};

export const NO_THEME = 'No theme';

/**
 * The agenda's planned person-weeks against the cycle's capacity, from the snapshot, so the
 * summary matches the frozen document rather than the live backlog. Pure.
 */
export function capacitySummary(snapshot: PrereadSnapshot): CapacitySummary {
  const themes = snapshot.themes.map((t) => ({ id: t.id as number | null, name: t.name, weeks: 0, items: 0 }));
  const byId = new Map(themes.map((t) => [t.id, t]));
  let totalWeeks = 0;
  let unestimated = 0;
  for (const item of snapshot.items) {
    let theme = byId.get(item.themeId);
    if (!theme) {
      // An item whose theme is not among the snapshot's themes still counts, under its own name.
      theme = { id: item.themeId, name: item.theme ?? NO_THEME, weeks: 0, items: 0 };
      byId.set(item.themeId, theme);
      themes.push(theme);
    }
    theme.items += 1;
    if (item.effectiveWeeks === null) {
      unestimated += 1;
      continue;
    }
    theme.weeks += item.effectiveWeeks;
    totalWeeks += item.effectiveWeeks;
  }
  const capacityWeeks = snapshot.cycle.capacityWeeks;
  return { totalWeeks, capacityWeeks, overBy: Math.max(0, totalWeeks - capacityWeeks), unestimated, themes };
}

export type ThemeSection<T> = {
  key: string;
  themeId: number | null;
  name: string;
  keyOutcome: string;
  /** The key outcome's metric in words, when the theme has one. */
  metric?: string;
  items: T[];
};

/** Items grouped by theme in the snapshot's theme order, items in snapshot order; no-theme last. */
export function groupByTheme<T extends { themeId: number | null; theme: string | null }>(
  snapshot: Pick<PrereadSnapshot, 'themes'>,
  items: T[],
): ThemeSection<T>[] {
  const sections = new Map<number | null, ThemeSection<T>>();
  for (const t of snapshot.themes) {
    sections.set(t.id, {
      key: `theme-${t.id}`,
      themeId: t.id,
      name: t.name,
      keyOutcome: t.keyOutcome,
      ...(t.metric ? { metric: t.metric } : {}),
      items: [],
    });
  }
  const extra: ThemeSection<T>[] = [];
  for (const item of items) {
    let section = sections.get(item.themeId);
    if (!section) {
      section = {
        key: item.themeId === null ? 'no-theme' : `theme-${item.themeId}`,
        themeId: item.themeId,
        name: item.theme ?? NO_THEME,
        keyOutcome: '',
        items: [],
      };
      sections.set(item.themeId, section);
      extra.push(section);
    }
    section.items.push(item);
  }
  const ordered = [
    ...snapshot.themes.map((t) => sections.get(t.id)!),
    ...extra.filter((s) => s.themeId !== null),
    ...extra.filter((s) => s.themeId === null),
  ];
  return ordered.filter((s) => s.items.length > 0);
}
