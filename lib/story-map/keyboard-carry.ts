import type { MapPlace } from './types';

/**
 * Where the arrow keys take a card carried by keyboard, on the map's grid rather than by pixels:
 * left and right go to the neighbouring step of the same slice, up and down to the same step of the
 * neighbouring slice, and below the last slice lies the tray. Pure and browser-safe, so the rule is
 * unit-tested and the page only renders it.
 */
export type CarryGrid = {
  /** Step ids left to right. */
  steps: readonly number[];
  /** Slice ids top to bottom, those the viewer can see (a collapsed slice is no target). */
  slices: readonly number[];
};

export type CarryKey = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown';

export function isCarryKey(key: string): key is CarryKey {
  return key === 'ArrowLeft' || key === 'ArrowRight' || key === 'ArrowUp' || key === 'ArrowDown';
}

/** The place one arrow key leads to from `from`, or `from` itself when there is nothing that way. */
export function carryStep(grid: CarryGrid, from: MapPlace, key: CarryKey, lastStepId: number | null): MapPlace {
  if (grid.steps.length === 0 || grid.slices.length === 0) return from;
  if (from === null) {
    // From the tray only up leads somewhere: the last slice, under the step the card last passed.
    if (key !== 'ArrowUp') return from;
    const stepId = lastStepId !== null && grid.steps.includes(lastStepId) ? lastStepId : grid.steps[0];
    return { stepId, sliceId: grid.slices[grid.slices.length - 1] };
  }
  const step = Math.max(0, grid.steps.indexOf(from.stepId));
  const slice = grid.slices.indexOf(from.sliceId);
  switch (key) {
    case 'ArrowLeft':
      return step > 0 ? { ...from, stepId: grid.steps[step - 1] } : from;
    case 'ArrowRight':
      return step < grid.steps.length - 1 ? { ...from, stepId: grid.steps[step + 1] } : from;
    case 'ArrowUp':
      return slice > 0 ? { ...from, sliceId: grid.slices[slice - 1] } : from;
    case 'ArrowDown':
      if (slice === -1) return { ...from, sliceId: grid.slices[0] };
      return slice < grid.slices.length - 1 ? { ...from, sliceId: grid.slices[slice + 1] } : null;
  }
}
