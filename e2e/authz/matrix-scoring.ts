/**
 * The matrix rows of scoring: the scores page is for the backlog roles; the cycle's scoring settings
 * for those who manage cycles; an input for its owner role (and pm, admin). Each cell gets a RICE
 * cycle of its own with the default owners: effort the engineer's, reach the leader's.
 */
import { allow, BACKLOG, MANAGERS, str, type Row } from './rows';
import { cycle, item, type Scene } from './scene';

async function riceItem(s: Scene) {
  const c = await cycle(s, { scoringModel: 'rice' });
  const i = await item(s, { cycleId: c.id });
  return { c, i, from: `/cycles/${c.id}/scores` };
}

export const SCORING_ROWS: Row[] = [
  {
    target: 'page /cycles/[id]/scores',
    case: 'a RICE cycle',
    call: async (s) => ({ page: (await riceItem(s)).from }),
    expect: allow(BACKLOG, 'forbidden'),
  },
  {
    target: 'action updateScoringSettingsAction',
    case: 'a planning cycle',
    call: async (s) => {
      const c = await cycle(s);
      return {
        action: 'updateScoringSettingsAction',
        fields: { cycleId: str(c.id), model: 'wsjf', owner_job_size: 'leader' },
        from: `/cycles/${c.id}/settings`,
      };
    },
    expect: allow(MANAGERS, 'forbidden'),
  },
  {
    target: 'action setScoreRowAction',
    case: 'effort, which the engineer owns',
    call: async (s) => {
      const { c, i, from } = await riceItem(s);
      return {
        action: 'setScoreRowAction',
        fields: { cycleId: str(c.id), itemId: str(i.id), input_effort: '4' },
        from,
      };
    },
    expect: allow(['admin', 'pm', 'engineer'], 'forbidden'),
  },
  {
    target: 'action setScoreRowAction',
    case: 'reach, which a leader owns',
    call: async (s) => {
      const { c, i, from } = await riceItem(s);
      return {
        action: 'setScoreRowAction',
        fields: { cycleId: str(c.id), itemId: str(i.id), input_reach: '250' },
        from,
      };
    },
    expect: allow(['admin', 'pm', 'leader'], 'forbidden'),
  },
];
