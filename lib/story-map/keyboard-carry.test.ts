import { describe, expect, it } from 'vitest';
import { carryStep, isCarryKey, type CarryGrid } from './keyboard-carry';

const grid: CarryGrid = { steps: [11, 12, 13], slices: [1, 2] };

describe('carrying a card by keyboard', () => {
  it('moves along the steps of a slice and stops at its ends', () => {
    expect(carryStep(grid, { stepId: 11, sliceId: 1 }, 'ArrowRight', null)).toEqual({ stepId: 12, sliceId: 1 });
    expect(carryStep(grid, { stepId: 13, sliceId: 1 }, 'ArrowRight', null)).toEqual({ stepId: 13, sliceId: 1 });
    expect(carryStep(grid, { stepId: 12, sliceId: 2 }, 'ArrowLeft', null)).toEqual({ stepId: 11, sliceId: 2 });
    expect(carryStep(grid, { stepId: 11, sliceId: 2 }, 'ArrowLeft', null)).toEqual({ stepId: 11, sliceId: 2 });
  });

  it('moves between slices under the same step, with the tray below the last slice', () => {
    expect(carryStep(grid, { stepId: 12, sliceId: 1 }, 'ArrowDown', null)).toEqual({ stepId: 12, sliceId: 2 });
    expect(carryStep(grid, { stepId: 12, sliceId: 2 }, 'ArrowDown', null)).toBeNull();
    expect(carryStep(grid, { stepId: 12, sliceId: 2 }, 'ArrowUp', null)).toEqual({ stepId: 12, sliceId: 1 });
    expect(carryStep(grid, { stepId: 12, sliceId: 1 }, 'ArrowUp', null)).toEqual({ stepId: 12, sliceId: 1 });
  });

  it('leaves the tray only upwards, under the step the card last passed', () => {
    expect(carryStep(grid, null, 'ArrowUp', 13)).toEqual({ stepId: 13, sliceId: 2 });
    expect(carryStep(grid, null, 'ArrowUp', null)).toEqual({ stepId: 11, sliceId: 2 });
    expect(carryStep(grid, null, 'ArrowUp', 99)).toEqual({ stepId: 11, sliceId: 2 });
    expect(carryStep(grid, null, 'ArrowDown', 12)).toBeNull();
    expect(carryStep(grid, null, 'ArrowRight', 12)).toBeNull();
  });

  it('enters the first visible slice from a collapsed one, and stays put on a map without steps', () => {
    expect(carryStep(grid, { stepId: 11, sliceId: 7 }, 'ArrowDown', null)).toEqual({ stepId: 11, sliceId: 1 });
    expect(carryStep({ steps: [], slices: [1] }, null, 'ArrowUp', null)).toBeNull();
  });

  it('knows its keys', () => {
    expect(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight'].every(isCarryKey)).toBe(true);
    expect(isCarryKey('Space')).toBe(false);
  });
});
