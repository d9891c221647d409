/** The matrix's rows for the cycle's review: the page, closing the cycle, measured values, undelivered items. */
import { makeReviewScene } from '../fixtures/review';
import { allow, BACKLOG, MANAGERS, str, type Row } from './rows';
import type { Scene } from './scene';

const scene = (s: Scene, closed = false) => makeReviewScene(s.world, { pm: s.pm, closed });

export const REVIEW_ROWS: Row[] = [
  {
    target: 'page /cycles/[id]/review',
    case: 'a published cycle',
    call: async (s) => ({ page: `/cycles/${(await scene(s)).cycle.id}/review` }),
    expect: allow(BACKLOG, 'forbidden'),
  },
  {
    target: 'action closeCycleAction',
    case: 'a published cycle',
    call: async (s) => {
      const { cycle } = await scene(s);
      return { action: 'closeCycleAction', fields: { cycleId: str(cycle.id) }, from: `/cycles/${cycle.id}` };
    },
    expect: allow(MANAGERS, 'forbidden'),
  },
  {
    target: 'action recordMetricActualAction',
    case: 'a theme with a metric',
    call: async (s) => {
      const { cycle, theme } = await scene(s);
      return {
        action: 'recordMetricActualAction',
        fields: { cycleId: str(cycle.id), themeId: str(theme.id), metricActual: '2.6' },
        from: `/cycles/${cycle.id}/review`,
      };
    },
    expect: allow(MANAGERS, 'forbidden'),
  },
  {
    target: 'action disposeUndeliveredAction',
    case: 'a closed cycle with an undelivered item',
    call: async (s) => {
      const { cycle, exports, next } = await scene(s, true);
      return {
        action: 'disposeUndeliveredAction',
        fields: {
          cycleId: str(cycle.id),
          itemIds: str(exports.id),
          [`choice_${exports.id}`]: 'carry_over',
          [`reason_${exports.id}`]: '',
          targetCycleId: str(next.id),
        },
        from: `/cycles/${cycle.id}/review`,
      };
    },
    expect: allow(MANAGERS, 'forbidden'),
  },
];
