import { cutLine, type CutLine, type Ranked } from './order';

/**
 * The cut line, honestly: where it falls, and which items below it would still fit into the
 * capacity left unused above it — a hint for the room, never applied by itself. Pure, so the
 * browser's what-if and the server compute the same line with the same `cutLine`.
 */

export type WhatIfItem = Pick<Ranked, 'id' | 'weeks'>;

export type HonestCut = CutLine & {
  /**
   * Items below the line that would fit into the unused capacity, taken in rank order while room
   * is left: together, not each on its own.
   */
  stillFitIds: number[];
  unusedWeeks: number;
};

const EPSILON = 1e-9;

export function honestCut(ordered: readonly WhatIfItem[], capacityWeeks: number): HonestCut {
  const cut = cutLine(ordered, capacityWeeks);
  let room = Math.max(0, capacityWeeks - cut.fittingWeeks);
  const unusedWeeks = room;
  const stillFitIds: number[] = [];
  for (const item of ordered.slice(cut.fitCount)) {
    const weeks = item.weeks ?? 0;
    if (weeks <= room + EPSILON) {
      stillFitIds.push(item.id);
      room -= weeks;
    }
  }
  return { ...cut, stillFitIds, unusedWeeks };
}

/** The line if the capacity were `capacityWeeks` and the items `leftOut` were not in the ranking. */
export function whatIf(
  ordered: readonly WhatIfItem[],
  capacityWeeks: number,
  leftOut: readonly number[],
): HonestCut & { keptIds: number[] } {
  const out = new Set(leftOut);
  const kept = ordered.filter((item) => !out.has(item.id));
  return { ...honestCut(kept, capacityWeeks), keptIds: kept.map((i) => i.id) };
}
