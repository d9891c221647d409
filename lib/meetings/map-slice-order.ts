/**
 * The agenda editor offers first what the story map put in "This cycle": a stable reorder, so the
 * rest keeps the editor's own order (by theme, then oldest first). Browser-safe.
 */
export function thisCycleFirst<T extends { id: number }>(items: T[], onThisCycle: readonly number[]): T[] {
  const on = new Set(onThisCycle);
  return [...items.filter((i) => on.has(i.id)), ...items.filter((i) => !on.has(i.id))];
}

export const ON_THIS_CYCLE_LABEL = 'On the map: This cycle';
