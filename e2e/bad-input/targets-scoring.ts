import type { BadInputTarget } from './targets';

/**
 * Bad input for scoring. An input left out of a row is not a mistake (the row sends only what its
 * person owns), so inputs are optional numbers here; their ranges per model (confidence over 100,
 * job size 0, impact 1.5) are tested against the real models in lib/scoring. Owner fields are
 * optional for the same reason and tested there too.
 */
export const SCORING_BAD_INPUT_TARGETS: BadInputTarget[] = [
  {
    target: 'action updateScoringSettingsAction',
    from: 'a planning cycle',
    as: 'pm',
    kinds: { cycleId: 'id', model: 'enum' },
  },
  {
    target: 'action setScoreRowAction',
    from: 'effort, which the engineer owns',
    as: 'pm',
    kinds: { cycleId: 'id', itemId: 'id', input_effort: 'num?' },
  },
];
