/**
 * "Keep modules together" for the agenda: items that share their first module are brought next to
 * the first of them, so the room discusses one part of the product at a time. Pure and stable:
 * nothing else moves, items without a module keep their place among the rest, and applying it twice
 * changes nothing more.
 */
export function keepModulesTogether<T>(ordered: readonly T[], firstModuleOf: (item: T) => number | null): T[] {
  const out: T[] = [];
  const placed = new Set<number>();
  ordered.forEach((item, i) => {
    if (placed.has(i)) return;
    out.push(item);
    placed.add(i);
    const module = firstModuleOf(item);
    if (module === null) return;
    for (let j = i + 1; j < ordered.length; j++) {
      if (!placed.has(j) && firstModuleOf(ordered[j]) === module) {
        out.push(ordered[j]);
        placed.add(j);
      }
    }
  });
  return out;
}
