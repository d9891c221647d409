import type { BadInputTarget } from './targets';

/**
 * Bad input for the live meeting's ranking commands (POST /api/meetings/:id/live). `applied` of a
 * proposal is left out: true and false are both valid, and the suite's wrong values include a boolean.
 */
export const RANKING_BAD_INPUT_TARGETS: BadInputTarget[] = [
  {
    target: 'POST /api/meetings/[id]/live',
    from: 'submit my own order, invited',
    as: 'leader',
    kinds: { action: 'enum', itemIds: 'ids' },
  },
  {
    target: 'POST /api/meetings/[id]/live',
    from: 'propose a cut line, invited',
    as: 'leader',
    kinds: { capacityWeeks: 'num?', leftOutItemIds: 'ids' },
  },
  {
    target: 'POST /api/meetings/[id]/live',
    from: 'dismiss a proposed cut line, invited (the pm facilitates)',
    as: 'pm',
    kinds: { proposalId: 'id' },
  },
];
