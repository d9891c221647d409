import type { PrereadSnapshot } from '@/db/schema';
import { personWeeks } from '@/lib/plural';

/**
 * The pre-read's items grouped by theme, in the cycle's theme order, then those with no theme: a
 * leader reads the agenda as the cycle's goals, each with its key outcome, not as a flat list.
 */
export function itemsByTheme(snapshot: PrereadSnapshot) {
  const groups: { name: string; keyOutcome: string; metric?: string; items: PrereadSnapshot['items'] }[] = [
    ...snapshot.themes.map((t) => ({
      name: t.name,
      keyOutcome: t.keyOutcome,
      ...(t.metric ? { metric: t.metric } : {}),
      items: snapshot.items.filter((i) => i.themeId === t.id),
    })),
    {
      name: 'No theme',
      keyOutcome: '',
      items: snapshot.items.filter((i) => i.themeId === null || !snapshot.themes.some((t) => t.id === i.themeId)),
    },
  ];
  return groups.filter((g) => g.items.length > 0);
}

/** The same as e-mail lines: a heading per theme, then its items with their estimate. */
export function itemsByThemeLines(snapshot: PrereadSnapshot): string[] {
  return itemsByTheme(snapshot).flatMap((g) => [
    `${g.name}${g.keyOutcome ? ` — key outcome: ${g.keyOutcome}` : ''}${g.metric ? ` (measured by ${g.metric})` : ''} (${g.items.length})`,
    ...g.items.map(
      (i) => `• ${i.title} (${i.effectiveWeeks === null ? 'not estimated' : personWeeks(i.effectiveWeeks)})`,
    ),
  ]);
}
