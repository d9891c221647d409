import type { BadInputTarget } from './targets';

/**
 * Bad input for the story map's commands (POST /api/cycles/:id/map). The card's place (`to`, a step and
 * a slice of the cycle) is checked in lib/story-map's unit tests, ids of another cycle included.
 */
export const MAP_BAD_INPUT_TARGETS: BadInputTarget[] = [
  { target: 'GET /api/cycles/[id]/map', from: 'a planning cycle', as: 'pm', kinds: {} },
  { target: 'GET /api/cycles/[id]/map/events', from: 'a planning cycle', as: 'pm', kinds: {} },
  { target: 'POST /api/cycles/[id]/map', from: 'add a slice', as: 'pm', kinds: { action: 'enum', name: 'line' } },
  {
    target: 'POST /api/cycles/[id]/map',
    from: 'move a card from the tray into a cell',
    as: 'engineer',
    kinds: { itemId: 'id', version: 'ver', index: 'num?' },
  },
];
