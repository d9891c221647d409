import type { BadInputTarget } from './targets';

/**
 * Bad input for the cycle's review. The measured value may be negative (a metric can fall below
 * zero), so it is not sent the generic wrong numbers: its own refusals ("2,5", "1e3") are tested in
 * lib/review. Each item's choice and reason are named after the item (`choice_<id>`), so the rows
 * cannot name them; lib/review/dispose.test.ts refuses a missing choice, an unknown one and a drop
 * without a reason.
 */
export const REVIEW_BAD_INPUT_TARGETS: BadInputTarget[] = [
  { target: 'action closeCycleAction', from: 'a published cycle', as: 'pm', kinds: { cycleId: 'id' } },
  {
    target: 'action recordMetricActualAction',
    from: 'a theme with a metric',
    as: 'pm',
    kinds: { cycleId: 'id', themeId: 'id' },
  },
  {
    target: 'action disposeUndeliveredAction',
    from: 'a closed cycle with an undelivered item',
    as: 'pm',
    kinds: { cycleId: 'id', itemIds: 'ids', targetCycleId: 'id' },
  },
];
